/// A digest of the whole graph, for the pages made from all of it: the front page, the actors'
/// index, the timeline, the printable briefing and the notes page. Their makers read nothing but
/// the graph (through `GraphIndex`, a function of it), the settings and their template, which
/// `PageRenderer.inputsKey` adds: the same digest means the same page, kept without making it.
///
/// It is each article's digest (`ArticleDigests`: the article, its page, mentions, dates and
/// quotes), every actor with a page whole (`ActorPageInputs.write`, digested once a build:
/// `ArticleDigests.whole`), and the names left
/// unresolved. An actor without a page (a gazetteer entry that names no one in the articles) is
/// on none of these pages nor in the data files, and one added to the gazetteer changes none of
/// them. Nil when the briefing has notes or an overview, which have no digest: those pages are
/// then always made.
enum GraphDigest {
    static let version = "graph-digest 5"

    static func make(_ index: GraphIndex, _ digests: ArticleDigests) -> String? {
        let graph = index.graph
        guard graph.notes.isEmpty, graph.overview == nil else { return nil }
        var writer = BinaryWriter()
        writer.string(version)
        writer.int(graph.articles.count)
        for position in graph.articles.indices { writer.words(digests.words(at: Int32(position))) }
        writer.int(index.actorsWithPages.count)
        for actor in index.actorsWithPages { writer.words(digests.whole(actor)) }
        writer.values(graph.unresolved)
        var hasher = StableHasher()
        hasher.combine(writer.bytes)
        return hasher.finalize()
    }
}
