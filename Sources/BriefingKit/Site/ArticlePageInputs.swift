/// Everything an article's page is made from, as a digest that is cheap to work out: an
/// incremental build that finds the same digest in the cache, and the page's file unchanged,
/// keeps the page without making its context (`SitePlanner.Plan.inputs(at:into:)`).
///
/// It must cover every part of the graph `ArticlePages.page` reads: the article and its
/// mentions and dates (which give each actor's mentions in the article); each actor it links
/// (name, kind, page); the dates it links (whether they have a page); the articles before and
/// after it and its related articles (title, date, page, shared actors); its outlet's page. A page with notes is always made: notes read
/// too much of the graph to list here. `IncrementalBuildTests` checks that an unchanged digest
/// never hides a changed page.
enum ArticlePageInputs {
    static let version = "article-page-inputs 3"

    /// False when the page has no such digest and must be made.
    static func combine(_ index: GraphIndex, _ digests: ArticleDigests, position: Int, into hasher: inout StableHasher) -> Bool {
        let graph = index.graph
        let article = graph.articles[position]
        guard (index.notesByArticle[article.id] ?? []).isEmpty else { return false }
        var writer = BinaryWriter()
        writer.string(version)
        // The article, its page, mentions, dates and quotes.
        writer.string(digests[article.id])
        let mentions = index.mentionsByArticle[article.id]
        var actorIDs = index.actorsByArticle[article.id] ?? []
        for mention in mentions where !actorIDs.contains(mention.actorID) { actorIDs.append(mention.actorID) }
        let author = article.author.flatMap { index.personActors[$0] }
        writer.string(author?.id)
        if let author, !actorIDs.contains(author.id) { actorIDs.append(author.id) }
        writer.int(actorIDs.count)
        for id in actorIDs {
            guard let actor = index.actorsByID[id] else { writer.bool(false); continue }
            writer.bool(true)
            writer.string(actor.id); writer.string(actor.name); writer.raw(actor.kind); writer.string(index.actorPath(actor.id))
        }
        let dates = index.datesByArticle[article.id]
        for date in dates {
            let point = date.reference.points.first
            writer.bool(point.map { index.datesByValue.contains($0) } ?? false)
            writer.string(point.map(index.datePath))
        }
        for neighbour in [position - 1, position + 1] {
            let other = graph.articles.indices.contains(neighbour) ? graph.articles[neighbour] : nil
            writer.string(other?.title); writer.string(other.map { index.articlePath($0.id) })
        }
        let related = index.related(toArticleAt: position, id: article.id)
        writer.int(related.count)
        for item in related {
            // Read in place: a copy of each article would retain every one of its strings.
            writer.string(graph.articles[item.position].title); writer.string(index.articlePath(graph.articles[item.position].id))
            writer.value(graph.articles[item.position].published)
            writer.strings(item.shared.compactMap { index.actorsByID[$0]?.name })
        }
        writer.string(article.outlet.flatMap { index.sourceSlugs[$0.name] })
        hasher.combine(writer.bytes)
        return true
    }
}
