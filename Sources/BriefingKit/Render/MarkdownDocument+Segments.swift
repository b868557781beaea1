import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page's Markdown, made of its template's chunks (`TemplateChunks`), rendered whole as always,
/// and cut into segments: runs of chunks whose Markdown is a document of its own, whose HTML is
/// the same alone as in the page. An edit to the template then renders only the chunks it
/// changed (`PageSplice`).
///
/// A chunk starts a segment when a blank line separates it from the Markdown before, no block
/// runs across, and the last block before it is one that nothing after a blank line continues
/// (`End.clean`: not a list, not an indented code block), or a list that the chunk cannot
/// continue (`End.list`: the chunk's first line that is not empty starts at the first column, and
/// not a list). Then the lines after it are read as they would be at the start of a document.
/// What the generator does to the tree must not reach across either: an attribute line before
/// the chunk (it belongs to the next block), a fence open over it. `Edges` keeps, for each
/// segment, what another segment put before or after it must be. A chunk that adds no block is
/// set apart as a segment of no HTML where the rest does not change for it (`settingApart`).
///
/// A page has no segments when an id is given twice (links and marks go into the last block with
/// the id), when it may define a link reference (`]:`, which reaches the whole page) and when it
/// has a carriage return (cmark counts lines by it too).
extension MarkdownDocument {
    /// How a segment's last block ends: whether another segment may follow it, and which.
    enum End: UInt8, Sendable {
        /// Nothing may follow: a block may go on into what follows (a fence, an attribute line, no line break).
        case open = 0
        /// Any segment may follow.
        case clean = 1
        /// With a list: a segment may follow that starts at the first column, not with a list.
        case list = 2
    }

    /// How a segment meets the segments around it.
    struct Edges: Sendable, Equatable {
        var end: End
        /// Its Markdown ends with a blank line, or starts with one.
        var endsBlank: Bool
        var startsBlank: Bool
        /// Its first line that is not empty starts at the first column, and not a list.
        var flushStart: Bool
        /// Its Markdown is blank lines or nothing: between two segments, it stands for its lines.
        var blank: Bool

        /// Whether `next` may follow: a blank line between them, and `end` admits how it starts.
        func admits(_ next: Edges) -> Bool {
            (endsBlank || next.startsBlank) && (end == .clean || (end == .list && next.flushStart))
        }

        /// Whether these segments, in this order, are each one the last before it admits.
        static func fit(_ segments: some Sequence<Edges>) -> Bool {
            var last: Edges?
            for segment in segments {
                if segment.blank {
                    if segment.startsBlank { last?.endsBlank = true }
                    continue
                }
                if let last, !last.admits(segment) { return false }
                last = segment
            }
            return true
        }

        var packed: Int {
            Int(end.rawValue) | (endsBlank ? 4 : 0) | (startsBlank ? 8 : 0) | (flushStart ? 16 : 0) | (blank ? 32 : 0)
        }

        init(end: End, endsBlank: Bool, startsBlank: Bool, flushStart: Bool, blank: Bool) {
            (self.end, self.endsBlank, self.startsBlank, self.flushStart, self.blank) = (end, endsBlank, startsBlank, flushStart, blank)
        }

        init?(packed: Int) {
            guard packed >= 0, packed < 64, let end = End(rawValue: UInt8(packed & 3)) else { return nil }
            self.init(end: end, endsBlank: packed & 4 != 0, startsBlank: packed & 8 != 0, flushStart: packed & 16 != 0, blank: packed & 32 != 0)
        }
    }

    /// A segment of a page's content: how many chunks it is made of, its length in the HTML, and
    /// how it meets the segments around it.
    struct Segment: Equatable {
        var chunks: Int
        var length: Int
        var edges: Edges
    }

    /// A page's HTML, with its segments (nil when it cannot be cut) and the ids it gave blocks.
    struct Segmented {
        var html: String
        var segments: [Segment]?
        var ids: [String]
    }

    /// What the Markdown's bytes tell: whether it may be cut, where chunks may start a segment,
    /// and how it starts and ends.
    private struct Reading {
        var mayCut = false
        var candidates: [Candidate] = []
        /// What each chunk's Markdown is (`settingApart`).
        var shapes: [ChunkShape] = []
        /// The number of line breaks; whether it ends with one, and with a blank line.
        var lines = 0
        var endsLine = false
        var endsBlank = false
        var startsBlank = false
        /// The first line that is not empty starts at the first column.
        var flush = false
        var blank = true
    }

    /// A chunk that may start a segment: its first line and how it meets the Markdown before.
    private struct Candidate {
        var chunk: Int
        var line: Int
        var endsBlank: Bool
        var startsBlank: Bool
        var flush: Bool
    }

    /// The HTML of `markdown`, made of chunks starting at `chunkStarts` (UTF-8 offsets, the first 0),
    /// with its segments: the same HTML as `html(from:links:figures:highlights:)`.
    static func segmented(_ markdown: String, chunkStarts: [Int], links: [String: [InlineLink]] = [:],
                          figures: [String: String] = [:], highlights: [String: [Highlight]] = [:]) -> Segmented {
        var markdown = markdown
        let reading = markdown.withUTF8 { Self.read($0, chunkStarts: chunkStarts) }
        let document = MarkdownDocument(markdown)
        let (marked, blocks) = document.markSegments(at: reading.candidates)
        document.applyChanges(links: links, figures: figures, highlights: highlights)
        let ids = Array(document.blocksByID.keys)
        guard reading.mayCut, !document.duplicateIDs else {
            document.dropSentinels(marked.map(\.node))
            return Segmented(html: document.renderHTML(), segments: nil, ids: ids)
        }
        // How the page starts and ends, were segments put around it.
        var lastEnd = End.open
        if reading.endsLine, !document.danglingAttributes, !document.openFences {
            if let last = blocks.last {
                // A block of code or HTML left open runs to the end, the blank line at the end
                // included; without one, it cannot be told from one closed on the last line. (A
                // list at the end of the input counts the blank lines after it as its own.)
                let ended = last.mayRunOn ? reading.endsBlank && last.end < reading.lines : last.end <= reading.lines
                if ended { lastEnd = Self.end(of: last) }
            } else {
                lastEnd = .clean
            }
        }
        var edges = Edges(end: lastEnd, endsBlank: reading.endsBlank, startsBlank: reading.startsBlank,
                          flushStart: reading.flush && !(blocks.first?.list ?? false), blank: reading.blank)
        // The marks that still stand between blocks of the page start segments; the others go.
        let standing = marked.filter { cmark_node_parent($0.node) == document.root && !document.crossed.contains($0.node) }
        let standingNodes = Set(standing.map(\.node))
        document.dropSentinels(marked.map(\.node).filter { !standingNodes.contains($0) })
        guard !standing.isEmpty else {
            let html = document.renderHTML()
            let whole = Segment(chunks: chunkStarts.count, length: html.utf8.count, edges: edges)
            return Segmented(html: html, segments: settingApart([whole], shapes: reading.shapes), ids: ids)
        }
        var html = "", segments: [Segment] = []
        var firstChunk = 0
        let pageEnd = (edges.end, edges.endsBlank)
        for (index, mark) in standing.enumerated() {
            let part = document.renderUntil(mark.node, from: index == 0 ? nil : standing[index - 1].node)
            (edges.end, edges.endsBlank, edges.blank) = (mark.end, mark.endsBlank, false)
            segments.append(Segment(chunks: mark.chunk - firstChunk, length: part.utf8.count, edges: edges))
            html += part
            firstChunk = mark.chunk
            (edges.startsBlank, edges.flushStart) = (mark.startsBlank, mark.flush)
        }
        let last = document.renderUntil(nil, from: standing.last?.node)
        (edges.end, edges.endsBlank, edges.blank) = (pageEnd.0, pageEnd.1, false)
        segments.append(Segment(chunks: chunkStarts.count - firstChunk, length: last.utf8.count, edges: edges))
        html += last
        return Segmented(html: html, segments: settingApart(segments, shapes: reading.shapes), ids: ids)
    }

    /// What a chunk's Markdown is, for `settingApart`: nothing, blank lines (or nothing), and
    /// whether the Markdown before it ends with a blank line.
    private struct ChunkShape {
        var empty: Bool
        var blank: Bool
        var blankBefore: Bool

        static func of(_ bytes: UnsafeBufferPointer<UInt8>, chunkStarts: [Int]) -> [ChunkShape] {
            chunkStarts.indices.map { chunk in
                let start = chunkStarts[chunk], end = chunk + 1 < chunkStarts.count ? chunkStarts[chunk + 1] : bytes.count
                return ChunkShape(empty: start == end, blank: !bytes[start..<end].contains { $0 != 0x0A },
                                  blankBefore: start >= 2 && bytes[start - 1] == 0x0A && bytes[start - 2] == 0x0A)
            }
        }
    }

    /// The segments with chunks that add no block to them made segments of their own, of no HTML:
    /// a chunk whose Markdown is empty (a section that renders nothing for the page) at the start
    /// or the end of a segment, and blank lines at the end of one whose last block they do not
    /// continue (`End.clean` or `.list`: a list's HTML is the same without the blank lines after
    /// it). The rest of the segment is the same HTML, ending with a blank line or not as its own
    /// Markdown does; an edit to such a chunk then renders it alone, not the chunks it shared a
    /// segment with.
    private static func settingApart(_ segments: [Segment], shapes: [ChunkShape]) -> [Segment] {
        var apart: [Segment] = [], first = 0
        apart.reserveCapacity(segments.count)
        for segment in segments {
            var start = first, end = first + segment.chunks
            first = end
            while end - start > 1, shapes[start].empty {
                apart.append(Segment(chunks: 1, length: 0, edges: Self.blankEdges(lines: false)))
                start += 1
            }
            let mayEndBlank = segment.edges.end != .open && shapes[start..<end].contains { !$0.blank }
            var trailing: [Segment] = [], edges = segment.edges
            while end - start > 1, shapes[end - 1].empty || (mayEndBlank && shapes[end - 1].blank) {
                end -= 1
                trailing.append(Segment(chunks: 1, length: 0, edges: Self.blankEdges(lines: !shapes[end].empty)))
                edges.endsBlank = shapes[end].blankBefore
            }
            apart.append(Segment(chunks: end - start, length: segment.length, edges: edges))
            apart += trailing.reversed()
        }
        return apart
    }

    /// The edges of a segment of blank lines, or of nothing.
    private static func blankEdges(lines: Bool) -> Edges {
        Edges(end: .clean, endsBlank: lines, startsBlank: lines, flushStart: false, blank: true)
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, chunkStarts: [Int]) -> Reading {
        var reading = Reading()
        reading.mayCut = ByteSearch.firstIndex(of: Self.referenceMark, in: bytes, from: 0) == nil
            && ByteSearch.firstIndex(of: UInt8(ascii: "\r"), in: bytes, from: 0) == nil
        reading.endsLine = bytes.last == 0x0A
        reading.endsBlank = bytes.count >= 2 && bytes[bytes.count - 1] == 0x0A && bytes[bytes.count - 2] == 0x0A
        reading.startsBlank = bytes.first == 0x0A
        reading.flush = startsFlush(bytes, at: 0)
        reading.blank = !bytes.contains { $0 != 0x0A }
        reading.shapes = ChunkShape.of(bytes, chunkStarts: chunkStarts)
        // Line by line up to each chunk's start.
        var line = 1, counted = 0, lastStart = 0
        for (chunk, start) in chunkStarts.enumerated() where chunk > 0 && start > lastStart && start < bytes.count {
            lastStart = start
            while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: counted), newline < start {
                line += 1
                counted = newline + 1
            }
            counted = start
            guard reading.mayCut, bytes[start - 1] == 0x0A else { continue }
            let endsBlank = reading.shapes[chunk].blankBefore, startsBlank = bytes[start] == 0x0A
            if endsBlank || startsBlank {
                reading.candidates.append(Candidate(chunk: chunk, line: line, endsBlank: endsBlank, startsBlank: startsBlank,
                                                    flush: startsFlush(bytes, at: start)))
            }
        }
        var at = counted
        while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: at) { line += 1; at = newline + 1 }
        reading.lines = line - 1
        return reading
    }

    /// What a link reference definition has (`[name]: url`), which reaches the whole page.
    private static let referenceMark = Array("]:".utf8)

    /// Whether the first line from `start` that is not empty starts at its first column.
    private static func startsFlush(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var at = start
        while at < bytes.count, bytes[at] == 0x0A { at += 1 }
        return at < bytes.count && bytes[at] != 0x20 && bytes[at] != 0x09
    }

    /// A top block of the page before the changes: its first and last lines, whether nothing after
    /// a blank line continues it, whether it is a list, and whether it is code or HTML (which
    /// may run to the end of the page, unclosed).
    private typealias TopBlock = (node: OpaquePointer, start: Int, end: Int, closed: Bool, list: Bool, mayRunOn: Bool)

    /// A mark put before the first block of a chunk that starts a segment, with how the segment
    /// before it ends and how the one it starts begins.
    private typealias Mark = (node: OpaquePointer, chunk: Int, end: End, endsBlank: Bool, startsBlank: Bool, flush: Bool)

    /// Puts a mark before the first block of each chunk that can start a segment (see the type);
    /// the marks and the top blocks.
    private func markSegments(at candidates: [Candidate]) -> (marks: [Mark], blocks: [TopBlock]) {
        var blocks: [TopBlock] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            let type = cmark_node_get_type(node)
            blocks.append((node, Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)), Self.closesAtBlankLine(node),
                           type == CMARK_NODE_LIST, type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK))
            child = cmark_node_next(node)
        }
        var marks: [Mark] = []
        var index = 0
        for candidate in candidates {
            while index < blocks.count, blocks[index].start < candidate.line { index += 1 }
            guard index < blocks.count, index > 0 else { continue }
            let before = blocks[index - 1], flush = candidate.flush && !blocks[index].list
            guard before.end < candidate.line else { continue }
            let end = Self.end(of: before)
            let edges = Edges(end: end, endsBlank: candidate.endsBlank, startsBlank: false, flushStart: false, blank: false)
            let next = Edges(end: .open, endsBlank: false, startsBlank: candidate.startsBlank, flushStart: flush, blank: false)
            guard edges.admits(next), let mark = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_insert_before(blocks[index].node, mark)
            sentinels.insert(mark)
            marks.append((mark, candidate.chunk, end, candidate.endsBlank, candidate.startsBlank, flush))
        }
        return (marks, blocks)
    }

    /// How a top block ends, for what may follow it: closed, a list, or open.
    private static func end(of block: TopBlock) -> End {
        block.closed ? .clean : block.list ? .list : .open
    }

    /// Whether nothing after a blank line continues this block: not a list, not an indented code
    /// block (a fenced one or an HTML block left open runs to the end, across every mark).
    private static func closesAtBlankLine(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LIST: return false
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
            return cmark_node_get_fenced(node, &length, &offset, &character) != 0
        default: return true
        }
    }

    private func dropSentinels(_ nodes: [OpaquePointer]) {
        for node in nodes { detach(node) }
    }

    /// The HTML of the page's top blocks after `start` (from the first) up to `end` (to the last),
    /// moved into a document of their own, which renders them as the page does.
    private func renderUntil(_ end: OpaquePointer?, from start: OpaquePointer?) -> String {
        guard let part = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        var node = start.map { cmark_node_next($0) } ?? cmark_node_first_child(root)
        while let current = node, current != end {
            node = cmark_node_next(current)
            cmark_node_unlink(current)
            cmark_node_append_child(part, current)
        }
        detach(part)  // freed with the document
        return renderHTML(part)
    }
}
