/// The Site stage: the briefing graph → the pages of the site, their URLs and their contexts.
public enum SitePlanner {
    static let indexTemplate = "index"

    /// Everything the Site stage makes from the graph: the pages, the generated files that are not
    /// pages (data, feed, sitemap, search index), and the counts for the build summary.
    ///
    /// Pages are made on demand, one at a time (`page(at:)`): a page's context holds all the text
    /// it shows, so holding every context of a large briefing at once would hold the site twice.
    public struct Plan: Sendable {
        let index: GraphIndex
        let recipes: [Recipe]
        /// Made for incremental builds only: what `inputs(at:into:)` digests pages from.
        let digests: ArticleDigests?
        /// The pages made from the whole graph are digested from this (`GraphDigest`).
        let wholeGraph: String?
        /// Made when they are written, after the pages.
        public var files: [DataFile]
        /// The site paths of the data files the site publishes (not the whole search index).
        public var publishedFiles: [String] { files.filter(\.published).map(\.path) }
        public var actorCount: Int { index.actorsWithPages.count }
        public var dateCount: Int { index.dateValues.count }

        /// Output paths of every page, in site order.
        public var paths: [String] { recipes.map { $0.path(index) } }
        public var pageCount: Int { recipes.count }

        public func page(at number: Int) -> Page { recipes[number].make(index) }

        /// The page for a part of its template that looks up only these names (`ContextNames`):
        /// an article or actor page leaves the rest of its context empty; any other is made whole.
        public func page(at number: Int, needing names: ContextNames) -> Page { recipes[number].make(index, needing: names) }

        public func path(at number: Int) -> String { recipes[number].path(index) }

        /// Adds to `hasher` a digest of everything page `number` is made from, when that can be
        /// worked out without making the page (article, actor and date pages without notes, in a
        /// plan made `incremental`), and returns the page's template; nil otherwise.
        public func inputs(at number: Int, into hasher: inout StableHasher) -> String? {
            guard let digests else { return nil }
            switch recipes[number] {
            case .article(let position):
                return ArticlePageInputs.combine(index, digests, position: position, into: &hasher) ? ArticlePages.template : nil
            case .actor(let n):
                return ActorPageInputs.combine(index, digests, actor: index.actorsWithPages[n], into: &hasher) ? ActorPages.template : nil
            case .date(let n):
                return DatePageInputs.combine(index, digests, value: index.dateValues[n], into: &hasher) ? DatePages.template : nil
            case .month(let month):
                MonthPageInputs.combine(index, digests, month: month, into: &hasher)
                return MentionArchive.template
            case .articleMonth(let month):
                ArticleArchive.inputs(index, digests, month: month, into: &hasher)
                return ArticleArchive.template
            case .front, .actorsIndex, .timeline, .printable, .notes:
                guard let wholeGraph else { return nil }
                let recipe = recipes[number]
                hasher.combine(recipe.path(index))
                hasher.combine(wholeGraph)
                return recipe.template
            case .made, .overview: return nil
            }
        }

        /// The page numbers in the order to make them on several cores: the largest pages first
        /// (the printable briefing, the timeline, then the pages of the whole graph, actors and
        /// dates), the articles last. A large page taken last leaves the other cores idle while
        /// it is made: the printable briefing alone takes half a second at 10,000 articles.
        public var makingOrder: [Int] {
            func rank(_ recipe: Recipe) -> Int {
                switch recipe {
                case .printable: 0
                case .timeline: 1
                case .front, .actorsIndex, .notes, .overview, .actor, .date: 2
                case .month, .articleMonth, .made: 3
                case .article: 4
                }
            }
            var numbers: [[Int]] = Array(repeating: [], count: 5)
            for (number, recipe) in recipes.enumerated() { numbers[rank(recipe)].append(number) }
            return numbers.flatMap { $0 }
        }

        /// Every page at once, made on every core (for `check` and tests; a build streams them).
        public var pages: [Page] { Parallel.map(Array(recipes.indices)) { page(at: $0) } }
    }

    /// How to make one page.
    enum Recipe: Sendable {
        case front, article(Int), actorsIndex, actor(Int), date(Int), timeline, printable, notes, overview
        /// A month page of an actor's or a date's mentions.
        case month(MentionArchive.Month)
        /// A month page of articles.
        case articleMonth(ArticleArchive.Month)
        case made(Page)

        var kind: String {
            switch self {
            case .made(let page): page.template
            default: String(describing: self).prefix(while: { $0 != "(" }).description
            }
        }

        func path(_ index: GraphIndex) -> String {
            switch self {
            case .front: SitePath.index
            case .article(let n): index.articlePath(index.graph.articles[n].id)
            case .actorsIndex: SitePath.actors
            case .actor(let n): index.actorPath(index.actorsWithPages[n].id)
            case .date(let n): index.datePath(index.dateValues[n])
            case .month(let month): MentionArchive.path(month, index)
            case .articleMonth(let month): ArticleArchive.path(of: month.month)
            case .timeline: SitePath.timeline
            case .printable: SitePath.printable
            case .notes: SitePath.notes
            case .overview: SitePath.overview
            case .made(let page): page.path
            }
        }

        /// The template the page is rendered with, known without making it (for its inputs digest).
        var template: String {
            switch self {
            case .front: SitePlanner.indexTemplate
            case .actorsIndex: ActorPages.indexTemplate
            case .timeline: DatePages.timelineTemplate
            case .printable: PrintableBriefing.template
            case .notes: NotePages.template
            case .article: ArticlePages.template
            case .actor: ActorPages.template
            case .date: DatePages.template
            case .month: MentionArchive.template
            case .articleMonth: ArticleArchive.template
            case .overview: OverviewPages.template
            case .made(let page): page.template
            }
        }

        func make(_ index: GraphIndex, needing names: ContextNames = .all) -> Page {
            switch self {
            case .front: SitePlanner.indexPage(index)
            case .article(let n): ArticlePages.page(index, position: n, article: index.graph.articles[n], needing: names)
            case .actorsIndex: ActorPages.indexPage(index)
            case .actor(let n): ActorPages.page(index, actor: index.actorsWithPages[n], needing: names)
            case .date(let n): DatePages.page(index, value: index.dateValues[n])
            case .month(let month): MentionArchive.page(index, month)
            case .articleMonth(let month): ArticleArchive.page(index, month)
            case .timeline: DatePages.timeline(index)
            case .printable: PrintableBriefing.page(index)
            case .notes: NotePages.page(index)
            case .overview: OverviewPages.page(index)
            case .made(let page): page
            }
        }
    }

    /// An `incremental` plan also digests every article, for `Plan.inputs(at:into:)`.
    public static func plan(_ graph: BriefingGraph, incremental: Bool = false) -> Plan {
        plan(graph, incremental: incremental, earlierRelated: nil)
    }

    /// An incremental plan works out every article's related articles as its index is made, or
    /// takes `earlierRelated` (the last build's, from its cache) when they follow from the same.
    static func plan(_ graph: BriefingGraph, incremental: Bool, earlierRelated: RelatedLists?) -> Plan {
        let index = GraphIndex(graph, tabulatingRelated: incremental, earlierRelated: earlierRelated)
        // The site's page order: front page (and its month pages), articles, actors, dates (each with its month pages),
        // timeline, sources, briefing.
        var recipes: [Recipe] = [.front]
        recipes += ArticleArchive.months(graph).map(Recipe.articleMonth)
        recipes += graph.articles.indices.map(Recipe.article)
        recipes.append(.actorsIndex)
        let months = Parallel.map(index.actorsWithPages.map { MentionArchive.Subject.actor($0.id) } + index.dateValues.map(MentionArchive.Subject.date)) {
            MentionArchive.months(of: $0, index)
        }
        for n in index.actorsWithPages.indices { recipes.append(.actor(n)); recipes += months[n].map(Recipe.month) }
        for n in index.dateValues.indices { recipes.append(.date(n)); recipes += months[index.actorsWithPages.count + n].map(Recipe.month) }
        recipes.append(.timeline)
        recipes += SourcePages.pages(index).map(Recipe.made)
        recipes.append(.printable)
        recipes.append(.notes)
        if graph.overview?.overview.isLong == true { recipes.append(.overview) }
        let digests = incremental ? ArticleDigests(index) : nil
        let wholeGraph = digests.flatMap { GraphDigest.make(index, $0) }
        return Plan(index: index, recipes: recipes, digests: digests, wholeGraph: wholeGraph,
                    files: files(index, digests: digests, wholeGraph: wholeGraph, paths: recipes.map { $0.path(index) }))
    }

    public static func pages(for graph: BriefingGraph) -> [Page] {
        plan(graph).pages
    }

    /// The data files; with the whole graph's digest, each knows its inputs (`DataFile.inputs`).
    static func files(_ index: GraphIndex, digests: ArticleDigests?, wholeGraph: String? = nil, paths: [String]) -> [DataFile] {
        var files = [
            DataFile(path: BriefingExport.path, parts: { BriefingExport.write(index, digests: digests, to: $0, parts: $1) }),
            DataFile(path: SitePath.feed) { AtomFeed.xml(index) },
            DataFile(path: SitePath.searchIndex, parts: { SearchIndex.write(index, digests: digests, to: $0, parts: $1) },
                     derived: DataFile.Derived(folder: SearchShards.folder) { SearchShards.split($0, done: $1, into: $2) },
                     published: false),
            DataFile(path: SitePath.previews) { SearchIndex.previews(index) },
            DataFile(path: SitePath.annotations) { AnnotationExport.data(index) },
        ]
        if let base = index.graph.settings.baseURL {
            files.append(DataFile(path: SitePath.sitemap) { Sitemap.xml(paths: paths, baseURL: base) })
        }
        guard let wholeGraph else { return files }
        return files.map { file in
            var hasher = StableHasher()
            hasher.combine(DataFile.inputsVersion)
            hasher.combine(Generator.identity)
            StableDigest.of(index.graph.settings, into: &hasher)
            hasher.combine(file.path)
            hasher.combine(wholeGraph)
            var keyed = file
            keyed.inputs = hasher.finalize()
            return keyed
        }
    }

    /// Each article's page name: its id as an ASCII slug, unique even when two ids differ only by
    /// case or by characters the slug drops. Assigned in id order so that adding an article never
    /// renames another one with a different id.
    public static func articleSlugs(_ articles: [Article]) -> [String: String] {
        let ordered = articles.map(\.id).sorted { $0.bytesPrecede($1) }
        return Slug.unique(ordered.map { (key: $0, text: $0) })
    }

    static func site(_ graph: BriefingGraph, on path: String) -> SiteContext {
        SiteContext(title: graph.settings.title, description: graph.settings.description,
                    language: graph.settings.language, home: SitePath.relative(from: path, to: SitePath.index),
                    actors: SitePath.relative(from: path, to: SitePath.actors),
                    timeline: SitePath.relative(from: path, to: SitePath.timeline),
                    sources: SitePath.relative(from: path, to: SitePath.sources),
                    notes: SitePath.relative(from: path, to: SitePath.notes))
    }

    static func indexPage(_ index: GraphIndex) -> Page {
        let graph = index.graph
        let path = SitePath.index
        // Beyond `list_limit` articles, the newest are shown and the rest are a click away, by month.
        let months = ArticleArchive.months(graph)
        let shown = months.isEmpty ? graph.articles[...] : graph.articles.suffix(ArticleArchive.frontPageLimit)
        let cards = shown.reversed().map { ArticleArchive.card($0, from: path, index: index) }
        let overview = OverviewPages.context(index, on: path, full: false)
        let context = IndexContext(site: site(graph, on: path), articles: cards, articleCount: graph.articles.count,
                                   months: ArticleArchive.links(months, from: path), overview: overview?.context)
        return Page(path: path, template: indexTemplate, title: graph.settings.title,
                        description: graph.settings.description, context: context,
                        inlineLinks: overview?.links ?? [:], meta: StructuredData.website(graph.settings, path: path))
    }

    static func datedLink(_ article: Article, from path: String, index: GraphIndex, anchor: String? = nil) -> DatedLink {
        DatedLink(title: article.shortTitle, url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: anchor),
                  date: article.published.longForm, dateISO: article.published.iso)
    }

    static func actorLink(_ actor: Actor, from path: String, index: GraphIndex) -> ActorLink {
        ActorLink(name: actor.name, url: SitePath.relative(from: path, to: index.actorPath(actor.id)), kind: actor.kind.rawValue)
    }
}
