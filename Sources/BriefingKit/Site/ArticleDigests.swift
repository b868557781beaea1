/// A digest of each article as the other pages see it: its page, and the digest of the article
/// itself with its mentions, dates and quotes (`ArticleFacts.digest`). Worked out once per build,
/// on every core, and shared by the page inputs of article, actor and date pages
/// (`ArticlePageInputs`, `ActorPageInputs`, `DatePageInputs`): an actor page named in thousands
/// of articles is then known unchanged from one short digest per article, without making it.
///
/// The facts' digests come with the graph when the linker kept them (`BriefingGraph.factDigests`:
/// an incremental build reads them from its memo instead of writing out 10,000 articles' mentions
/// and dates again); an article without one has it worked out here, the same way.
///
/// Beside them, what a link shows, as two numbers each (`StableHasher.words`), worked out once
/// rather than for every page that links it: an article's (title, page, date) by its position, an
/// actor's (id, name, kind, page) by its place in `GraphIndex.actorOrder`.
struct ArticleDigests: Sendable {
    static let version = "article-digest 2"
    /// The digests by position in `graph.articles`, as two numbers each (`StableHasher.words`): a
    /// page's inputs write thousands of them, and a string each was a reference counted on every
    /// core. Each article's position by id is the index's own look-up, `GraphIndex.position`.
    private let wordsByPosition: [(UInt64, UInt64)]
    private let positions: [String: Int]
    private let articleLinks: [(UInt64, UInt64)]
    private let actorLinks: [(UInt64, UInt64)]
    /// Each actor with a page whole, as `ActorPageInputs.write` writes it, digested once: its
    /// page's inputs and the whole graph's digest both write it, and an actor seen in a role in
    /// thousands of articles writes each one's digest.
    private var actorsWhole: [String: (UInt64, UInt64)] = [:]

    init(_ index: GraphIndex) {
        let graph = index.graph
        let missing = graph.articles.contains { graph.factDigests[$0.id] == nil }
        let quotes = missing ? Dictionary(grouping: graph.quotes, by: \.articleID) : [:]
        let made = Parallel.map(graph.articles) { article -> (words: (UInt64, UInt64), link: (UInt64, UInt64)) in
            let path = index.articlePath(article.id)
            var hasher = StableHasher()
            hasher.combine(Self.version)
            hasher.combine(path)
            hasher.combine(graph.factDigests[article.id] ?? Self.factsDigest(article, index, quotes: quotes[article.id] ?? []))
            var link = BinaryWriter()
            link.string(article.title); link.string(path); link.value(article.published)
            return (hasher.words, StableHasher.words(link.bytes))
        }
        wordsByPosition = made.map(\.words)
        articleLinks = made.map(\.link)
        positions = index.position
        actorLinks = index.actorOrder.map { id in
            var link = BinaryWriter()
            link.string(id)
            if let actor = index.actorsByID[id] {
                link.bool(true)
                link.string(actor.name); link.raw(actor.kind); link.string(index.actorPath(id))
            } else {
                link.bool(false)
            }
            return StableHasher.words(link.bytes)
        }
        let partial = self
        let wholes = Parallel.map(index.actorsWithPages) { actor in partial.whole(actor) }
        actorsWhole = Dictionary(zip(index.actorsWithPages.map(\.id), wholes), uniquingKeysWith: { first, _ in first })
    }

    /// The digest of the actor whole (`ActorPageInputs.write`): worked out once a build for an
    /// actor with a page, here for any other.
    func whole(_ actor: Actor) -> (UInt64, UInt64) {
        if let known = actorsWhole[actor.id] { return known }
        var writer = BinaryWriter()
        ActorPageInputs.write(actor, self, into: &writer)
        return StableHasher.words(writer.bytes)
    }

    /// `ArticleFacts.digest` of an article's facts as the graph holds them.
    static func factsDigest(_ article: Article, _ index: GraphIndex, quotes: [AttributedQuote]) -> String {
        ArticleFacts.digest(article: article, mentions: index.mentionsByArticle[article.id], dates: index.datesByArticle[article.id],
                            quotes: quotes)
    }

    /// The digest of the article at this position as two numbers (`StableHasher.words`). A place
    /// of `GraphIndex.dateArticles` after the articles, an article the graph does not hold, gives
    /// a fixed mark, (0, 0).
    func words(at position: Int32) -> (UInt64, UInt64) {
        Int(position) < wordsByPosition.count ? wordsByPosition[Int(position)] : (0, 0)
    }

    /// The article's digest as text (`StableHasher.text`), for the keys of data file parts; an
    /// id that names no article gives a fixed mark (never a digest).
    subscript(id: String) -> String { positions[id].map { StableHasher.text(wordsByPosition[$0]) } ?? "-" }

    /// The same by the article's id; an id that names no article gives the fixed mark, (0, 0).
    func words(of id: String) -> (UInt64, UInt64) {
        positions[id].map { wordsByPosition[$0] } ?? (0, 0)
    }

    /// What a link to the article at this position shows: its title, page and date.
    func articleLink(at position: Int) -> (UInt64, UInt64) { articleLinks[position] }

    /// What a link to the actor at this place in `GraphIndex.actorOrder` shows: whether it is an
    /// actor of the graph, and its id, name, kind and page.
    func actorLink(at place: Int32) -> (UInt64, UInt64) { actorLinks[Int(place)] }

    /// Writes, for every actor of the articles at these positions, what a link to it shows (name,
    /// kind, page), in id order: pages that list who appears with whom, or who is named in a
    /// snippet, change when any of that changes, even if their own articles did not. A position
    /// after the articles (`GraphIndex.dateArticles`) has no actors.
    func actorLinks(of positions: some Sequence<Int32>, _ index: GraphIndex, into writer: inout BinaryWriter) {
        // Gathered by place in `actorOrder`, which is id order.
        var here = [Bool](repeating: false, count: index.actorOrder.count)
        let byPosition = index.actorPlacesByPosition
        for position in positions where Int(position) < byPosition.count {
            for place in byPosition[Int(position)] { here[Int(place)] = true }
        }
        writer.int(here.lazy.filter { $0 }.count)
        for place in here.indices where here[place] { writer.words(actorLinks[place]) }
    }
}
