/// Articles by month. A briefing of more articles than its `list_limit` shows the newest
/// `ArticleArchive.frontPageLimit` on the front page, then links to one page per month of
/// publication (`archive/2023-04.html`) that lists that month's articles; the timeline links to
/// the same pages instead of listing every article it was published with. The front page of a
/// briefing of 10,000 articles was 2.4 MB; an added article now changes its own month's page.
enum ArticleArchive {
    /// The template of the month pages.
    static let template = "archive"
    /// The newest articles the front page shows as cards when the rest are on month pages.
    static let frontPageLimit = 50

    /// One month page: positions in the graph's articles (which are in order of publication).
    struct Month: Sendable {
        /// `2023-04`.
        let month: String
        let articles: Range<Int>
        /// The months before and after that have a page, for the links between them.
        let previous: String?
        let next: String?
    }

    /// Whether the briefing has month pages: more than `list_limit` articles.
    static func hasMonths(_ graph: BriefingGraph) -> Bool { graph.articles.count > graph.settings.listLimit }

    /// The month pages, oldest first; none when the briefing has `list_limit` articles or fewer.
    static func months(_ graph: BriefingGraph) -> [Month] {
        guard hasMonths(graph) else { return [] }
        var runs: [(month: String, start: Int)] = []
        for (position, article) in graph.articles.enumerated() where runs.last?.month != article.published.monthValue {
            runs.append((article.published.monthValue, position))
        }
        return runs.indices.map { n in
            Month(month: runs[n].month, articles: runs[n].start..<(n + 1 < runs.count ? runs[n + 1].start : graph.articles.count),
                  previous: n > 0 ? runs[n - 1].month : nil, next: n + 1 < runs.count ? runs[n + 1].month : nil)
        }
    }

    static func path(of month: String) -> String { "archive/\(month).html" }

    /// The links to the month pages, newest first (as the front page lists articles), with counts.
    static func links(_ months: [Month], from path: String) -> [MonthLink] {
        months.reversed().map { link(to: $0.month, articles: $0.articles.count, from: path) }
    }

    /// The link to one month's page, with its count of articles.
    static func link(to month: String, articles: Int, from path: String) -> MonthLink {
        MonthLink(label: TimexValue.label(month), url: SitePath.relative(from: path, to: self.path(of: month)),
                  counts: Count.phrase(articles, "article"))
    }

    /// An article as the front page and the month pages list it.
    static func card(_ article: Article, from path: String, index: GraphIndex) -> ArticleCard {
        ArticleCard(title: article.shortTitle, url: SitePath.relative(from: path, to: index.articlePath(article.id)),
                    date: article.published.longForm, dateISO: article.published.iso,
                    outlet: article.outlet?.name, teaser: article.teaser == article.title ? nil : article.teaser)
    }

    /// Everything a month page is made from, for incremental builds (see `ArticlePageInputs`):
    /// the month, its neighbours and the digest of each of its articles.
    static func inputs(_ index: GraphIndex, _ digests: ArticleDigests, month: Month, into hasher: inout StableHasher) {
        var writer = BinaryWriter()
        writer.string("article-month-inputs 2")
        writer.string(month.month); writer.string(month.previous); writer.string(month.next)
        writer.int(month.articles.count)
        for position in month.articles { writer.words(digests.words(at: Int32(position))) }
        hasher.combine(writer.bytes)
    }

    static func page(_ index: GraphIndex, _ month: Month) -> Page {
        let path = path(of: month.month)
        let label = TimexValue.label(month.month)
        func link(_ other: String?) -> LinkContext? {
            other.map { LinkContext(title: TimexValue.label($0), url: SitePath.relative(from: path, to: self.path(of: $0))) }
        }
        let counts = Count.phrase(month.articles.count, "article")
        let context = ArticleMonthContext(
            site: SitePlanner.site(index.graph, on: path), month: label, counts: counts,
            articles: index.graph.articles[month.articles].reversed().map { card($0, from: path, index: index) },
            previous: link(month.previous), next: link(month.next))
        return Page(path: path, template: template, title: "Articles of \(label)",
                    description: "The \(counts) of \(index.graph.settings.title) published in \(label).",
                    context: context, meta: StructuredData.website(index.graph.settings, path: path))
    }
}
