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
    /// The new content, in order: runs of the last content kept, and parts rendered now.
    var pieces: [Piece]
    /// The bytes of the parts rendered now, one after the other (`Piece.made` and `added` are ranges of it).
    var made: [UInt8]
    /// The new content's length in bytes.
    var count: Int
    var segments: [PageFrame.Segment]
    /// The segments of the last content left out, as ranges of it, and the parts rendered now, as
    /// ranges of `made`, by the place they lie in among the segments kept: `removed[n]` and
    /// `added[n]` lie after the `n`th segment kept and before the next (the first before any), so
    /// that the new content is the last with each place's `removed` parts given up for its `added` ones.
    var removed: [[Range<Int>]]
    var added: [[Range<Int>]]

    /// A piece of the new content: a run of the last content (a range of it, from 0), which a
    /// page written copies from its last file, or a part rendered now (a range of `made`).
    enum Piece: Equatable {
        case kept(Range<Int>)
        case made(Range<Int>)
    }

    /// What the new content is made of, in order: a segment of the last content (by index), or new chunks.
    enum Part: Equatable {
        case kept(Int)
        case new(Range<Int>)
    }

    /// The new content's bytes, given the last content's (`old`, from any index).
    func content(_ old: ArraySlice<UInt8>) -> [UInt8] {
        var content: [UInt8] = []
        content.reserveCapacity(count)
        for piece in pieces {
            switch piece {
            case .kept(let range): content += old[(old.startIndex + range.lowerBound)..<(old.startIndex + range.upperBound)]
            case .made(let range): content += made[range]
            }
        }
        return content
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

    /// The new content from the last (cut as `frame.segments` says), with `render` making the
    /// HTML of new chunks. The last content itself (`old`) is read only when a part rendered gives
    /// an id, to find it given twice; the runs kept are copied from the last file when the page is
    /// written.
    static func make(frame: PageFrame, chunks: TemplateChunks, old: () -> ArraySlice<UInt8>?,
                     render: (Range<Int>) -> MarkdownDocument.Segmented) -> PageSplice? {
        let parts = match(frame.segments, chunks)
        guard parts.contains(where: { if case .kept = $0 { true } else { false } }) else { return nil }
        var starts: [Int] = [], offset = 0
        for segment in frame.segments { starts.append(offset); offset += segment.length }
        var pieces: [Piece] = [], made: [UInt8] = [], count = 0, segments: [PageFrame.Segment] = []
        // Each rendered part with the ids it gives, as a range of the new content and of `made`,
        // and its place among the segments kept.
        var rendered: [(range: Range<Int>, made: Range<Int>, ids: [String], place: Int)] = []
        var kept: [Int] = []
        for part in parts {
            let added: [PageFrame.Segment]
            switch part {
            case .kept(let number):
                let segment = frame.segments[number]
                let range = starts[number]..<(starts[number] + segment.length)
                // Segments that follow each other in the last content are one run.
                if case .kept(let run)? = pieces.last, run.upperBound == range.lowerBound {
                    pieces[pieces.count - 1] = .kept(run.lowerBound..<range.upperBound)
                } else {
                    pieces.append(.kept(range))
                }
                count += segment.length
                added = [segment]
                kept.append(number)
            case .new(let range):
                let html = render(range)
                guard let cut = html.segments else { return nil }
                let at = made.count
                made += html.html.utf8
                pieces.append(.made(at..<made.count))
                rendered.append((count..<(count + made.count - at), at..<made.count, html.ids, kept.count))
                count += made.count - at
                added = PageFrame.Segment.make(cut, of: chunks, from: range.lowerBound)
            }
            segments += added
        }
        guard MarkdownDocument.Edges.fit(segments.map(\.edges)) else { return nil }
        var splice = PageSplice(pieces: pieces, made: made, count: count, segments: segments, removed: [], added: [])
        if rendered.contains(where: { !$0.ids.isEmpty }) {
            guard let last = old(), last.count == offset,
                  !givesTwice(rendered.map { ($0.range, $0.ids) }, in: splice.content(last)) else { return nil }
        }
        // The segments kept are in their old order (`match` looks only forward): a segment left
        // out lies after as many of them as have a lower number.
        var removed = Array(repeating: [Range<Int>](), count: kept.count + 1)
        var added = removed
        var place = 0
        for number in frame.segments.indices {
            if place < kept.count, kept[place] == number { place += 1; continue }
            removed[place].append(starts[number]..<(starts[number] + frame.segments[number].length))
        }
        for part in rendered { added[part.place].append(part.made) }
        (splice.removed, splice.added) = (removed, added)
        return splice
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
