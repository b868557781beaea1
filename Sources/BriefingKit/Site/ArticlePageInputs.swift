/// Everything an article's page is made from, as a digest that is cheap to work out: an
/// incremental build that finds the same digest in the cache, and the page's file unchanged,
/// keeps the page without making its context (`SitePlanner.Plan.inputs(at:into:)`).
///
/// It must cover every part of the graph `ArticlePages.page` reads: the article and its
/// mentions and dates (which give each actor's mentions in the article); each actor it links
/// (name, kind, page), and the speaker its quote's label links; the dates it links (whether
/// they have a page); the articles before and after it and its related articles (title, date,
/// page, shared actors); its outlet's page. A page with notes is always made: notes read too
/// much of the graph to list here. `IncrementalBuildTests` checks that an unchanged digest
/// never hides a changed page.
enum ArticlePageInputs {
    static let version = "article-page-inputs 6"

    /// False when the page has no such digest and must be made.
    static func combine(_ index: GraphIndex, _ digests: ArticleDigests, position: Int, into hasher: inout StableHasher) -> Bool {
        let graph = index.graph
        let article = graph.articles[position]
        guard (index.notesByArticle[article.id] ?? []).isEmpty else { return false }
        var writer = BinaryWriter()
        writer.string(version)
        // The article, its page, mentions, dates and quotes.
        writer.words(digests.words(at: Int32(position)))
        // Its actors (every actor it mentions is among them) and its author, as links show them.
        let places = index.actorPlacesByPosition[position]
        writer.int(places.count)
        for place in places { writer.words(digests.actorLink(at: place)) }
        let author = article.author.flatMap { index.personActors[$0] }
        writer.string(author?.id)
        if let author, !(index.actorsByArticle[article.id] ?? []).contains(author.id) {
            writer.string(author.name); writer.raw(author.kind); writer.string(index.actorPath(author.id))
        }
        // The speaker of its quote block, as the link on the label shows them.
        let speaker = index.quoteSpeaker(ofArticleAt: position)
        writer.string(speaker?.id)
        if let speaker { writer.string(index.actorPath(speaker.id)) }
        // Whether each date it names has a page (a date's page is named after its value).
        index.datesByArticle.forEach(article.id) { date in
            let point = date.reference.firstPoint
            writer.bool(point.map { index.datesByValue.contains($0) } ?? false)
            writer.string(point)
        }
        for neighbour in [position - 1, position + 1] {
            let exists = graph.articles.indices.contains(neighbour)
            writer.bool(exists)
            if exists { writer.words(digests.articleLink(at: neighbour)) }
        }
        let related = index.related(toArticleAt: position, id: article.id)
        writer.int(related.count)
        for item in related {
            writer.words(digests.articleLink(at: item.position))
            writer.strings(item.shared.compactMap { index.actorsByID[$0]?.name })
        }
        writer.string(article.outlet.flatMap { index.sourceSlugs[$0.name] })
        hasher.combine(writer.bytes)
        return true
    }
}
