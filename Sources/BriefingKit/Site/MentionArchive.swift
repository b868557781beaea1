/// Mentions by month. An actor or a date named in more articles than the briefing's `list_limit`
/// gets one page per month of publication, listing every paragraph that names it in that
/// month's articles (`actors/budapest/2023-04.html`); its own page links to those months
/// instead of listing thousands of paragraphs. Pages stay a size a phone can load, and an added
/// or edited article changes one month's page, not one long list.
enum MentionArchive {
    /// The template of the month pages.
    static let template = "mentions"

    /// Whose mentions a month page lists.
    enum Subject: Sendable, Equatable {
        case actor(String)
        case date(String)
    }

    /// One month page: the subject's mentions in the articles published that month.
    struct Month: Sendable {
        let subject: Subject
        /// `2023-04`.
        let month: String
        /// Positions in the subject's mentions (`items(of:)`), which come in article order.
        let mentions: Range<Int>
        /// The month's articles that name the subject, in order.
        let articleIDs: [String]
        /// The months before and after that have a page, for the links between them.
        let previous: String?
        let next: String?
    }

    /// The subject's mentions at these positions (all of them without) as (article, paragraph),
    /// in article order: a month page takes its month's, not the subject's every mention.
    static func items(of subject: Subject, at positions: Range<Int>? = nil, _ index: GraphIndex) -> [(articleID: String, block: Int)] {
        switch subject {
        case .actor(let id):
            let mentions = index.mentionsByActor[id]
            return mentions[positions ?? mentions.indices].map { ($0.articleID, $0.block) }
        case .date(let value):
            let mentions = index.datesByValue[value]
            return mentions[positions ?? mentions.indices].map { ($0.articleID, $0.block) }
        }
    }

    /// The subject's month pages, in order; none when it is named in `list_limit` articles or fewer.
    static func months(of subject: Subject, _ index: GraphIndex) -> [Month] {
        // An actor's articles are counted without its mentions; a date's from its mentions, unless
        // it has too few mentions to be in that many articles.
        let limit = index.graph.settings.listLimit
        switch subject {
        case .actor(let id): if (index.articlesByActor[id]?.count ?? 0) <= limit { return [] }
        case .date(let value): if index.datesByValue.count(value) <= limit { return [] }
        }
        // The mentions read in place, for their articles alone: every subject's, every build.
        let (runs, count) = switch subject {
        case .actor(let id): index.mentionsByActor.runs(id) { $0.articleID }
        case .date(let value): index.datesByValue.runs(value) { $0.articleID }
        }
        return months(of: subject, articleRuns: runs, count: count, index)
    }

    /// `months(of:_:)` from the subject's mentions, when the caller has them already.
    static func months(of subject: Subject, _ items: [(articleID: String, block: Int)], _ index: GraphIndex) -> [Month] {
        months(of: subject, articleRuns: items.lazy.map(\.articleID).runStarts(), count: items.count, index)
    }

    /// The months from the runs of mentions of each article (its id, the value of `Grouped.runs`,
    /// and its first mention) among `count` mentions: for a caller that has the runs already.
    static func months(of subject: Subject, articleRuns: [(value: String, start: Int)], count: Int,
                               _ index: GraphIndex) -> [Month] {
        // No more mentions than the limit means no more articles either.
        guard count > index.graph.settings.listLimit else { return [] }
        // Articles are in order of publication, so each month is one run of mentions.
        var runs: [(month: String, start: Int, articleIDs: [String])] = []
        for (articleID, start) in articleRuns {
            guard let month = index.publicationMonth(of: articleID) else { continue }
            if runs.last?.month == month { runs[runs.count - 1].articleIDs.append(articleID) } else { runs.append((month, start, [articleID])) }
        }
        guard runs.reduce(0, { $0 + $1.articleIDs.count }) > index.graph.settings.listLimit else { return [] }
        return runs.indices.map { n in
            Month(subject: subject, month: runs[n].month,
                  mentions: runs[n].start..<(n + 1 < runs.count ? runs[n + 1].start : count), articleIDs: runs[n].articleIDs,
                  previous: n > 0 ? runs[n - 1].month : nil, next: n + 1 < runs.count ? runs[n + 1].month : nil)
        }
    }

    /// `actors/budapest.html` → `actors/budapest/2023-04.html`.
    static func path(of month: String, subjectPath: String) -> String {
        String(subjectPath.dropLast(".html".count)) + "/" + month + ".html"
    }

    static func path(_ month: Month, _ index: GraphIndex) -> String {
        path(of: month.month, subjectPath: subjectPath(month.subject, index))
    }

    static func subjectPath(_ subject: Subject, _ index: GraphIndex) -> String {
        switch subject {
        case .actor(let id): index.actorPath(id)
        case .date(let value): index.datePath(value)
        }
    }

    /// The subject as its page is titled.
    static func subjectTitle(_ subject: Subject, _ index: GraphIndex) -> String {
        switch subject {
        case .actor(let id): index.actorsByID[id]?.name ?? id
        case .date(let value): TimexValue.label(value)
        }
    }

    /// The links to the month pages from the subject's own page, with their counts.
    static func links(_ months: [Month], from path: String) -> [MonthLink] {
        months.map { month in
            MonthLink(label: TimexValue.label(month.month),
                      url: SitePath.relative(from: path, to: self.path(of: month.month, subjectPath: path)),
                      counts: Count.mentions(month.mentions.count, inArticles: month.articleIDs.count))
        }
    }

    static func page(_ index: GraphIndex, _ month: Month) -> Page {
        let subjectPath = subjectPath(month.subject, index)
        let path = path(of: month.month, subjectPath: subjectPath)
        let title = subjectTitle(month.subject, index)
        let label = TimexValue.label(month.month)
        let section = switch month.subject {
        case .actor: LinkContext(title: "Actors", url: SitePath.relative(from: path, to: SitePath.actors))
        case .date: LinkContext(title: "Timeline", url: SitePath.relative(from: path, to: SitePath.timeline))
        }
        func link(_ other: String?) -> LinkContext? {
            other.map { LinkContext(title: TimexValue.label($0), url: SitePath.relative(from: path, to: self.path(of: $0, subjectPath: subjectPath))) }
        }
        var paragraphs = ParagraphList.grouping(items(of: month.subject, at: month.mentions, index), from: path, index: index)
        paragraphs.summary = nil
        let counts = Count.mentions(month.mentions.count, inArticles: month.articleIDs.count)
        let context = MonthMentionsContext(
            site: SitePlanner.site(index.graph, on: path), subject: LinkContext(title: title, url: SitePath.relative(from: path, to: subjectPath)),
            section: section, month: label, counts: counts, previous: link(month.previous), next: link(month.next), paragraphs: paragraphs,
            quotes: QuoteList.items(QuoteList.quotes(on: month, index), from: path, index: index))
        return Page(path: path, template: template, title: "\(title): \(label)",
                    description: "Every paragraph that names \(title) in the articles published in \(label): \(counts).",
                    context: context, meta: StructuredData.website(index.graph.settings, path: path))
    }
}
