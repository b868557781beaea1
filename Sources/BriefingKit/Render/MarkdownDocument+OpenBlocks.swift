import CMarkGFM

/// Blocks that a Markdown fragment leaves open and that would run on over whatever a template puts
/// after it, blank lines included: a fenced code block without its closing fence, and the raw HTML
/// blocks that end only at a marker (`<!--` … `-->`, `<pre>` … `</pre>`, `<?` … `?>`, …). Asked
/// of the parser itself, so that the answer is exactly what the page would get.
extension MarkdownDocument {
    /// The line that closes the block `markdown` leaves open, or nil when a paragraph after it
    /// stays a paragraph of its own.
    static func closingLine(for markdown: String) -> String? {
        let probe = String(Character(MarkdownEscaping.probe))
        let document = MarkdownDocument(markdown + "\n\n" + probe + "\n")
        guard let last = cmark_node_last_child(document.root), !isParagraph(last, of: probe) else { return nil }
        switch cmark_node_get_type(last) {
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            guard cmark_node_get_fenced(last, &length, &offset, &character) != 0, length > 0 else { return nil }
            return String(repeating: Character(Unicode.Scalar(UInt8(bitPattern: character))), count: Int(length))
        case CMARK_NODE_HTML_BLOCK:
            guard let literal = cmark_node_get_literal(last) else { return nil }
            return htmlBlockEnd(String(cString: literal))
        default:
            return nil
        }
    }

    private static func isParagraph(_ node: OpaquePointer, of text: String) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let child = cmark_node_first_child(node),
              cmark_node_next(child) == nil, let literal = cmark_node_get_literal(child) else { return false }
        return String(cString: literal) == text
    }

    /// The end marker of an HTML block of CommonMark types 1 to 5, from its first line. Read as
    /// bytes, as cmark-gfm does: a combining mark after `<!--` does not make it another opening.
    private static func htmlBlockEnd(_ literal: String) -> String? {
        let start = literal.utf8.drop(while: { $0 == UInt8(ascii: " ") }).prefix(10).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func opens(_ marker: String) -> Bool { start.starts(with: marker.utf8) }
        if opens("<!--") { return "-->" }
        if opens("<?") { return "?>" }
        if opens("<![cdata[") { return "]]>" }
        if opens("<!") { return ">" }
        for tag in ["script", "pre", "style", "textarea"] where opens("<" + tag) { return "</\(tag)>" }
        return nil
    }
}
