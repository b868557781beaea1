import Mustache

/// A page template cut into its top-level chunks: runs of whole lines at the end of which no
/// section is open. Each chunk is parsed as a template of its own, and a page is its chunks
/// rendered one after the other, which is the template's output: a section's lines stay
/// together, and a line stands alone or not as in the whole template. An inverted section
/// (`{{^empty(quotes)}}`, a heading and a list), or one that finds a single value on every page
/// (`{{#moreQuotes.summary}}`, `SectionValues`), is cut inside too, each part in the section's
/// tags (`apart`): an edit to its heading then leaves its list as it was.
///
/// A page's content is kept in the build cache as segments (`PageFrame.Segment`): runs of chunks
/// whose Markdown is a document of its own (`MarkdownDocument.segmented`). After an edit
/// to the template, a page with the inputs of the last build keeps the segments whose chunks are
/// unchanged, and only the new chunks are rendered (`PageSplice`).
///
/// A template is not cut when the light scan may misread it: a delimiter change, a block or a
/// parent (`{{$…}}`, `{{<…}}`), a dynamic partial, or a section that does not close in it.
struct TemplateChunks: Sendable {
    struct Chunk: @unchecked Sendable {
        /// The chunk as a template, with the content type of the template.
        let template: MustacheTemplate
        /// The chunk's text with the partials it uses, all the way down.
        let digest: UInt64
        /// Whether it has no tags: its output is its text, whatever the page.
        let isText: Bool
        /// The names it looks up in a page's context outside any section (`ContextNames`).
        let names: ContextNames
    }

    let chunks: [Chunk]
    /// The digest of each run of chunks (`PageFrame.Segment.digest`), by start, then length - 1:
    /// worked out once, not for each page.
    private let runDigests: [[UInt64]]

    init(chunks: [Chunk]) {
        self.chunks = chunks
        runDigests = chunks.count > Self.mostRuns ? [] : chunks.indices.map { start in
            (start..<chunks.count).map { end in PageFrame.Segment.digest(chunks[start...end]) }
        }
    }

    /// Past this many chunks, the digests of runs are worked out when asked.
    private static let mostRuns = 256

    /// The digest of these chunks, in order.
    func digest(of run: Range<Int>) -> UInt64 {
        runDigests.isEmpty || run.isEmpty ? PageFrame.Segment.digest(chunks[run]) : runDigests[run.lowerBound][run.count - 1]
    }

    /// The names a run of chunks looks up in a page's context outside any section.
    func names(of run: Range<Int>) -> ContextNames {
        chunks[run].reduce(ContextNames([])) { $0.union($1.names) }
    }

    /// The chunks of a template, prepared as `TemplateSet` prepares it (`prefix` is the content type
    /// tag, `prepared` the text after it); nil when it is not cut, or is one chunk.
    /// `partialsDigest` gives the digest of the partials a chunk's text names, `partialTags` the
    /// tags of a partial.
    static func make(prefix: String, prepared: String, partialsDigest: ([String]) -> String,
                     partialTags: (String) -> [MustacheTags.Tag]?, rendersOnce: (String) -> Bool = { _ in false }) -> TemplateChunks? {
        guard let cut = cut(prepared) else { return nil }
        // The first chunk has the content type tag on its first line: not cut inside.
        let texts = cut.indices.flatMap { $0 == 0 ? [String(cut[$0])] : apart(cut[$0], rendersOnce: rendersOnce) }
        guard texts.count > 1 else { return nil }
        var chunks: [Chunk] = []
        for (index, text) in texts.enumerated() {
            let tags = MustacheTags.scan(text)
            var hasher = StableHasher()
            hasher.combine(text)
            hasher.combine(partialsDigest(tags.filter { $0.sigil == ">" }.map(\.name)))
            // The first chunk carries the content type tag on its first line, as the whole template
            // does; any other has it on a line of its own, which stands alone and renders nothing.
            let source = index == 0 ? prefix + text : prefix + "\n" + text
            guard let template = try? MustacheTemplate(string: source) else { return nil }
            var seen = Set<String>()
            chunks.append(Chunk(template: template, digest: hasher.words.0, isText: tags.isEmpty,
                                names: lookedUp(by: tags, partialTags: partialTags, seen: &seen).map(ContextNames.init) ?? .all))
        }
        return TemplateChunks(chunks: chunks)
    }

    /// The names these tags look up outside any section (`ContextNames.lookedUp`): variables, and
    /// sections opened there; and the names the partials included there look up outside theirs
    /// (`partialTags`; each partial once, in `seen`). A name inside a section is looked up in the
    /// section's value first, and the renderer finds those that reach the page's context
    /// (`LookupRecorder`). Comments and pragmas look nothing up, and a template with a delimiter
    /// change, a block or a parent is not cut. Nil when a tag there looks at the page's context
    /// itself (`{{.}}`): a page made for some names would not show as the whole page.
    static func lookedUp(by tags: [MustacheTags.Tag], partialTags: (String) -> [MustacheTags.Tag]?, seen: inout Set<String>) -> Set<String>? {
        var names = Set<String>(), depth = 0
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "", "&", "{":
                if depth == 0 {
                    if ContextNames.isContextItself(tag.name) { return nil }
                    if let name = ContextNames.lookedUp(tag.name) { names.insert(name) }
                }
                if tag.sigil == "#" || tag.sigil == "^" { depth += 1 }
            case "/":
                depth -= 1
            case ">":
                if depth == 0, seen.insert(tag.name).inserted, let inner = partialTags(tag.name) {
                    guard let more = lookedUp(by: inner, partialTags: partialTags, seen: &seen) else { return nil }
                    names.formUnion(more)
                }
            default:
                break
            }
        }
        return names
    }

    /// The template's text cut after each line at whose end no section is open (its tags as
    /// `MustacheTags.scan` reads them).
    static func cut(_ text: String) -> [Substring]? {
        var unclosed: [Int] = []
        let tags = MustacheTags.scan(text, unclosed: &unclosed)
        guard unclosed.isEmpty else { return nil }
        var chunks: [Substring] = []
        var depth = 0, line = 1, next = tags.startIndex
        let utf8 = text.utf8
        var start = utf8.startIndex, lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
            while next < tags.endIndex, tags[next].line == line {
                let tag = tags[next]
                next += 1
                switch tag.sigil {
                case "#", "^": depth += 1
                case "/": depth -= 1
                case "=", "$", "<": return nil
                case ">": if tag.name.hasPrefix("*") { return nil }
                default: break
                }
                guard depth >= 0 else { return nil }
            }
            if depth == 0 {
                chunks.append(text[start..<lineEnd])
                start = lineEnd
            }
            lineStart = lineEnd
            line += 1
        }
        return depth == 0 ? chunks : nil
    }

    /// A chunk that is a section rendered at most once, its open and close tags each alone on a
    /// line, cut inside: the lines between cut as a template is (`cut`; a part itself cut so when
    /// it is one too), blank lines kept with the part before them (a heading and the blank line
    /// after it; a list and the blank line that ends it), and each part put in the section's two
    /// lines. Such a section is an inverted one, or one whose name `rendersOnce` says finds a
    /// single value on every page, never a list or a lambda (`SectionValues`: a list would render
    /// the parts item by item, in another order). It renders what it holds once, with the same
    /// context, or not at all, so its parts, each in its tags, render what it does; the lines of
    /// the tags stand alone and render nothing. Each part looks the section's name up again: they
    /// are few. Inside a section that is not inverted, the context has its value on top, so only
    /// inverted sections are cut there. Any other chunk as it is.
    static func apart(_ chunk: Substring, rendersOnce: (String) -> Bool = { _ in false }) -> [String] {
        let utf8 = chunk.utf8
        guard let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")).map({ utf8.index(after: $0) }), firstEnd < utf8.endIndex else {
            return [String(chunk)]
        }
        let body = utf8.last == UInt8(ascii: "\n") ? utf8.index(before: utf8.endIndex) : utf8.endIndex
        let lastStart = utf8[..<body].lastIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard lastStart > firstEnd else { return [String(chunk)] }
        let open = chunk[..<firstEnd], inner = chunk[firstEnd..<lastStart], close = chunk[lastStart...]
        guard let (sigil, name) = loneTag(open, sigils: ["^", "#"]), loneTag(close, sigils: ["/"])?.name == name,
              sigil == "^" || rendersOnce(name),
              let parts = cut(String(inner)) else {
            return [String(chunk)]
        }
        let inverted = sigil == "^"
        // At the byte: "\r\n" is one `Character`, which is not "\n".
        let closeLine = close.utf8.last == UInt8(ascii: "\n") ? String(close) : close + "\n"
        var pieces: [String] = []
        for piece in parts.flatMap({ inverted ? apart($0, rendersOnce: rendersOnce) : apart($0) }) {
            let blank = piece.utf8.allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            if pieces.isEmpty || !blank { pieces.append(piece) } else { pieces[pieces.count - 1] += piece }
        }
        guard pieces.count > 1 else { return [String(chunk)] }
        return pieces.indices.map { String(open) + pieces[$0] + ($0 == pieces.count - 1 ? String(close) : closeLine) }
    }

    /// The sigil and name of the one tag on a line, of one of these sigils, with nothing but blanks around it.
    private static func loneTag(_ line: Substring, sigils: Set<String>) -> (sigil: String, name: String)? {
        let trimmed = line.trimmingWhitespace
        let tags = MustacheTags.scan(trimmed)
        guard tags.count == 1, sigils.contains(tags[0].sigil), trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}") else { return nil }
        return (tags[0].sigil, tags[0].name)
    }
}
