import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place in BriefingKit that handles libcmark-gfm's pointers (this file and its
/// extensions, `+Containers`, `+Highlights`, `+OpenBlocks` and `+UnsafeLinks`). Everything else calls `MarkdownDocument.html(from:)`.
///
/// Markdown is parsed with the table, strikethrough, autolink and tagfilter extensions and rendered
/// **without** `CMARK_OPT_UNSAFE`: raw HTML in the input is omitted, and a link or image whose
/// address is not relative, http(s), mailto or tel becomes its text (`+UnsafeLinks`). The only HTML the generator adds is through block attributes, which it builds itself
/// from validated ids and classes (see `BlockAttributes`).
final class MarkdownDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Registers the GFM extensions once. Swift runs a static initializer exactly once, thread-safely,
    /// which is what `cmark_gfm_core_extensions_ensure_registered` (not thread-safe) needs.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private let parser: OpaquePointer
    let root: OpaquePointer
    /// Nodes taken out of the tree. Their text may point into their old parent's buffer, so they are
    /// freed only with the document.
    private var detached: [OpaquePointer] = []

    init(_ markdown: String) {
        _ = Self.registered
        let options = CMARK_OPT_DEFAULT
        let parser: OpaquePointer = cmark_parser_new(options)
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// Blocks given an id by an attribute line, by id.
    var blocksByID: [String: OpaquePointer] = [:]
    /// The opening tags of each link on mentions, made once per page however often it recurs,
    /// by address (the only part of a link hashed; the few links of one address are told apart
    /// by their other parts, which are mostly the same strings and compare at once).
    private var openings: [String: [(link: InlineLink, opening: String)]] = [:]

    /// Markdown → HTML, applying the template's block attribute lines, then turning the given
    /// mentions into links inside the blocks with those ids.
    static func html(from markdown: String, links: [String: [InlineLink]] = [:], figures: [String: String] = [:],
                     highlights: [String: [Highlight]] = [:]) -> String {
        let document = MarkdownDocument(markdown)
        let survey = document.survey()
        document.unlink(survey.unsafeLinks)
        document.applyBlockAttributes(survey.markers, fences: survey.fences)
        document.placeFigures(figures, candidates: survey.figures)
        for id in highlights.keys.sorted() {
            if let block = document.blocksByID[id] { document.mark(highlights[id]!, in: block) }
        }
        for id in links.keys.sorted() {
            if let block = document.blocksByID[id] { document.link(links[id]!, in: block) }
        }
        return document.renderHTML()
    }

    private func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    // MARK: One walk

    /// The nodes the changes to the tree start from, found in one walk over it (a large page's tree
    /// has hundreds of thousands of nodes, and every walk visits them all), in document order:
    /// links and images with an unsafe address, block attribute lines and fences, and text that
    /// starts like a figure marker.
    struct Survey {
        var unsafeLinks: [OpaquePointer] = []
        var markers: [(node: OpaquePointer, attributes: BlockAttributes)] = []
        var fences: [(node: OpaquePointer, fence: BlockAttributes)] = []
        var figures: [OpaquePointer] = []
    }

    func survey() -> Survey {
        var survey = Survey()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let address = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !Self.isSafeAddress(address) { survey.unsafeLinks.append(node) }
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node) else { continue }
                if Self.starts(literal, with: MarkdownEscaping.attributeOpen) {
                    guard let attributes = BlockAttributes.parse(Self.bytes(of: literal)) else { continue }
                    if attributes.fence != nil { survey.fences.append((node, attributes)) } else { survey.markers.append((node, attributes)) }
                } else if Self.starts(literal, with: MarkdownEscaping.figureOpen) {
                    survey.figures.append(node)
                }
            default: continue
            }
        }
        return survey
    }

    // MARK: Figures

    /// Replaces each paragraph that is only a figure marker with the figure's HTML (or nothing, when
    /// the page has no such figure). `candidates`: the text nodes that start like a marker; whether
    /// one is alone in its paragraph is asked now, after the block attributes were applied.
    private func placeFigures(_ figures: [String: String], candidates: [OpaquePointer]) {
        var markers: [(paragraph: OpaquePointer, id: String)] = []
        for node in candidates {
            guard let literal = cmark_node_get_literal(node),
                  let paragraph = cmark_node_parent(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  cmark_node_first_child(paragraph) == node, cmark_node_last_child(paragraph) == node else { continue }
            let scalars = String(cString: literal).unicodeScalars
            guard scalars.first == MarkdownEscaping.figureOpen, scalars.last == MarkdownEscaping.figureClose else { continue }
            markers.append((paragraph, String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))))
        }
        for (paragraph, id) in markers {
            if let html = figures[id], let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                cmark_node_set_on_enter(custom, html)
                cmark_node_set_on_exit(custom, "")
                cmark_node_insert_before(paragraph, custom)
            }
            detach(paragraph)
        }
    }

    /// A node's text as its UTF-8 bytes, without the closing NUL; they stay the node's, allocated
    /// until the document is freed.
    static func bytes(of literal: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    /// Whether a node's text starts with `scalar`, read on its bytes: most text nodes are not
    /// markers, and are not made into Swift strings to find that out.
    static func starts(_ literal: UnsafePointer<CChar>, with scalar: Unicode.Scalar) -> Bool {
        var index = 0
        for byte in scalar.utf8 {
            // The text ends with a NUL, which no byte of a scalar's encoding is.
            guard UInt8(bitPattern: literal[index]) == byte else { return false }
            index += 1
        }
        return true
    }

    // MARK: Block attributes

    /// Applies the attribute lines (`survey()` found them), then the fences, in order.
    private func applyBlockAttributes(_ markers: [(node: OpaquePointer, attributes: BlockAttributes)],
                                      fences: [(node: OpaquePointer, fence: BlockAttributes)]) {
        for (node, attributes) in markers { apply(attributes, markerNode: node) }
        applyFences(fences)
    }

    private func apply(_ attributes: BlockAttributes, markerNode: OpaquePointer) {
        guard let paragraph = cmark_node_parent(markerNode), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            detach(markerNode)
            return
        }
        // The marker's own line: drop the marker and the line break next to it.
        if let next = cmark_node_next(markerNode), isLineBreak(next) { detach(next) }
        else if let previous = cmark_node_previous(markerNode), isLineBreak(previous) { detach(previous) }
        detach(markerNode)

        if attributes.isEmpty {
            if cmark_node_first_child(paragraph) == nil { detach(paragraph) }
        } else if cmark_node_first_child(paragraph) != nil {
            replace(paragraph, tag: "p", attributes: attributes)
        } else {
            // A line of its own: the attributes belong to the next block.
            let target = cmark_node_next(paragraph)
            detach(paragraph)
            guard let target else { return }
            switch cmark_node_get_type(target) {
            case CMARK_NODE_PARAGRAPH:
                replace(target, tag: "p", attributes: attributes)
            case CMARK_NODE_HEADING:
                replace(target, tag: "h\(cmark_node_get_heading_level(target))", attributes: attributes)
            default:
                wrap(target, tag: "div", attributes: attributes)
            }
        }
    }

    func isLineBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    /// Replaces a block by a custom block that renders the same element with attributes, moving
    /// its inline children over.
    private func replace(_ block: OpaquePointer, tag: String, attributes: BlockAttributes) {
        guard let custom = element(tag, attributes, before: block) else { return }
        while let child = cmark_node_first_child(block) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        detach(block)
    }

    private func wrap(_ block: OpaquePointer, tag: String, attributes: BlockAttributes) {
        guard let custom = element(tag, attributes, before: block) else { return }
        cmark_node_unlink(block)
        cmark_node_append_child(custom, block)
    }

    /// A custom block rendering `<tag attributes>…</tag>`, inserted before `block` and known by its id.
    private func element(_ tag: String, _ attributes: BlockAttributes, before block: OpaquePointer) -> OpaquePointer? {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(custom, "<\(tag)\(attributes.html)>")
        cmark_node_set_on_exit(custom, "</\(tag)>")
        cmark_node_insert_before(block, custom)
        if let id = attributes.id { blocksByID[id] = custom }
        return custom
    }

    // MARK: Links on mentions

    /// Splits text nodes into text and link nodes, finding each link's text in order. Text already
    /// inside a link is never linked again.
    private func link(_ links: [InlineLink], in block: OpaquePointer) {
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

    private func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == first, memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0,
               !isWordScalar(endingAt: i, in: haystack), !isWordScalar(startingAt: i + needle.count, in: haystack) {
                return i
            }
            i += 1
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
        func insertText(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            guard !bytes.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
            Self.setLiteral(text, bytes)
            cmark_node_insert_before(node, text)
        }
        for piece in pieces {
            insertText(literal[position..<piece.range.lowerBound])
            guard let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_on_enter(anchor, opening(of: piece.link))
            cmark_node_set_on_exit(anchor, piece.link.datetime == nil ? "</a>" : "</time></a>")
            Self.setLiteral(text, literal[piece.range])
            cmark_node_append_child(anchor, text)
            cmark_node_insert_before(node, anchor)
            position = piece.range.upperBound
        }
        insertText(literal[position...])
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

    /// Sets a text node's literal to these bytes, through a C string made on the stack (a Swift
    /// string of a name, short enough to be stored inline, was copied to the heap to be one).
    static func setLiteral(_ node: OpaquePointer, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { buffer in
                _ = buffer.initialize(from: bytes)
                buffer[bytes.count] = 0
            }
            cmark_node_set_literal(node, buffer.baseAddress)
        }
    }
}
