import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The links on mentions: the text of a block is cut where each mention's text is found, in
/// order, and each piece becomes a link (a custom inline, which renders the generator's own
/// `<a>` with its class and title, and a `<time>` for a date).
extension MarkdownDocument {
    /// Splits text nodes into text and link nodes, finding each link's text in order. Text already
    /// inside a link is never linked again.
    func link(_ links: [InlineLink], in block: OpaquePointer) {
        var texts: [OpaquePointer] = []
        let iterator = cmark_iter_new(block)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, !isInsideLink(node, below: block) else { continue }
            texts.append(node)
        }
        cmark_iter_free(iterator)

        // (text node index, byte offset) where the search goes on.
        var cursor = (node: 0, offset: 0)
        var cuts: [Int: [(range: Range<Int>, link: InlineLink)]] = [:]
        // The nodes' own bytes: they stay allocated until the document is freed (`detach`).
        let literals = texts.map { node -> UnsafeBufferPointer<UInt8> in
            guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return Self.bytes(of: literal)
        }
        for link in links {
            var needle = link.text
            let found = needle.withUTF8 { needle -> (node: Int, range: Range<Int>)? in
                var k = cursor.node
                var from = cursor.offset
                while k < literals.count {
                    if let at = find(needle, in: literals[k], from: from) { return (k, at..<(at + needle.count)) }
                    k += 1
                    from = 0
                }
                return nil
            }
            if let found {
                cuts[found.node, default: []].append((found.range, link))
                cursor = (found.node, found.range.upperBound)
            }
        }
        for k in cuts.keys.sorted() {
            split(texts[k], literal: literals[k], at: cuts[k]!)
        }
    }

    private func isInsideLink(_ node: OpaquePointer, below block: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent, current != block {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            // A generated link; a note's mark is a custom inline too, and its words are linked.
            if type == CMARK_NODE_CUSTOM_INLINE, let enter = cmark_node_get_on_enter(current), !String(cString: enter).hasPrefix("<mark") {
                return true
            }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// Where `needle` is first in `haystack` from `start` as a whole word (`ByteSearch` finds each
    /// place it is, the first not inside a word is taken).
    private func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while let at = ByteSearch.firstIndex(of: needle, in: haystack, from: i) {
            if !isWordScalar(endingAt: at, in: haystack), !isWordScalar(startingAt: at + needle.count, in: haystack) { return at }
            i = at + 1
        }
        return nil
    }

    /// Whether a letter or digit ends just before `index` ("Russia" inside "Russian" is no match).
    func isWordScalar(endingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 && isWordScalar(startingAt: start, in: bytes)
    }

    private func isWordScalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
        return UTF8Bytes.isWordScalar(UTF8Bytes.scalar(bytes, at: index, width: UTF8Bytes.width(bytes, at: index)))
    }

    /// Replaces a text node by its text cut into plain text and links.
    private func split(_ node: OpaquePointer, literal: UnsafeBufferPointer<UInt8>, at pieces: [(range: Range<Int>, link: InlineLink)]) {
        var position = 0
        for piece in pieces {
            Self.insertText(literal[position..<piece.range.lowerBound], before: node)
            guard let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_on_enter(anchor, opening(of: piece.link))
            cmark_node_set_on_exit(anchor, piece.link.datetime == nil ? "</a>" : "</time></a>")
            Self.setLiteral(text, literal[piece.range])
            cmark_node_append_child(anchor, text)
            cmark_node_insert_before(node, anchor)
            position = piece.range.upperBound
        }
        Self.insertText(literal[position...], before: node)
        detach(node)
    }

    /// The opening tag of a link on a mention (its text aside).
    private func opening(of link: InlineLink) -> String {
        func same(_ a: InlineLink, _ b: InlineLink) -> Bool { a.title == b.title && a.cssClass == b.cssClass && a.datetime == b.datetime }
        if let made = openings[link.url]?.first(where: { same($0.link, link) }) { return made.opening }
        let time = link.datetime.map { "<time datetime=\"\(HTML.escape($0))\">" } ?? ""
        let made = "<a class=\"\(HTML.escape(link.cssClass))\" href=\"\(HTML.escape(link.url))\" title=\"\(HTML.escape(link.title))\">\(time)"
        openings[link.url, default: []].append((link, made))
        return made
    }
}
