import Yams

/// What `briefing check` reports about actors: discovered actors the gazetteer lacks, with a
/// ready-to-paste YAML snippet, and names that could not be resolved.
public struct ActorSuggestions: Sendable {
    public struct Suggestion: Sendable {
        public var actor: Actor
        public var mentions: Int
        public var articles: Int
        /// Articles whose byline names the person, or whose `Source:` names the outlet: how an
        /// actor found there and never mentioned in the text was found.
        public var bylines = 0

        /// "2 mentions in 1 article", "author of 1 article", "source of 3 articles", or both.
        public var counts: String {
            var parts: [String] = []
            if mentions > 0 || bylines == 0 { parts.append(Count.mentions(mentions, inArticles: articles)) }
            if bylines > 0 { parts.append((actor.kind == .outlet ? "source of " : "author of ") + Count.phrase(bylines, "article")) }
            return parts.joined(separator: "; ")
        }
    }

    public var suggestions: [Suggestion]
    public var unresolved: [BriefingGraph.UnresolvedName]

    public init(_ graph: BriefingGraph) {
        var mentions: [String: Int] = [:]
        var articles: [String: Set<String>] = [:]
        for mention in graph.mentions {
            mentions[mention.actorID, default: 0] += 1
            articles[mention.actorID, default: []].insert(mention.articleID)
        }
        // By the rules of the actor's page (`GraphIndex.authored`, `published`): a person by name,
        // an outlet by any of its names, each article once.
        let (byAuthor, byOutlet) = GraphIndex.byByline(graph.articles)
        suggestions = graph.actors.filter { $0.origin == .discovered }.map { actor in
            let bylines = GraphIndex.authored(by: actor, in: byAuthor).count + Set(GraphIndex.published(by: actor, in: byOutlet).map(\.id)).count
            return Suggestion(actor: actor, mentions: mentions[actor.id] ?? 0, articles: articles[actor.id]?.count ?? 0, bylines: bylines)
        }.sorted { a, b in a.mentions != b.mentions ? a.mentions > b.mentions : a.actor.id < b.actor.id }
        unresolved = graph.unresolved
    }

    /// Gazetteer entries for the suggestions, in the format of `actors.yml`: each entry a block
    /// mapping, its roles and aliases flow lists, serialized by Yams as one document, so that
    /// each scalar is quoted as its place needs (a comma splits an item of a flow list, not a
    /// block value), names keep their letters (`Zürich`, not `"Z\xFCrich"`) and a long role stays on
    /// its line.
    public var yaml: String {
        let entries = suggestions.map { suggestion -> Node in
            let actor = suggestion.actor
            var pairs: [(Node, Node)] = [("name", Self.text(actor.name))]
            if actor.kind != .person { pairs.append(("kind", Self.text(actor.kind.rawValue))) }
            var roles: [String] = []
            for sighting in actor.roleSightings where sighting.role != "author" && !roles.contains(sighting.role) {
                roles.append(sighting.role)
            }
            if !roles.isEmpty { pairs.append(("roles", Self.flowList(roles))) }
            if let surname = actor.surname { pairs.append(("aliases", Self.flowList([surname]))) }
            return Node.mapping(Node.Mapping(pairs, .implicit, .block))
        }
        guard !entries.isEmpty else { return "" }
        let document = Node.sequence(Node.Sequence(entries, .implicit, .block))
        let text = (try? Yams.serialize(node: document, width: -1, allowUnicode: true)) ?? ""
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    private static func flowList(_ items: [String]) -> Node {
        Node.sequence(Node.Sequence(items.map(text), .implicit, .flow))
    }

    /// A string that reads back as that string: quoted when plain it would be another type
    /// (`true`, `2024`, `null`).
    private static func text(_ string: String) -> Node { .scalar(string.represented()) }
}
