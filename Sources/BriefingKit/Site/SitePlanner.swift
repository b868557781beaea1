/// The Site stage: the briefing graph → the pages of the site, their URLs and their contexts.
public enum SitePlanner {
    /// Everything the Site stage makes from the graph: the pages, the generated files that are not
    /// pages (data, feed, sitemap, search index), and the counts for the build summary.
    public struct Plan: Sendable {
        public var pages: [Page]
        public var files: [(path: String, bytes: [UInt8])]
        public var actorCount: Int
        public var dateCount: Int
    }

    public static func plan(_ graph: BriefingGraph) -> Plan {
        let index = GraphIndex(graph)
        let pages = pages(index)
        return Plan(pages: pages, files: files(index, pages: pages),
                    actorCount: index.actorsWithPages.count, dateCount: index.dateValues.count)
    }

    public static func pages(for graph: BriefingGraph) -> [Page] {
        pages(GraphIndex(graph))
    }

    static func pages(_ index: GraphIndex) -> [Page] {
        let graph = index.graph
        // Pages are planned on every core, in a fixed order.
        var pages = [indexPage(index)]
        pages += Parallel.map(Array(graph.articles.enumerated())) { position, article in
            ArticlePages.page(index, position: position, article: article)
        }
        pages.append(ActorPages.indexPage(index))
        pages += Parallel.map(index.actorsWithPages) { ActorPages.page(index, actor: $0) }
        pages += Parallel.map(index.dateValues) { DatePages.page(index, value: $0) }
        pages.append(DatePages.timeline(index))
        pages += SourcePages.pages(index)
        pages.append(PrintableBriefing.page(index))
        return pages
    }

    static func files(_ index: GraphIndex, pages: [Page]) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = [
            (BriefingExport.path, BriefingExport.data(index)),
            (SitePath.feed, AtomFeed.xml(index)),
            (SitePath.searchIndex, SearchIndex.script(index)),
        ]
        if let base = index.graph.settings.baseURL {
            files.append((SitePath.sitemap, Sitemap.xml(pages: pages, baseURL: base)))
        }
        return files
    }

    /// Each article's page name: its id as an ASCII slug, unique even when two ids differ only by
    /// case or by characters the slug drops. Assigned in id order so that adding an article never
    /// renames another one with a different id.
    public static func articleSlugs(_ articles: [Article]) -> [String: String] {
        let ordered = articles.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Slug.unique(ordered.map { (key: $0, text: $0) })
    }

    static func site(_ graph: BriefingGraph, on path: String) -> SiteContext {
        SiteContext(title: graph.settings.title, description: graph.settings.description,
                    language: graph.settings.language, home: SitePath.relative(from: path, to: SitePath.index),
                    actors: SitePath.relative(from: path, to: SitePath.actors),
                    timeline: SitePath.relative(from: path, to: SitePath.timeline),
                    sources: SitePath.relative(from: path, to: SitePath.sources))
    }

    static func indexPage(_ index: GraphIndex) -> Page {
        let graph = index.graph
        let path = SitePath.index
        let cards = graph.articles.reversed().map { article in
            ArticleCard(title: article.title, url: SitePath.relative(from: path, to: index.articlePath(article.id)),
                        date: article.published.longForm, dateISO: article.published.iso,
                        outlet: article.outlet?.name, teaser: article.teaser == article.title ? nil : article.teaser)
        }
        let context = IndexContext(site: site(graph, on: path), articles: cards, articleCount: cards.count)
        return Page(path: path, template: "index", title: graph.settings.title,
                    description: graph.settings.description, context: context,
                    meta: StructuredData.website(graph.settings, path: path))
    }

    static func datedLink(_ article: Article, from path: String, index: GraphIndex, anchor: String? = nil) -> DatedLink {
        DatedLink(title: article.title, url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: anchor),
                  date: article.published.longForm, dateISO: article.published.iso)
    }

    static func actorLink(_ actor: Actor, from path: String, index: GraphIndex) -> ActorLink {
        ActorLink(name: actor.name, url: SitePath.relative(from: path, to: index.actorPath(actor.id)),
                  kind: actor.kind.rawValue, mentions: index.mentionsByActor[actor.id]?.count ?? 0)
    }
}
