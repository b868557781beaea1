/// Long lists on actor and date pages: the first mentions are shown in context (snippets), the
/// rest by article, one link per paragraph. Every paragraph that names the actor or the date is
/// still one click away, while a page for an actor named in thousands of articles stays readable
/// and the site does not grow with the square of the briefing. Beyond the briefing's
/// `list_limit` articles, the page links to one page per month instead (`MentionArchive`).
public struct ParagraphList: Sendable, Codable {
    /// The mentions beyond the snippets, grouped by article in page order.
    public var articles: [ArticleParagraphs]
    /// The month pages that list every mention, when there are more articles than `list_limit`
    /// (`articles` is then empty).
    public var months: [MonthLink]
    /// "412 more mentions in 160 articles, by paragraph:" (nil when nothing was left out).
    public var summary: String?

    /// How many snippets an actor page or a date page shows before the list by paragraph.
    static let snippetLimit = 50

    static let empty = ParagraphList(articles: [], months: [], summary: nil)

    /// What an actor or date page shows after its snippets: the `rest` of its mentions by
    /// paragraph, or, when it has month pages, a link to each.
    static func after(_ rest: [(articleID: String, block: Int)], months: [MentionArchive.Month], from path: String, index: GraphIndex) -> ParagraphList {
        guard !months.isEmpty else { return grouping(rest, from: path, index: index) }
        let mentions = months.reduce(0) { $0 + $1.mentions.count }, articles = months.reduce(0) { $0 + $1.articleIDs.count }
        return ParagraphList(articles: [], months: MentionArchive.links(months, from: path),
                             summary: "All \(Count.mentions(mentions, inArticles: articles)), by month of publication:")
    }
}

/// A month page of an actor's or a date's mentions, as its page links to it.
public struct MonthLink: Sendable, Codable {
    /// "April 2023".
    public var label: String
    public var url: String
    /// "214 mentions in 65 articles".
    public var counts: String
}

/// An article in a `ParagraphList`: its link and a link to each paragraph.
public struct ArticleParagraphs: Sendable, Codable {
    public var article: DatedLink
    public let paragraphs: [ParagraphLink]
    /// The same links as one line of Markdown, `[3](url), [7](url)`, which
    /// `partials/paragraph-list.md` inserts: an actor named in hundreds of articles lists
    /// thousands of paragraphs, and Mustache looks up three keys for each (see `BlockContext.actorLinks`).
    public let paragraphLinks: MarkdownFragment

    init(article: DatedLink, paragraphs: [ParagraphLink]) {
        self.article = article
        self.paragraphs = paragraphs
        paragraphLinks = MarkdownFragment(links: paragraphs.map { (String($0.number), $0.url) }, separator: ", ")
    }
}

public struct ParagraphLink: Sendable, Codable {
    /// The paragraph's number, as on the article page (`#p3`).
    public var number: Int
    public var url: String
}

extension ParagraphList {
    /// The paragraphs of these (article, block) pairs, grouped by article in the order given,
    /// each paragraph once; `mentions` counts every pair, as the page's own counts do.
    static func grouping(_ items: [(articleID: String, block: Int)], from path: String, index: GraphIndex) -> ParagraphList {
        guard !items.isEmpty else { return .empty }
        var groups: [(article: DatedLink, paragraphs: [ParagraphLink])] = []
        var lastArticle: String?
        var seen = Set<Int>()
        for item in items {
            if item.articleID != lastArticle {
                guard let article = index.articlesByID[item.articleID] else { continue }
                groups.append((SitePlanner.datedLink(article, from: path, index: index), []))
                lastArticle = item.articleID
                seen = []
            }
            guard seen.insert(item.block).inserted else { continue }
            // The article's link with the paragraph's anchor, as `SitePath.relative(from:to:fragment:)` writes it.
            let url = groups[groups.count - 1].article.url + "#" + TextBlock.anchor(item.block)
            groups[groups.count - 1].paragraphs.append(ParagraphLink(number: item.block, url: url))
        }
        let summary = "\(Count.phrase(items.count, "more mention")) in \(Count.phrase(groups.count, "article")), by paragraph:"
        return ParagraphList(articles: groups.map { ArticleParagraphs(article: $0.article, paragraphs: $0.paragraphs) }, months: [], summary: summary)
    }
}
