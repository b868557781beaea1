import Mustache

/// A picture the generator draws (an SVG), placed by a template with `{{network}}` on a line of
/// its own. The template only places it: the HTML comes from the page's `figures`, never from
/// content, and the Render stage puts it in after Markdown is parsed.
public struct Figure: Sendable, Codable, MustacheCustomRenderable, CustomStringConvertible {
    public let id: String

    public var renderText: String {
        String(Character(MarkdownEscaping.fragmentMarker)) + String(Character(MarkdownEscaping.figureOpen)) + id
            + String(Character(MarkdownEscaping.figureClose))
    }
    public var isNull: Bool { false }
    public var description: String { renderText }
}
