/// A digest of each article as the other pages see it: the article itself, its page, its
/// mentions, dates and quotes. Worked out once per build, on every core, and shared by the page
/// inputs of article, actor and date pages (`ArticlePageInputs`, `ActorPageInputs`,
/// `DatePageInputs`): an actor page named in thousands of articles is then known unchanged from
/// one short digest per article, without making it.
struct ArticleDigests: Sendable {
    static let version = "article-digest 1"
    private let byID: [String: String]

    init(_ index: GraphIndex) {
        let graph = index.graph
        let quotes = Dictionary(grouping: graph.quotes, by: \.articleID)
        let digests = Parallel.map(graph.articles) { article -> String in
            var writer = BinaryWriter()
            writer.string(Self.version)
            writer.string(index.articlePath(article.id))
            writer.value(article)
            writer.values(index.mentionsByArticle[article.id])
            writer.values(index.datesByArticle[article.id])
            writer.values(quotes[article.id] ?? [])
            var hasher = StableHasher()
            hasher.combine(writer.bytes)
            return hasher.finalize()
        }
        byID = Dictionary(zip(graph.articles.map(\.id), digests), uniquingKeysWith: { first, _ in first })
    }

    /// The article's digest; an id that names no article gives a fixed mark (never a digest).
    subscript(id: String) -> String { byID[id] ?? "-" }

    /// Writes, for every actor of these articles, what a link to it shows (name, kind, page), in
    /// id order: pages that list who appears with whom, or who is named in a
    /// snippet, change when any of that changes, even if their own articles did not.
    static func actorLinks(of articleIDs: some Sequence<String>, _ index: GraphIndex, into writer: inout BinaryWriter) {
        var ids = Set<String>()
        for id in articleIDs { ids.formUnion(index.actorsByArticle[id] ?? []) }
        let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        writer.int(sorted.count)
        for id in sorted {
            writer.string(id)
            guard let actor = index.actorsByID[id] else { writer.bool(false); continue }
            writer.bool(true)
            writer.string(actor.name); writer.raw(actor.kind); writer.string(index.actorPath(id))
        }
    }
}
