import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place in BriefingKit that handles libcmark-gfm's pointers. Everything else calls
/// `MarkdownDocument.html(from:)`.
///
/// Markdown is parsed with the table, strikethrough, autolink and tagfilter extensions and rendered
/// **without** `CMARK_OPT_UNSAFE`: raw HTML in the input is omitted and `javascript:` links are
/// dropped. The only HTML the generator adds is through block attributes, which it builds itself
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
    private let root: OpaquePointer
    /// Nodes taken out of the tree. Their text may point into their old parent's buffer, so they are
    /// freed only with the document.
    private var detached: [OpaquePointer] = []

    private init(_ markdown: String) {
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

    /// Markdown → HTML, applying the template's block attribute lines.
    static func html(from markdown: String) -> String {
        let document = MarkdownDocument(markdown)
        document.applyBlockAttributes()
        return document.renderHTML()
    }

    private func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    // MARK: Block attributes

    private func applyBlockAttributes() {
        // Collect during the walk, change the tree after it.
        var markers: [(node: OpaquePointer, attributes: BlockAttributes)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(node),
                  let attributes = BlockAttributes(marker: String(cString: literal)) else { continue }
            markers.append((node, attributes))
        }
        for (node, attributes) in markers { apply(attributes, markerNode: node) }
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

    private func isLineBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    private func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    /// Replaces a block by a custom block that renders the same element with attributes, moving
    /// its inline children over.
    private func replace(_ block: OpaquePointer, tag: String, attributes: BlockAttributes) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, "<\(tag)\(attributes.html)>")
        cmark_node_set_on_exit(custom, "</\(tag)>")
        while let child = cmark_node_first_child(block) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_insert_before(block, custom)
        detach(block)
    }

    private func wrap(_ block: OpaquePointer, tag: String, attributes: BlockAttributes) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, "<\(tag)\(attributes.html)>")
        cmark_node_set_on_exit(custom, "</\(tag)>")
        cmark_node_insert_before(block, custom)
        cmark_node_unlink(block)
        cmark_node_append_child(custom, block)
    }
}
