/// An actor's quotes on its page, bounded as its mentions are: the first
/// `ParagraphList.snippetLimit` in full, the rest one click away. Below `list_limit` articles the
/// rest are listed by article and paragraph; an actor with month pages (`MentionArchive`) links to
/// them instead, and each month page shows every quote of the actor in that month's articles.
/// A busy speaker's page stays a size a phone can load (it had 809 quotes at 10,000 articles), and
/// no quote is lost: each is in full on the actor page or on a month page, or linked by paragraph.
enum QuoteList {
    /// What the actor's page shows: the quotes in full and the list after them.
    struct Split {
        var shown: [QuoteItem]
        var more: ParagraphList
    }

    /// The actor's quotes for its page at `path`, given its month pages (none below `list_limit`).
    static func split(_ index: GraphIndex, actorID: String, months: [MentionArchive.Month], from path: String,
                      limit: Int = ParagraphList.snippetLimit) -> Split {
        let quotes = index.quotesByActor[actorID].filter { index.position[$0.articleID] != nil }
        guard quotes.count > limit else { return Split(shown: items(quotes, from: path, index: index), more: .empty) }
        guard !months.isEmpty else {
            var more = ParagraphList.grouping(quotes.dropFirst(limit).map { ($0.articleID, $0.block) }, from: path, index: index)
            more.summary = "\(Count.phrase(quotes.count - limit, "more quote")) in \(Count.phrase(more.articles.count, "article")), by paragraph:"
            return Split(shown: items(quotes.prefix(limit), from: path, index: index), more: more)
        }
        // A quote is on the month page of its article's month. A speaker named by the tagged
        // format's `speaker` need not be named in the text; a quote in a month where the actor is
        // never named has no month page, and stays in full on the actor's own page.
        let pages = Set(months.map(\.month))
        var shown = Array(quotes.prefix(limit))
        var perMonth: [String: Int] = [:]
        for (position, quote) in quotes.enumerated() {
            let month = index.publicationMonth(of: quote.articleID)!
            if pages.contains(month) { perMonth[month, default: 0] += 1 } else if position >= limit { shown.append(quote) }
        }
        let links = MentionArchive.links(months, from: path).enumerated().compactMap { n, link -> MonthLink? in
            guard let count = perMonth[months[n].month] else { return nil }
            return MonthLink(label: link.label, url: link.url, counts: Count.phrase(count, "quote"))
        }
        let placed = perMonth.values.reduce(0, +)
        let more = links.isEmpty ? ParagraphList.empty
            : ParagraphList(articles: [], months: links, summary: "\(Count.phrase(placed, "quote")), by month of publication:")
        return Split(shown: items(shown, from: path, index: index), more: more)
    }

    /// The quotes of a month page's actor in the articles published that month, in order; none
    /// for a date's month page.
    static func quotes(on month: MentionArchive.Month, _ index: GraphIndex) -> [AttributedQuote] {
        guard case .actor(let id) = month.subject else { return [] }
        // The quotes come in order of publication (the Link stage's), so a month's are one run,
        // found by binary search: a busy speaker's month pages do not each read all its quotes.
        let quotes = index.quotesByActor[id]
        func monthOf(_ quote: AttributedQuote) -> String { index.publicationMonth(of: quote.articleID) ?? "" }
        let start = GraphIndex.firstIndex(in: quotes, notBelow: month.month, by: monthOf)
        return Array(quotes[start...].prefix { monthOf($0) == month.month })
    }

    /// Quotes as a page at `path` shows them, each linked to its paragraph.
    static func items(_ quotes: some Sequence<AttributedQuote>, from path: String, index: GraphIndex) -> [QuoteItem] {
        quotes.compactMap { quote in
            guard let article = index.articlesByID[quote.articleID] else { return nil }
            return QuoteItem(text: quote.text, article: SitePlanner.datedLink(article, from: path, index: index),
                             url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: TextBlock.anchor(quote.block)))
        }
    }
}
