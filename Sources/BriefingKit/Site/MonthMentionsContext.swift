/// The context of a month page of an actor's or a date's mentions (`MentionArchive`).
public struct MonthMentionsContext: PageContext {
    public var site: SiteContext
    /// The actor or the date, linked to its own page.
    public var subject: LinkContext
    /// Where the subject is listed: the actors' index or the timeline.
    public var section: LinkContext
    /// "April 2023".
    public var month: String
    /// "214 mentions in 65 articles".
    public var counts: String
    /// The months before and after that have a page.
    public var previous: LinkContext?
    public var next: LinkContext?
    /// Every paragraph that names the subject in the month's articles, by article.
    public var paragraphs: ParagraphList
    /// An actor's quotes in the month's articles, in full (`QuoteList`); none for a date.
    public var quotes: [QuoteItem]
}
