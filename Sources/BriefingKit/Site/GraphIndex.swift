import Foundation

/// Look-ups over the briefing graph that the pages share, computed once.
struct GraphIndex {
    let graph: BriefingGraph
    let articleSlugs: [String: String]
    let articlesByID: [String: Article]
    let actorsByID: [String: Actor]
    /// Article order (oldest first) of each article id.
    let position: [String: Int]
    let mentionsByActor: [String: [Mention]]
    let mentionsByArticle: [String: [Mention]]
    /// Actor ids of each article, in order of first mention.
    let actorsByArticle: [String: [String]]
    let quotesByActor: [String: [AttributedQuote]]

    init(_ graph: BriefingGraph) {
        self.graph = graph
        articleSlugs = SitePlanner.articleSlugs(graph.articles)
        articlesByID = Dictionary(uniqueKeysWithValues: graph.articles.map { ($0.id, $0) })
        actorsByID = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0) })
        position = Dictionary(uniqueKeysWithValues: graph.articles.enumerated().map { ($1.id, $0) })
        mentionsByActor = Dictionary(grouping: graph.mentions, by: \.actorID)
        mentionsByArticle = Dictionary(grouping: graph.mentions, by: \.articleID)
        var byArticle: [String: [String]] = [:]
        for mention in graph.mentions where !(byArticle[mention.articleID]?.contains(mention.actorID) ?? false) {
            byArticle[mention.articleID, default: []].append(mention.actorID)
        }
        actorsByArticle = byArticle
        quotesByActor = Dictionary(grouping: graph.quotes.filter { $0.speakerID != nil }, by: { $0.speakerID! })
    }

    /// Actors that are mentioned at least once, or that wrote an article: the ones with a page.
    var actorsWithPages: [Actor] {
        graph.actors.filter { mentionsByActor[$0.id] != nil || !authored(by: $0).isEmpty }
    }

    func authored(by actor: Actor) -> [Article] {
        guard actor.kind == .person else { return [] }
        return graph.articles.filter { $0.author == actor.name }
    }

    func articlePath(_ id: String) -> String { SitePath.article(articleSlugs[id]!) }
    func actorPath(_ id: String) -> String { SitePath.actor(id) }

    /// Articles that share actors with this one, rare actors weighing more (inverse document frequency).
    func related(to article: Article, limit: Int = 5) -> [(article: Article, shared: [Actor], score: Double)] {
        let mine = Set(actorsByArticle[article.id] ?? [])
        let total = Double(graph.articles.count)
        var scored: [(Article, [Actor], Double)] = []
        for other in graph.articles where other.id != article.id {
            let shared = (actorsByArticle[other.id] ?? []).filter { mine.contains($0) }
            guard !shared.isEmpty else { continue }
            let score = shared.reduce(0.0) { sum, id in
                let df = Double(Set((mentionsByActor[id] ?? []).map(\.articleID)).count)
                return sum + log(1 + total / df)
            }
            scored.append((other, shared.compactMap { actorsByID[$0] }, score))
        }
        return scored.sorted { a, b in
            a.2 != b.2 ? a.2 > b.2 : position[a.0.id]! > position[b.0.id]!
        }.prefix(limit).map { ($0.0, $0.1, $0.2) }
    }
}
