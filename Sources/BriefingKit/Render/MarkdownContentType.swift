import Mustache

/// The Mustache content type of every Markdown template: values are escaped for Markdown, except
/// `MarkdownFragment`s, which the Site stage made safe already and marked.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.first == MarkdownEscaping.fragmentMarker {
            // A slice of the string's own storage, copied once (not rebuilt scalar by scalar).
            return String(scalars[scalars.index(after: scalars.startIndex)...])
        }
        return MarkdownEscaping.escape(text)
    }

    /// Registered once, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
        return true
    }()
}
