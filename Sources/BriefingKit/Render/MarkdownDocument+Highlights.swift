import CMarkGFM

/// Marks the passages the editor's notes are about: the words of a passage become `<mark>`
/// elements (one per text node it crosses), followed by the note's number, linked to the note.
/// The passage is found as the reader sees the text: white space collapsed, across emphasis and
/// line breaks.
extension MarkdownDocument {
    func mark(_ highlights: [Highlight], in block: OpaquePointer) {
        for highlight in highlights { mark(highlight, in: block) }
    }

    /// One piece of the block's text: a node, and where its bytes start in the collapsed text.
    private struct Leaf {
        var node: OpaquePointer
        var bytes: [UInt8]
        var splittable: Bool
    }

    private func mark(_ highlight: Highlight, in block: OpaquePointer) {
        var leaves: [Leaf] = []
        let iterator = cmark_iter_new(block)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                leaves.append(Leaf(node: node, bytes: Array(String(cString: literal).utf8), splittable: type == CMARK_NODE_TEXT))
            } else if isLineBreak(node) {
                leaves.append(Leaf(node: node, bytes: [0x20], splittable: false))
            }
        }
        cmark_iter_free(iterator)

        // The collapsed text, and for each of its bytes the leaf and byte it comes from.
        var text: [UInt8] = []
        var origin: [(leaf: Int, offset: Int)] = []
        var pendingSpace: (leaf: Int, offset: Int)?
        for (index, leaf) in leaves.enumerated() {
            let string = String(decoding: leaf.bytes, as: UTF8.self)
            var offset = 0
            for scalar in string.unicodeScalars {
                let width = UTF8.width(scalar)
                defer { offset += width }
                if MarkdownEscaping.isWhitespace(scalar) {
                    if !text.isEmpty, pendingSpace == nil { pendingSpace = (index, offset) }
                    continue
                }
                if MarkdownEscaping.isDropped(scalar) { continue }
                if let space = pendingSpace { text.append(0x20); origin.append(space); pendingSpace = nil }
                for (k, byte) in String(scalar).utf8.enumerated() { text.append(byte); origin.append((index, offset + k)) }
            }
        }
        let needle = Array(highlight.text.utf8)
        let hits = TextQuoteMatch.occurrences(of: needle, in: text)
        guard highlight.occurrence < hits.count else { return }
        let start = hits[highlight.occurrence], end = start + needle.count

        // The byte range of each leaf the passage covers.
        var ranges: [(leaf: Int, range: Range<Int>)] = []
        for position in start..<end {
            let (leaf, offset) = origin[position]
            if let last = ranges.last, last.leaf == leaf {
                ranges[ranges.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, offset + 1)
            } else {
                ranges.append((leaf, offset..<(offset + 1)))
            }
        }
        var lastMark: OpaquePointer?
        for (leafIndex, range) in ranges {
            let leaf = leaves[leafIndex]
            guard cmark_node_get_type(leaf.node) != CMARK_NODE_SOFTBREAK, cmark_node_get_type(leaf.node) != CMARK_NODE_LINEBREAK else { continue }
            guard let mark = markElement(highlight) else { continue }
            if leaf.splittable {
                Self.insertText(leaf.bytes[..<range.lowerBound], before: leaf.node)
                cmark_node_insert_before(leaf.node, mark)
                let inner = cmark_node_new(CMARK_NODE_TEXT)!
                Self.setLiteral(inner, leaf.bytes[range])
                cmark_node_append_child(mark, inner)
                Self.insertText(leaf.bytes[range.upperBound...], before: leaf.node)
                detach(leaf.node)
            } else {
                cmark_node_insert_before(leaf.node, mark)
                cmark_node_unlink(leaf.node)
                cmark_node_append_child(mark, leaf.node)
            }
            lastMark = mark
        }
        if let lastMark, let reference = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
            cmark_node_set_on_enter(reference, "<sup class=\"note-ref\"><a href=\"#\(HTML.escape(highlight.note))\" "
                                    + "aria-label=\"Note \(highlight.number)\">\(highlight.number)</a></sup>")
            cmark_node_set_on_exit(reference, "")
            cmark_node_insert_after(lastMark, reference)
        }
    }

    private func markElement(_ highlight: Highlight) -> OpaquePointer? {
        guard let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(mark, "<mark class=\"note-mark note-\(HTML.escape(highlight.tag))\">")
        cmark_node_set_on_exit(mark, "</mark>")
        return mark
    }

}
