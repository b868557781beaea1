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

    /// The paragraphs of the article's page by number, each link made once: the article's link
    /// escaped once, and the paragraphs' links and their Markdown written as bytes
    /// (the month pages link 574,000 paragraphs at 10,000 articles, and a `+=` on a `String` costs
    /// more than the bytes it adds). `ParagraphListTests` holds the line to
    /// `MarkdownFragment(links:separator:)`, `ContextLookupTests` to the template it stands for.
    init(article: DatedLink, numbers: [Int]) {
        let base = Array(article.url.utf8), escapedBase = Array(MarkdownEscaping.escape(article.url).utf8)
        var paragraphs: [ParagraphLink] = []
        paragraphs.reserveCapacity(numbers.count)
        var markdown: [UInt8] = []
        markdown.reserveCapacity(numbers.count * (escapedBase.count + 20))
        for (n, number) in numbers.enumerated() {
            let anchor = TextBlock.anchor(number), digits = String(number)
            paragraphs.append(ParagraphLink(number: number, url: String(joining: base, UInt8(ascii: "#"), anchor.utf8)))
            // `[3](base\#p3)`: a number and an anchor (`p3`, `title`) need no escape but for a
            // minus sign, which no paragraph's number has.
            let plain = number >= 0
            if n > 0 { markdown.append(contentsOf: ", ".utf8) }
            markdown.append(UInt8(ascii: "["))
            markdown.append(contentsOf: (plain ? digits : MarkdownEscaping.escape(digits)).utf8)
            markdown.append(contentsOf: "](".utf8)
            markdown.append(contentsOf: escapedBase)
            markdown.append(contentsOf: "\\#".utf8)
            markdown.append(contentsOf: (plain ? anchor : MarkdownEscaping.escape(anchor)).utf8)
            markdown.append(UInt8(ascii: ")"))
        }
        self.article = article
        self.paragraphs = paragraphs
        paragraphLinks = MarkdownFragment(escaped: String(decoding: markdown, as: UTF8.self))
    }
}

private extension String {
    /// `head`, `separator` and `tail`'s bytes as one string, made once.
    init(joining head: [UInt8], _ separator: UInt8, _ tail: String.UTF8View) {
        self.init(unsafeUninitializedCapacity: head.count + 1 + tail.count) { out in
            var n = out.initialize(from: head).1
            out[n] = separator
            n += 1
            for byte in tail { out[n] = byte; n += 1 }
            return n
        }
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
        var groups: [ArticleParagraphs] = []
        var numbers: [Int] = []
        var current: DatedLink?
        var lastArticle: String?
        var seen = Set<Int>()
        func close() {
            if let current { groups.append(ArticleParagraphs(article: current, numbers: numbers)) }
            numbers.removeAll(keepingCapacity: true)
        }
        for item in items {
            if item.articleID != lastArticle {
                guard let position = index.position[item.articleID] else { continue }
                close()
                current = SitePlanner.datedLink(index.graph.articles[position], from: path, index: index)
                lastArticle = item.articleID
                seen.removeAll(keepingCapacity: true)
            }
            guard seen.insert(item.block).inserted else { continue }
            numbers.append(item.block)
        }
        close()
        let summary = "\(Count.phrase(items.count, "more mention")) in \(Count.phrase(groups.count, "article")), by paragraph:"
        return ParagraphList(articles: groups, months: [], summary: summary)
    }
}
