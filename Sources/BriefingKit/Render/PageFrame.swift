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
    /// The same as a range of the file's bytes.
    var content: Range<Int> { contentOffset..<(contentOffset + contentLength) }
    /// What the page gave the layout.
    public var page: LayoutContext.PageFields
    /// The content's segments, in order, when it was cut into them (`MarkdownDocument+Segments`).
    var segments: [Segment] = []

    /// A segment of the content: a digest of its template chunks, how many, its length in bytes,
    /// and how it meets the segments around it (`MarkdownDocument.Segment`).
    struct Segment: Sendable, Equatable {
        var digest: UInt64
        var chunks: Int
        var length: Int
        var edges: MarkdownDocument.Edges

        /// The digest of these chunks of a template, in order.
        static func digest(_ chunks: some Sequence<TemplateChunks.Chunk>) -> UInt64 {
            var hasher = StableHasher()
            for chunk in chunks { hasher.combine(chunk.digest) }
            return hasher.words.0
        }

        /// The segments of a page whose content starts at chunk `first` of a template's chunks; none for none.
        static func make(_ segments: [MarkdownDocument.Segment]?, of cut: TemplateChunks, from first: Int = 0) -> [Segment] {
            guard let segments else { return [] }
            var first = first
            return segments.map { segment in
                defer { first += segment.chunks }
                return Segment(digest: cut.digest(of: first..<(first + segment.chunks)), chunks: segment.chunks, length: segment.length,
                               edges: segment.edges)
            }
        }
    }

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
        writer.int(segments.count)
        for segment in segments {
            writer.int(Int(bitPattern: UInt(segment.digest))); writer.int(segment.chunks); writer.int(segment.length)
            writer.int(segment.edges.packed)
        }
    }

    public init(from reader: inout BinaryReader) throws {
        contentOffset = try reader.int()
        contentLength = try reader.int()
        guard contentOffset >= 0, contentLength >= 0 else { throw BinaryReader.Failure.invalid }
        page = LayoutContext.PageFields(template: try reader.string(), title: try reader.string(), description: try reader.string(),
                                        openGraphType: try reader.string(), canonical: try reader.optionalString(), jsonLD: try reader.string())
        let count = try reader.count()
        var total = 0
        for _ in 0..<count {
            let digest = UInt64(UInt(bitPattern: try reader.int())), chunks = try reader.int(), length = try reader.int()
            // Each length within what the content has left, and chunks a template could have:
            // added up here and in `PageSplice`, they cannot go past the largest number.
            guard chunks >= 0, chunks <= Int(Int32.max), length >= 0, length <= contentLength - total,
                  let edges = MarkdownDocument.Edges(packed: try reader.int()) else {
                throw BinaryReader.Failure.invalid
            }
            let segment = Segment(digest: digest, chunks: chunks, length: length, edges: edges)
            total += segment.length
            segments.append(segment)
        }
        guard segments.isEmpty || total == contentLength else { throw BinaryReader.Failure.invalid }
    }
}
