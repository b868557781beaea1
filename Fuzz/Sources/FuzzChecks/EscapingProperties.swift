@testable import BriefingKit

/// What Markdown escaping promises, checked with the renderer the site uses (cmark-gfm with its
/// extensions): an escaped value shows exactly as its text, collapsed, and a sanitized fragment
/// keeps its reserved characters out and cannot swallow the Markdown that follows it.
public enum EscapingProperties {
    public static func escapeViolations(_ text: String) -> [String] {
        let escaped = MarkdownEscaping.escape(text)
        var found: [String] = []
        if escaped.unicodeScalars.contains(where: MarkdownEscaping.isDropped) { found.append("escape kept a control or reserved character") }
        let visible = MarkdownEscaping.collapsing(text)
        let expected = visible.isEmpty ? "" : "<p>" + htmlText(visible) + "</p>\n"
        // GFM's autolink extension links an e-mail address found in the parsed text, escaped or not:
        // a harmless `mailto:` link, accepted (see `MarkdownEscaping.escape`).
        let html = MarkdownDocument.html(from: escaped + "\n").replacing(#/<a href="mailto:[^"]*">([^<]*)</a>/#.matchingSemantics(.unicodeScalar)) { String($0.output.1) }
        if html != expected { found.append("escape(\(text.debugDescription)) = \(escaped.debugDescription) renders \(html.debugDescription), not \(expected.debugDescription)") }
        return found
    }

    /// The paragraph after the fragment is still a paragraph of its own.
    public static let sentinel = "Fuzz sentinel paragraph"

    public static func sanitizeViolations(_ markdown: String) -> [String] {
        let sanitized = MarkdownEscaping.sanitize(markdown: markdown)
        var found: [String] = []
        if sanitized.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && MarkdownEscaping.isDropped($0) }) {
            found.append("sanitize kept a control or reserved character")
        }
        if swallows(sanitized) {
            found.append("sanitize(markdown: \(markdown.debugDescription)) = \(sanitized.debugDescription) swallows what follows")
        }
        // Only what needs closing is changed.
        let kept = String(String.UnicodeScalarView(markdown.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !MarkdownEscaping.isDropped($0) }))
        if !swallows(kept), sanitized != kept {
            found.append("sanitize(markdown: \(markdown.debugDescription)) = \(sanitized.debugDescription) changed a fragment that closes its blocks")
        }
        return found
    }

    /// Whether a paragraph after the fragment is not a paragraph of its own.
    static func swallows(_ fragment: String) -> Bool {
        !MarkdownDocument.html(from: fragment + "\n\n" + sentinel + "\n").hasSuffix("<p>" + sentinel + "</p>\n")
    }

    /// Text as cmark-gfm writes it in HTML.
    static func htmlText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
