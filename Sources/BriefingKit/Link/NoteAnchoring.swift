/// The Link stage for notes: finds each target of each note in the linked briefing. A passage is
/// found by its text, never by paragraph number, so it survives paragraph repair and re-import.
/// Every failure is a warning naming the note's file and line, and the note is never dropped.
public enum NoteAnchoring {
    /// - Parameter contentRoot: how the content directory is named in messages (`Content`).
    /// - Parameter names: `WikiText.ActorNames(graph)`, which the caller shares with the overview.
    public static func anchor(_ notes: [Note], in graph: BriefingGraph, names: WikiText.ActorNames,
                              contentRoot: String) -> (notes: [AnchoredNote], diagnostics: [Diagnostic]) {
        guard !notes.isEmpty else { return ([], []) }
        let articles = Dictionary(graph.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        let anchored = notes.map { note -> AnchoredNote in
            let file = contentRoot + "/" + note.sourceFile
            func place(_ target: NoteTarget) -> Anchor {
                let (anchor, problem) = self.place(target, articles: articles, names: names)
                if let problem { diagnostics.append(Diagnostic(file: file, line: target.line, "note `\(note.id)`: \(problem)")) }
                return anchor
            }
            let body = WikiText.resolve(note.body, graph: graph, names: names, file: file, firstLine: note.bodyLine)
            diagnostics += body.diagnostics
            return AnchoredNote(note: note, targets: note.targets.map(place), evidence: note.evidence.map(place), body: body.pieces)
        }
        return (anchored, diagnostics)
    }

    static func place(_ target: NoteTarget, articles: [String: Article], names: WikiText.ActorNames) -> (Anchor, String?) {
        switch target.kind {
        case .article(let id, let quote):
            guard let article = articles[id] else {
                let close = Self.closest(id, among: articles.keys.sorted())
                return (.missing("article \(id)"), "no article `\(id)`" + (close.map { "; did you mean `\($0)`?" } ?? ""))
            }
            guard let quote else { return (.article(id: id, unplaced: nil), nil) }
            switch TextQuoteMatch.find(quote, in: article) {
            case .found(let passage):
                return (.passage(passage), nil)
            case .ambiguous(let count, let paragraphs):
                return (.article(id: id, unplaced: quote),
                        "the passage “\(quote.exact)” occurs \(count) times in \(id) (paragraphs \(paragraphs.map(String.init).joined(separator: ", "))); add a `prefix` or `suffix` to choose one. The note is shown at article level")
            case .notFound(let nearMiss):
                let hint = nearMiss.map { "; closest passage: “\($0.text)” (paragraph \($0.block))" } ?? ""
                return (.article(id: id, unplaced: quote),
                        "the passage “\(quote.exact)” is not in \(id)\(hint). The note is shown at article level")
            }
        case .actor(let name):
            switch names.resolve(name) {
            case .one(let id): return (.actor(id: id), nil)
            case .many(let ids): return (.missing("actor \(name)"), "“\(name)” names several actors (\(ids.joined(separator: ", "))); use the actor's id")
            case .none: return (.missing("actor \(name)"), "no actor “\(name)” in the briefing")
            }
        case .date(let value):
            guard TimexValue.start(value) != nil else {
                return (.missing("date \(value)"), "`\(value)` is not a date value; use YYYY, YYYY-MM or YYYY-MM-DD")
            }
            return (.date(value), nil)
        }
    }

    /// The candidate nearest to `text` by edit distance, when it is near enough to be a typo.
    static func closest(_ text: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, Similarity.editDistance(text, $0)) }.min { $0.1 < $1.1 }
        guard let best = scored, best.1 <= max(2, text.count / 4) else { return nil }
        return best.0
    }
}
