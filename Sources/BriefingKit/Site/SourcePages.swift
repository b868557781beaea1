/// `sources/<outlet>.html` and `sources/index.html`: the outlets the articles come from, and how
/// the articles describe them ("a Kremlin-aligned Russian news outlet").
public struct SourceContext: PageContext {
    public var site: SiteContext
    public var name: String
    /// Each description given in a `Source:` line, with the articles that give it.
    public var descriptions: [String]
    public var articles: [DatedLink]
    public var counts: String
    /// The outlet's actor page, when it has one.
    public var actorURL: String?
    public var sourcesIndex: String
}

public struct SourcesIndexContext: PageContext {
    public var site: SiteContext
    public var sources: [SourceItem]
}

public struct SourceItem: Sendable, Codable {
    public var name: String
    public var url: String
    public var description: String?
    public var counts: String
}

enum SourcePages {
    /// Outlet name → the slug of its page; an outlet known as an actor keeps the actor's id.
    static func slugs(_ articles: [Article], outletActors: [String: Actor]) -> [String: String] {
        let names = Set(articles.compactMap { $0.outlet?.name }).sorted()
        var taken = Set<String>()
        var slugs: [String: String] = [:]
        for name in names {
            let actorID = outletActors[name]?.id
            var slug = actorID ?? Slug.make(name, fallback: "source")
            var n = 2
            while taken.contains(slug) { slug = (actorID ?? Slug.make(name, fallback: "source")) + "-\(n)"; n += 1 }
            taken.insert(slug)
            slugs[name] = slug
        }
        return slugs
    }

    static func pages(_ index: GraphIndex) -> [Page] {
        let slugs = index.sourceSlugs
        let byOutlet = Dictionary(grouping: index.graph.articles.filter { $0.outlet != nil }, by: { $0.outlet!.name })
        var pages: [Page] = []
        var items: [SourceItem] = []
        for name in slugs.keys.sorted() {
            let path = SitePath.source(slugs[name]!)
            let articles = byOutlet[name] ?? []
            var descriptions: [String] = []
            for article in articles { if let d = article.outlet?.description, !descriptions.contains(d) { descriptions.append(d) } }
            let actor = index.outletActors[name]
            let counts = Count.phrase(articles.count, "article")
            let context = SourceContext(
                site: SitePlanner.site(index.graph, on: path), name: name, descriptions: descriptions,
                articles: articles.reversed().map { SitePlanner.datedLink($0, from: path, index: index) }, counts: counts,
                actorURL: actor.flatMap { index.hasPage.contains($0.id) ? SitePath.relative(from: path, to: index.actorPath($0.id)) : nil },
                sourcesIndex: SitePath.relative(from: path, to: SitePath.sources))
            let description = descriptions.first.map { "\(name), \($0): \(counts) in the briefing." } ?? "\(name): \(counts) in the briefing."
            pages.append(Page(path: path, template: "source", title: name, description: description, context: context,
                              meta: StructuredData.website(index.graph.settings, path: path)))
            items.append(SourceItem(name: name, url: SitePath.relative(from: SitePath.sources, to: path),
                                    description: descriptions.first, counts: counts))
        }
        let context = SourcesIndexContext(site: SitePlanner.site(index.graph, on: SitePath.sources), sources: items)
        pages.append(Page(path: SitePath.sources, template: "sources", title: "Sources",
                          description: "The outlets the articles of \(index.graph.settings.title) come from.", context: context,
                          meta: StructuredData.website(index.graph.settings, path: SitePath.sources)))
        return pages
    }
}
