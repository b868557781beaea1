import CMarkGFM

extension MarkdownDocument {
    /// Turns every link and image whose address is not safe to follow into its own text.
    ///
    /// cmark-gfm's safe mode already blanks `javascript:`, `vbscript:`, `file:` and `data:`
    /// addresses, but leaves the element: `<a href="">click</a>`, a link to the page itself, and
    /// `<img src="">`, which is invalid HTML. Here such a link becomes its text and such an image
    /// its alternative text. Safe means a relative address (`../actors/x.html`, `#p3`) or one of the
    /// schemes in `safeSchemes`. `unsafe`: the links and images `survey()` found with such addresses.
    func unlink(_ unsafe: [OpaquePointer]) {
        // Innermost first is not needed: moving a node's children out keeps nested nodes valid.
        for node in unsafe {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            detach(node)
        }
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// True for a relative address or one whose scheme is in `safeSchemes`. As a browser does, it
    /// ignores leading control characters and spaces and any tab or line break inside the address,
    /// and compares the scheme without regard to case. An empty address is unsafe (it would link
    /// the page to itself, or be an image with no source).
    static func isSafeAddress(_ address: String) -> Bool {
        var scheme: [UInt8] = []
        var started = false
        for byte in address.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started && byte <= 0x20 { continue }
            started = true
            switch byte {
            case UInt8(ascii: ":"):
                guard let first = scheme.first, UTF8Bytes.isASCIILetter(first) else { return true }
                return safeSchemes.contains(String(decoding: scheme, as: UTF8.self).lowercased())
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return true  // a path, query or fragment before any colon: relative
            default:
                guard UTF8Bytes.isSchemeByte(byte) else {
                    return true  // not a scheme character: a relative path such as `a b:c`
                }
                scheme.append(byte)
            }
        }
        return started
    }
}
