import Mustache

/// Markdown the Site stage has already made safe: escaped plain text, or an editor's sanitized
/// Markdown. A template inserts it with `{{text}}` like any other value, and it is not escaped twice.
public struct MarkdownFragment: Sendable, Codable, Hashable, MustacheCustomRenderable, CustomStringConvertible {
    public let markdown: String

    public init(plain text: String) {
        markdown = MarkdownEscaping.escape(text)
    }

    public init(markdown text: String) {
        markdown = MarkdownEscaping.sanitize(markdown: text)
    }

    /// `[text](url)` for each link, joined by `separator`: what
    /// `{{#links}}[{{text}}]({{url}}){{^last()}}separator{{/last()}}{{/links}}` renders in a Markdown
    /// template, each value escaped as the template escapes it (`separator` is taken as Markdown).
    init(links: [(text: String, url: String)], separator: String) {
        var markdown = ""
        for (n, link) in links.enumerated() {
            if n > 0 { markdown += separator }
            markdown += "[" + MarkdownEscaping.escape(link.text) + "](" + MarkdownEscaping.escape(link.url) + ")"
        }
        self.markdown = markdown
    }

    /// Markdown this module has escaped itself, as `init(plain:)` and `init(links:separator:)` do.
    init(escaped markdown: String) {
        self.markdown = markdown
    }

    init(block: TextBlock) {
        self = block.isMarkdown ? MarkdownFragment(markdown: block.text) : MarkdownFragment(plain: block.text)
    }

    /// Prefixed with a reserved marker that the Markdown content type recognises and strips.
    public var renderText: String { String(Character(MarkdownEscaping.fragmentMarker)) + markdown }
    public var isNull: Bool { markdown.isEmpty }
    public var description: String { renderText }
}
