/// `[[…]]` links in the editor's own text (the overview and note bodies):
///
/// - `[[Dmitry Peskov]]`, `[[Peskov]]` or `[[dmitry-peskov]]`: an actor, by name, alias or id;
/// - `[[000_a07414719247a0af]]` or `[[000_a07414719247a0af#p3]]`: an article, or one paragraph of it;
/// - `[[2025-01-20]]`, `[[2025-01]]`, `[[2025]]`: a date page;
/// - `[[target|label]]`: the same, shown as `label`.
///
/// An unresolved link is a warning with its file and line, and is shown as plain text.
public enum WikiText {
    public enum Piece: Sendable, Hashable {
        /// The editor's Markdown, as written.
        case markdown(String)
        case link(label: String, target: Target)
        /// A `[[…]]` that names nothing: shown as written.
        case unresolved(String)
    }

    public enum Target: Sendable, Hashable {
        case article(id: String, block: Int?)
        case actor(id: String)
        case date(String)
    }

    /// - Parameter sourceLines: the file's lines, when `text` is not as written (a repaired paragraph
    ///   has its lines joined): a link is then reported at the line where it is written.
    public static func resolve(_ text: String, graph: BriefingGraph, names: ActorNames, file: String, firstLine: Int,
                               sourceLines: [String] = []) -> (pieces: [Piece], diagnostics: [Diagnostic]) {
        var pieces: [Piece] = []
        var diagnostics: [Diagnostic] = []
        var rest = text[...]
        var line = firstLine
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { pieces.append(.markdown(String(before))) }
            line += before.filter { $0 == "\n" }.count
            let inner = String(rest[open.upperBound..<close.lowerBound])
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingWhitespace }
            let name = parts.first ?? ""
            switch target(name, graph: graph, names: names) {
            case .success(let (target, label)):
                pieces.append(.link(label: parts.count > 1 && !parts[1].isEmpty ? parts[1] : label, target: target))
            case .failure(let problem):
                pieces.append(.unresolved("[[" + inner + "]]"))
                let written = sourceLines.indices.dropFirst(max(0, line - 1)).first { sourceLines[$0].contains("[[" + inner + "]]") }
                diagnostics.append(Diagnostic(file: file, line: written.map { $0 + 1 } ?? line, "unresolved link [[\(inner)]]: \(problem.message)"))
            }
            line += inner.filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.markdown(String(rest))) }
        return (pieces, diagnostics)
    }

    struct Problem: Error { var message: String }

    static func target(_ name: String, graph: BriefingGraph, names: ActorNames) -> Result<(Target, String), Problem> {
        guard !name.isEmpty else { return .failure(Problem(message: "empty link")) }
        let parts = name.split(separator: "#", maxSplits: 1).map(String.init)
        if let article = graph.articles.first(where: { $0.id == parts[0] }) {
            guard parts.count > 1 else { return .success((.article(id: article.id, block: nil), article.title)) }
            let anchor = parts[1]
            guard anchor.hasPrefix("p"), let number = Int(anchor.dropFirst()), article.blocks.contains(where: { $0.number == number }) else {
                return .failure(Problem(message: "\(article.id) has no paragraph `\(anchor)` (paragraphs are p1 to p\(article.blocks.count))"))
            }
            return .success((.article(id: article.id, block: number), article.title))
        }
        if TimexValue.start(name) != nil, name.allSatisfy({ $0.isNumber || $0 == "-" }) {
            return .success((.date(name), TimexValue.label(name)))
        }
        switch names.resolve(name) {
        case .one(let id):
            let actor = graph.actors.first { $0.id == id }!
            return .success((.actor(id: id), actor.name))
        case .many(let ids):
            return .failure(Problem(message: "“\(name)” names several actors (\(ids.joined(separator: ", "))); use the actor's id"))
        case .none:
            return .failure(Problem(message: "no article, actor or date of that name"))
        }
    }

    /// Actors by every name a reader may use: id, name, aliases and the spellings found in the text.
    public struct ActorNames: Sendable {
        public enum Resolution: Equatable { case one(String), many([String]), none }
        private var ids: [String: Set<String>] = [:]

        public init(_ graph: BriefingGraph) {
            func add(_ name: String, _ id: String) { ids[TextQuoteMatch.normalize(name).lowercased(), default: []].insert(id) }
            for actor in graph.actors {
                add(actor.id, actor.id)
                add(actor.name, actor.id)
                for alias in actor.aliases { add(alias, actor.id) }
            }
            // Each spelling is normalised once, not once for each of its thousands of mentions.
            var spellings: [String: Set<String>] = [:]
            for mention in graph.mentions { spellings[mention.text, default: []].insert(mention.actorID) }
            for (text, actorIDs) in spellings {
                let key = TextQuoteMatch.normalize(text).lowercased()
                ids[key, default: []].formUnion(actorIDs)
            }
        }

        public func resolve(_ name: String) -> Resolution {
            let key = TextQuoteMatch.normalize(name).lowercased()
            guard let found = ids[key], !found.isEmpty else { return .none }
            // An exact id wins: ids are unique.
            if found.contains(key) && found.count > 1 { return .one(key) }
            return found.count == 1 ? .one(found.first!) : .many(found.sorted())
        }
    }
}
