/// The editor's own text after the articles are linked: notes are anchored (`NoteAnchoring`) and
/// `[[…]]` links in the overview are resolved (`WikiText`). Returns the warnings, each with its
/// file and line.
public enum EditorialLinking {
    public static func link(notes: [Note], into graph: inout BriefingGraph, contentRoot: String) -> [Diagnostic] {
        // The names `[[…]]` and note targets can use: looked up only when there is editorial text.
        guard !notes.isEmpty || graph.overview != nil else { return [] }
        let names = WikiText.ActorNames(graph)
        let anchored = NoteAnchoring.anchor(notes, in: graph, names: names, contentRoot: contentRoot)
        graph.notes = anchored.notes
        var diagnostics = anchored.diagnostics
        if var overview = graph.overview {
            let file = contentRoot + "/" + overview.overview.sourceFile
            overview.blocks = overview.overview.blocks.map { block in
                let resolved = WikiText.resolve(block.text, graph: graph, names: names, file: file, firstLine: block.line,
                                                sourceLines: overview.overview.lines)
                diagnostics += resolved.diagnostics
                return resolved.pieces
            }
            graph.overview = overview
        }
        return diagnostics
    }
}
