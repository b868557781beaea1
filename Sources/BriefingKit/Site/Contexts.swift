/// The typed contexts the default templates read. Field names are the Mustache keys; README lists them.

public struct SiteContext: Sendable, Codable {
    public var title: String
    public var description: String
    public var language: String
    /// Relative links to the front page and to the actors index from the current page.
    public var home: String
    public var actors: String
    public var timeline: String
    public var sources: String
    public var notes: String
}

/// A link to another page, already relative to the page it appears on.
public struct LinkContext: Sendable, Codable {
    public var title: String
    public var url: String
}

/// A block of article text with its stable anchor (`p3`). `text` is Markdown-ready: plain text
/// is escaped, Markdown articles keep their Markdown.
public struct BlockContext: Sendable, Codable {
    public var anchor: String
    public var text: MarkdownFragment
    /// The actors this block mentions, for readers who skim.
    public let actors: [ActorLink]
    /// The same actors as one line of Markdown links, `[Name](url) · [Name](url)`, which
    /// `partials/block-actors.md` shows. Made here: Mustache looks up three keys for each link of
    /// each block, a third of its time on an article page. A template that wants another form
    /// goes through `actors`.
    public let actorLinks: MarkdownFragment
    /// The editor's notes on passages of this block: margin notes beside it.
    public var notes: [NoteContext] = []

    init(anchor: String, text: MarkdownFragment, actors: [ActorLink], notes: [NoteContext] = []) {
        self.anchor = anchor
        self.text = text
        self.actors = actors
        actorLinks = ActorLink.line(actors)
        self.notes = notes
    }
}

public struct OutletContext: Sendable, Codable {
    public var name: String
    public var description: String?
    /// The outlet's page under `sources/`.
    public var url: String
}

public struct QuoteContext: Sendable, Codable {
    public var anchor: String
    public var text: MarkdownFragment
    /// The speaker as the label names them ("Peskov").
    public var speaker: String?
    /// The speaker's actor page, when the quotation is attributed to an actor with one.
    public var speakerURL: String?
}

/// An article as listed on the front page.
public struct ArticleCard: Sendable, Codable {
    public var title: String
    public var url: String
    public var date: String
    public var dateISO: String
    public var outlet: String?
    public var teaser: String?
}

public struct IndexContext: PageContext {
    public var site: SiteContext
    /// Every article, newest first; only the newest `ArticleArchive.frontPageLimit` when there are month pages.
    public var articles: [ArticleCard]
    public var articleCount: Int
    /// The month pages of articles, newest first, when the briefing has more than `list_limit` articles.
    public var months: [MonthLink] = []
    /// The editor's overview (`Content/briefing.md`), or its first part.
    public var overview: OverviewContext? = nil
}

public struct ArticleContext: PageContext {
    public var site: SiteContext
    public var id: String
    public var title: String
    /// The anchor of the title when the title is the lead sentence itself (dateline articles), so
    /// that the lead is not shown twice; `lead` is then nil.
    public var titleAnchor: String?
    public var date: String
    public var dateISO: String
    public var outlet: OutletContext?
    public var author: String?
    /// The author's actor page, when the byline names a person.
    public var authorURL: String?
    public var originalURL: String?
    public var lead: BlockContext?
    public var summary: [BlockContext]
    public var highlights: [BlockContext]
    public var quote: QuoteContext?
    public var body: [BlockContext]
    public var details: [BlockContext]
    public var background: [BlockContext]
    /// Notes about the whole article, and notes whose passage could not be placed.
    public var notes: [NoteContext]
    /// Every actor the article mentions, in order of first mention.
    public var actors: [ArticleActor]
    public var related: [RelatedArticle]
    public var actorsIndex: String
    /// The article published before this one, and the one after (by date, then id).
    public var previous: LinkContext?
    public var next: LinkContext?
}
