import CMarkGFM

/// Fenced containers (`::: aside {#id .class}` … `:::`, see `BlockAttributes`): the blocks between
/// the fences are moved into one element. A closing fence pairs with the nearest open fence of the
/// same parent, and is dropped when there is none; a fence left open runs to the end of its parent,
/// as an unclosed code fence does.
extension MarkdownDocument {
    func applyFences(_ fences: [(node: OpaquePointer, fence: BlockAttributes)]) {
        var open: [(parent: OpaquePointer, element: OpaquePointer)] = []
        for (marker, attributes) in fences {
            guard let block = cmark_node_parent(marker), let parent = cmark_node_parent(block) else { continue }
            // Where the fence stands among its parent's blocks: before its block, after it, or in
            // place of it when the marker is the whole block.
            let first = cmark_node_first_child(block) == marker
            if let next = cmark_node_next(marker), isLineBreak(next) { detach(next) }
            else if let previous = cmark_node_previous(marker), isLineBreak(previous) { detach(previous) }
            detach(marker)
            let empty = cmark_node_first_child(block) == nil
            let boundary: OpaquePointer? = empty || first ? block : cmark_node_next(block)
            switch attributes.fence {
            case .open(let tag)?:
                guard let element = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
                cmark_node_set_on_enter(element, "<\(tag)\(attributes.html)>")
                cmark_node_set_on_exit(element, "</\(tag)>")
                if let boundary { cmark_node_insert_before(boundary, element) } else { cmark_node_append_child(parent, element) }
                if let id = attributes.id { record(id, element) }
                open.append((parent, element))
            case .close?:
                guard let index = open.lastIndex(where: { $0.parent == parent }) else { break }
                let element = open[index].element
                open.removeSubrange(index...)
                while let node = cmark_node_next(element), node != boundary {
                    cmark_node_unlink(node)
                    cmark_node_append_child(element, node)
                }
            case nil:
                break
            }
            if empty { detach(block) }
        }
        if open.contains(where: { $0.parent == root }) { openFences = true }
        for (_, element) in open.reversed() {
            while let node = cmark_node_next(element) {
                cmark_node_unlink(node)
                cmark_node_append_child(element, node)
            }
        }
    }
}
