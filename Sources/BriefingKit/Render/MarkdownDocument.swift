import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place in BriefingKit that handles libcmark-gfm's pointers (this file and its
/// extensions, `+Containers`, `+Highlights`, `+MentionLinks`, `+OpenBlocks` and `+UnsafeLinks`). Everything else calls `MarkdownDocument.html(from:)`.
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
    /// by their other parts, which are mostly the same strings and compare at once). For
    /// `+MentionLinks`.
    var openings: [String: [(link: InlineLink, opening: String)]] = [:]
    /// What `+Segments` needs to know of the changes to the tree: the nodes that mark where a
    /// segment starts, those an attribute line reached past, and whether an id was given twice,
    /// an attribute line ended the page, or a fence of the page's top blocks was left open.
    var sentinels: Set<OpaquePointer> = []
    var crossed: Set<OpaquePointer> = []
    var duplicateIDs = false
    var danglingAttributes = false
    var openFences = false

    /// Markdown → HTML, applying the template's block attribute lines, then turning the given
    /// mentions into links inside the blocks with those ids.
    static func html(from markdown: String, links: [String: [InlineLink]] = [:], figures: [String: String] = [:],
                     highlights: [String: [Highlight]] = [:]) -> String {
        let document = MarkdownDocument(markdown)
        document.applyChanges(links: links, figures: figures, highlights: highlights)
        return document.renderHTML()
    }

    /// The changes to the tree, in order: unsafe links, block attributes and fences, figures,
    /// passage marks, links on mentions.
    func applyChanges(links: [String: [InlineLink]], figures: [String: String], highlights: [String: [Highlight]]) {
        let survey = survey()
        unlink(survey.unsafeLinks)
        applyBlockAttributes(survey.markers, fences: survey.fences)
        placeFigures(figures, candidates: survey.figures)
        for id in highlights.keys.sorted() {
            if let block = blocksByID[id] { mark(highlights[id]!, in: block) }
        }
        for id in links.keys.sorted() {
            if let block = blocksByID[id] { link(links[id]!, in: block) }
        }
    }

    func renderHTML() -> String { renderHTML(root) }

    /// The HTML of a node and what is below it.
    func renderHTML(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
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

    /// Sets a text node's literal to these bytes (valid UTF-8, without a NUL), through a C string
    /// made on the stack (a Swift string of a name, short enough to be stored inline, was copied
    /// to the heap to be one).
    static func setLiteral(_ node: OpaquePointer, _ bytes: some Collection<UInt8>) {
        let count = bytes.count
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { buffer in
                _ = buffer.initialize(from: bytes)
                buffer[count] = 0
            }
            cmark_node_set_literal(node, buffer.baseAddress)
        }
    }

    /// A text node of these bytes put before `node`; none for no bytes (`+Highlights` and
    /// `+MentionLinks` cut a text node into pieces around what they mark).
    static func insertText(_ bytes: some Collection<UInt8>, before node: OpaquePointer) {
        guard !bytes.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        setLiteral(text, bytes)
        cmark_node_insert_before(node, text)
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
            // A line of its own: the attributes belong to the next block (past the marks of segments).
            var target = cmark_node_next(paragraph)
            while let sentinel = target, sentinels.contains(sentinel) {
                crossed.insert(sentinel)
                target = cmark_node_next(sentinel)
            }
            // Last of the page: it would belong to what a segment put after the page has first.
            if target == nil, cmark_node_parent(paragraph) == root { danglingAttributes = true }
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

    /// A block known by its id; the last of two with one id is the one links and marks go into.
    func record(_ id: String, _ block: OpaquePointer) {
        if blocksByID.updateValue(block, forKey: id) != nil { duplicateIDs = true }
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
        if let id = attributes.id { record(id, custom) }
        return custom
    }
}
