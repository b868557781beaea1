/// A digest of each article as the other pages see it: its page, and the digest of the article
/// itself with its mentions, dates and quotes (`ArticleFacts.digest`). Worked out once per build,
/// on every core, and shared by the page inputs of article, actor and date pages
/// (`ArticlePageInputs`, `ActorPageInputs`, `DatePageInputs`): an actor page named in thousands
/// of articles is then known unchanged from one short digest per article, without making it.
///
/// The facts' digests come with the graph when the linker kept them (`BriefingGraph.factDigests`:
/// an incremental build reads them from its memo instead of writing out 10,000 articles' mentions
/// and dates again); an article without one has it worked out here, the same way.
struct ArticleDigests: Sendable {
    static let version = "article-digest 2"
    private let byID: [String: String]

    init(_ index: GraphIndex) {
        let graph = index.graph
        let missing = graph.articles.contains { graph.factDigests[$0.id] == nil }
        let quotes = missing ? Dictionary(grouping: graph.quotes, by: \.articleID) : [:]
        let digests = Parallel.map(graph.articles) { article -> String in
            var hasher = StableHasher()
            hasher.combine(Self.version)
            hasher.combine(index.articlePath(article.id))
            hasher.combine(graph.factDigests[article.id] ?? Self.factsDigest(article, index, quotes: quotes[article.id] ?? []))
            return hasher.finalize()
        }
        byID = Dictionary(zip(graph.articles.map(\.id), digests), uniquingKeysWith: { first, _ in first })
    }

    /// `ArticleFacts.digest` of an article's facts as the graph holds them.
    static func factsDigest(_ article: Article, _ index: GraphIndex, quotes: [AttributedQuote]) -> String {
        ArticleFacts.digest(article: article, mentions: index.mentionsByArticle[article.id], dates: index.datesByArticle[article.id],
                            quotes: quotes)
    }

    /// The article's digest; an id that names no article gives a fixed mark (never a digest).
    subscript(id: String) -> String { byID[id] ?? "-" }

    /// Writes, for every actor of these articles, what a link to it shows (name, kind, page), in
    /// id order: pages that list who appears with whom, or who is named in a
    /// snippet, change when any of that changes, even if their own articles did not.
    static func actorLinks(of articleIDs: some Sequence<String>, _ index: GraphIndex, into writer: inout BinaryWriter) {
        // Gathered by place in `actorOrder`, which is id order.
        var here = [Bool](repeating: false, count: index.actorOrder.count)
        for id in articleIDs {
            for place in index.actorPlacesByArticle[id] ?? [] { here[Int(place)] = true }
        }
        let sorted = index.actorOrder.indices.lazy.filter { here[$0] }.map { index.actorOrder[$0] }
        writer.int(sorted.count)
        for id in sorted {
            writer.string(id)
            guard let actor = index.actorsByID[id] else { writer.bool(false); continue }
            writer.bool(true)
            writer.string(actor.name); writer.raw(actor.kind); writer.string(index.actorPath(id))
        }
    }
}
