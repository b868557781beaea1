/// Contexts of the date pages, the timeline and the date parts of actor pages.

/// One mention of a date: the snippet, its article, and the actors in the same sentence.
public struct DateSnippet: Sendable, Codable {
    public var snippet: SnippetContext
    public var article: DatedLink
    public var actors: [ActorLink]
    /// The reference was to the future when the article was published.
    public var plan: Bool
    /// The expression's own value when it differs from the page's (e.g. a range).
    public var value: String
}

public struct DateContext: PageContext {
    public var site: SiteContext
    public var value: String
    public var label: String
    /// The year and month above this date, widest first (as breadcrumbs).
    public var up: [LinkContext]
    /// The dates below: the days of a month, the months of a year.
    public var below: [LinkContext]
    /// The first mentions in context (`ParagraphList.snippetLimit` at most).
    public var mentions: [DateSnippet]
    /// The mentions beyond those, by article and paragraph.
    public var moreMentions: ParagraphList
    public var mentionCount: Int
    public var articleCount: Int
    /// "4 mentions in 2 articles".
    public var counts: String
    public var timeline: String
    /// The editor's notes about this date.
    public var notes: [NoteContext]
}

/// A date on the timeline, with its snippets.
public struct TimelineDate: Sendable, Codable {
    public var label: String
    public var url: String
    public var counts: String
    /// The first few snippets; the date's own page has them all.
    public var mentions: [DateSnippet]
    /// "and 57 more": the snippets left to the date's page, or nil.
    public var more: String?
}

public struct TimelineMonth: Sendable, Codable {
    public var label: String
    public var dates: [TimelineDate]
    /// Articles published in this month: shown apart from what they refer to.
    public var published: [DatedLink]
    /// Instead of `published`, when there are month pages of articles (`ArticleArchive`): a link to
    /// this month's.
    public var archive: MonthLink? = nil
}

public struct TimelineYear: Sendable, Codable {
    public var label: String
    public var url: String
    public var months: [TimelineMonth]
}

public struct TimelineContext: PageContext {
    public var site: SiteContext
    /// Date references per month (an SVG figure).
    public var chart: Figure?
    public var years: [TimelineYear]
    public var dateCount: Int
}

/// A date in an actor's own timeline.
public struct ActorDate: Sendable, Codable {
    public var label: String
    public var url: String
    public var snippet: SnippetContext
    public var article: DatedLink
    public var plan: Bool
}

/// The dates of an actor's timeline beyond its snippets: each date once, with a count.
public struct DateCounts: Sendable, Codable {
    public var dates: [DateCount]
    /// "250 more references to 120 dates:" (nil when nothing was left out).
    public var summary: String?

    static let empty = DateCounts(dates: [], summary: nil)
}

public struct DateCount: Sendable, Codable {
    public var label: String
    public var url: String
    /// How often the date comes up: "3".
    public var count: String
}
