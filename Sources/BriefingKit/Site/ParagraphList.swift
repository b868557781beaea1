/// Long lists on actor and date pages: the first mentions are shown in context (snippets), the
/// rest by article, one link per paragraph. Every paragraph that names the actor or the date is
/// still one click away, while a page for an actor named in thousands of articles stays readable
/// and the site does not grow with the square of the briefing.
public struct ParagraphList: Sendable, Codable {
    /// The mentions beyond the snippets, grouped by article in page order.
    public var articles: [ArticleParagraphs]
    /// "412 more mentions in 160 articles, by paragraph:" (nil when nothing was left out).
    public var summary: String?

    /// How many snippets an actor page or a date page shows before the list by paragraph.
    static let snippetLimit = 50

    static let empty = ParagraphList(articles: [], summary: nil)
}

/// An article in a `ParagraphList`: its link and a link to each paragraph.
public struct ArticleParagraphs: Sendable, Codable {
    public var article: DatedLink
    public var paragraphs: [ParagraphLink]
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
        var groups: [ArticleParagraphs] = []
        var lastArticle: String?
        var seen = Set<Int>()
        for item in items {
            if item.articleID != lastArticle {
                guard let article = index.articlesByID[item.articleID] else { continue }
                groups.append(ArticleParagraphs(article: SitePlanner.datedLink(article, from: path, index: index), paragraphs: []))
                lastArticle = item.articleID
                seen = []
            }
            guard seen.insert(item.block).inserted else { continue }
            let url = SitePath.relative(from: path, to: index.articlePath(item.articleID), fragment: TextBlock.anchor(item.block))
            groups[groups.count - 1].paragraphs.append(ParagraphLink(number: item.block, url: url))
        }
        let summary = "\(Count.phrase(items.count, "more mention")) in \(Count.phrase(groups.count, "article")), by paragraph:"
        return ParagraphList(articles: groups, summary: summary)
    }
}
