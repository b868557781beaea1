/// A page's content after an edit to its template, made from the last build's content: the
/// segments whose template chunks are unchanged are kept as bytes, and only the chunks the edit
/// made new are rendered (`MarkdownDocument+Segments`), with the page's context only when one of
/// them has a tag. The page must have the inputs of the last build (the same context).
///
/// Nil when the parts do not fit together as segments: new chunks that may define a link
/// reference, give a block an id the page has elsewhere (links and marks go into the last block
/// with an id); or parts put next to each other that do not admit each other
/// (`MarkdownDocument.Edges`). The page is then rendered whole.
struct PageSplice {
    /// The new content and its frame's segments.
    var content: [UInt8]
    var segments: [PageFrame.Segment]
    /// The segments of the last content left out, and the parts of the new one rendered, as ranges
    /// of each, by the place they lie in among the segments kept: `removed[n]` and `added[n]` lie
    /// after the `n`th segment kept and before the next (the first before any), so that the new
    /// content is the last with each place's `removed` parts given up for its `added` ones.
    var removed: [[Range<Int>]]
    var added: [[Range<Int>]]

    /// What the new content is made of, in order: a segment of the last content (by index), or new chunks.
    enum Part: Equatable {
        case kept(Int)
        case new(Range<Int>)
    }

    /// The old segments found again among the new chunks, in order, and the chunks between.
    static func match(_ old: [PageFrame.Segment], _ chunks: TemplateChunks) -> [Part] {
        var parts: [Part] = []
        var chunk = 0, next = 0
        var pending: Int?
        while chunk < chunks.chunks.count {
            let found = old[next...].firstIndex { segment in
                segment.chunks > 0 && chunk + segment.chunks <= chunks.chunks.count
                    && chunks.digest(of: chunk..<(chunk + segment.chunks)) == segment.digest
            }
            guard let found else {
                pending = pending ?? chunk
                chunk += 1
                continue
            }
            if let start = pending { parts.append(.new(start..<chunk)); pending = nil }
            parts.append(.kept(found))
            chunk += old[found].chunks
            next = found + 1
        }
        if let start = pending { parts.append(.new(start..<chunk)) }
        return parts
    }

    /// The new content from the last (`old`, cut as `frame.segments` says), with `render` making
    /// the HTML of new chunks.
    static func make(old: ArraySlice<UInt8>, frame: PageFrame, chunks: TemplateChunks,
                     render: (Range<Int>) -> MarkdownDocument.Segmented) -> PageSplice? {
        let parts = match(frame.segments, chunks)
        guard parts.contains(where: { if case .kept = $0 { true } else { false } }) else { return nil }
        var starts: [Int] = [], offset = old.startIndex
        for segment in frame.segments { starts.append(offset); offset += segment.length }
        var content: [UInt8] = [], segments: [PageFrame.Segment] = []
        content.reserveCapacity(old.count + 256)
        // Each rendered part with the ids it gives, and its place among the segments kept.
        var rendered: [(range: Range<Int>, ids: [String], place: Int)] = []
        var kept: [Int] = []
        for part in parts {
            let added: [PageFrame.Segment]
            switch part {
            case .kept(let number):
                let segment = frame.segments[number]
                content += old[starts[number]..<(starts[number] + segment.length)]
                added = [segment]
                kept.append(number)
            case .new(let range):
                let made = render(range)
                guard let cut = made.segments else { return nil }
                let at = content.count
                content += made.html.utf8
                rendered.append((at..<content.count, made.ids, kept.count))
                added = PageFrame.Segment.make(cut, of: chunks, from: range.lowerBound)
            }
            segments += added
        }
        guard MarkdownDocument.Edges.fit(segments.map(\.edges)) else { return nil }
        guard !givesTwice(rendered.map { ($0.range, $0.ids) }, in: content) else { return nil }
        // The segments kept are in their old order (`match` looks only forward): a segment left
        // out lies after as many of them as have a lower number.
        var removed = Array(repeating: [Range<Int>](), count: kept.count + 1)
        var added = removed
        var place = 0
        for number in frame.segments.indices {
            if place < kept.count, kept[place] == number { place += 1; continue }
            removed[place].append((starts[number] - old.startIndex)..<(starts[number] - old.startIndex + frame.segments[number].length))
        }
        for part in rendered { added[part.place].append(part.range) }
        return PageSplice(content: content, segments: segments, removed: removed, added: added)
    }

    /// Whether an id a rendered part gives is in `content` outside that part too, as
    /// ` id="<id>"` (`BlockAttributes.html`). One pass over the content, each ` id="…"` read up
    /// to its closing quote: an id is a valid name (`BlockAttributes.isValidName`), never a quote,
    /// so that is the id an exact search for it would find there. (A search of the whole page for
    /// each id took a fifth of the build after an edit to a partial of every paragraph.)
    static func givesTwice(_ parts: [(range: Range<Int>, ids: [String])], in content: [UInt8]) -> Bool {
        var given: [String: [Range<Int>]] = [:]
        for part in parts { for id in part.ids { given[id, default: []].append(part.range) } }
        guard !given.isEmpty else { return false }
        return content.withUnsafeBufferPointer { bytes in
            var from = 0
            while let at = ByteSearch.firstIndex(of: idOpening, in: bytes, from: from) {
                let start = at + idOpening.count
                guard let end = ByteSearch.firstIndex(of: UInt8(ascii: "\""), in: bytes, from: start) else { return false }
                if let ranges = given[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)],
                   ranges.contains(where: { !$0.contains(at) }) {
                    return true
                }
                from = at + 1
            }
            return false
        }
    }

    private static let idOpening = Array(" id=\"".utf8)
}
