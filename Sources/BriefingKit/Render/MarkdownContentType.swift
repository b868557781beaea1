import Mustache

/// The Mustache content type of every Markdown template: values are escaped for Markdown, except
/// `MarkdownFragment`s, which the Site stage made safe already and marked.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        if text.unicodeScalars.first == MarkdownEscaping.fragmentMarker {
            return String(String.UnicodeScalarView(text.unicodeScalars.dropFirst()))
        }
        return MarkdownEscaping.escape(text)
    }

    /// Registered once, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
        return true
    }()
}
