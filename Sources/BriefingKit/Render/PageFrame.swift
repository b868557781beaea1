/// A page's file as the layout around its content (`layout.html` around the HTML of the page's
/// template), as the build cache keeps it: where the content lies in the file, and what the page
/// gave the layout besides. After an edit to the layout alone, a page with the inputs and the
/// body templates of the last build keeps its content: the build reads it back from the last
/// build's file and puts it in the new layout, without making or rendering the page
/// (`SiteBuilder.renderAndWrite`), which is most of the time of a page.
public struct PageFrame: Sendable, Equatable {
    /// Where the content lies in the page's file, in bytes.
    public var contentOffset: Int
    public var contentLength: Int
    /// What the page gave the layout.
    public var page: LayoutContext.PageFields

    /// What the layout is rendered with in place of a page's content, to find where the content
    /// goes: two private-use characters around a word, which no template or content has.
    static let contentMarker = "\u{E006}content\u{E006}"
    static let contentMarkerBytes = Array(contentMarker.utf8)

    /// Whether a layout can frame content it does not look at: the layout and the partials it
    /// uses insert `content` only unescaped (`{{{content}}}`, `{{& content}}`), never in a section,
    /// a transform or an escaped tag, nor the whole context (`{{.}}`), and keep the default
    /// delimiters. Then the HTML around the content is the same whatever the content is, and a page
    /// is the layout rendered with `contentMarker` with the content put in its place (where the
    /// marker is found exactly once; else the page is rendered whole).
    static func canFrame(_ sources: [String: String], layout: String) -> Bool {
        var seen: Set<String> = [layout], queue = [layout]
        while let name = queue.popLast() {
            guard let text = sources[name], !text.contains("{{=") else { return false }
            for tag in MustacheTags.scan(text) {
                if tag.sigil == ">" || tag.sigil == "<" {
                    if tag.name.hasPrefix("*") { return false }
                    if seen.insert(tag.name).inserted { queue.append(tag.name) }
                    continue
                }
                if tag.sigil == "!" || tag.sigil == "%" { continue }
                let words = tag.name.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                let plain = (tag.sigil == "{" || tag.sigil == "&") && tag.name == "content"
                if !plain && (words.contains("content") || tag.name == ".") { return false }
            }
        }
        return true
    }
}

extension PageFrame: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.int(contentOffset); writer.int(contentLength)
        writer.string(page.template); writer.string(page.title); writer.string(page.description)
        writer.string(page.openGraphType); writer.string(page.canonical); writer.string(page.jsonLD)
    }

    public init(from reader: inout BinaryReader) throws {
        contentOffset = try reader.int()
        contentLength = try reader.int()
        guard contentOffset >= 0, contentLength >= 0 else { throw BinaryReader.Failure.invalid }
        page = LayoutContext.PageFields(template: try reader.string(), title: try reader.string(), description: try reader.string(),
                                        openGraphType: try reader.string(), canonical: try reader.optionalString(), jsonLD: try reader.string())
    }
}
