/// The context of a month page of articles (`ArticleArchive`).
public struct ArticleMonthContext: PageContext {
    public var site: SiteContext
    /// "April 2023".
    public var month: String
    /// "430 articles".
    public var counts: String
    /// The month's articles, newest first.
    public var articles: [ArticleCard]
    /// The months before and after that have a page.
    public var previous: LinkContext?
    public var next: LinkContext?
}
