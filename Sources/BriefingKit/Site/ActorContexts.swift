/// Contexts of the actor pages, the actors index and the actor parts of article pages.

/// A link to an actor, relative to the page it is on.
public struct ActorLink: Sendable, Codable {
    public var name: String
    public var url: String
    public var kind: String

    /// `[Name](url) · [Name](url)`: what `{{#actors}}[{{name}}]({{url}}){{^last()}} · {{/last()}}{{/actors}}`
    /// renders in a Markdown template.
    static func line(_ links: [ActorLink]) -> MarkdownFragment {
        MarkdownFragment(links: links.map { ($0.name, $0.url) }, separator: " · ")
    }
}

/// An actor in an article's list of actors, with how often that article names it. The briefing's
/// totals are on the actor's page: an article page shows only what the article holds, so adding
/// an article changes a few pages, not every page that names one of its actors.
public struct ArticleActor: Sendable, Codable {
    public var name: String
    public var url: String
    public var kind: String
    /// Mentions in this article.
    public var mentions: Int
    /// "1 mention", "3 mentions".
    public var mentionsLabel: String
}

public struct RoleContext: Sendable, Codable {
    public var role: String
    /// Where it was seen: the first `seenLimit` articles, linked with their dates. Empty for roles
    /// from the gazetteer only.
    public var seen: [DatedLink]
    /// "and 208 more articles" when it was seen in more.
    public var seenMore: String? = nil
    public var fromGazetteer: Bool

    static let seenLimit = 5
}

public struct DatedLink: Sendable, Codable {
    public var title: String
    public var url: String
    public var date: String
    public var dateISO: String
}

public struct ArticleMentions: Sendable, Codable {
    public var article: DatedLink
    public var snippets: [SnippetContext]
}

public struct QuoteItem: Sendable, Codable {
    public var text: String
    public var article: DatedLink
    public var url: String
}

public struct CoActor: Sendable, Codable {
    public var name: String
    public var url: String
    public var sharedArticles: Int
    /// "2 shared articles".
    public var shared: String
}

public struct ActorContext: PageContext {
    public var site: SiteContext
    public var id: String
    public var name: String
    public var kind: String
    public var origin: String
    public var description: String?
    public var link: String?
    public var roles: [RoleContext]
    /// The name forms seen in the text, most frequent first ("Zelenskyy", "Zelensky").
    public var aliases: [String]
    public var articleCount: Int
    public var mentionCount: Int
    /// "5 mentions in 2 articles".
    public var counts: String
    /// The first mentions in context (`ParagraphList.snippetLimit` snippets at most), by article.
    public var mentions: [ArticleMentions]
    /// The mentions beyond those, by article and paragraph.
    public var moreMentions: ParagraphList
    /// The first quotes (`ParagraphList.snippetLimit` at most, and any with no month page), in full.
    public var quotes: [QuoteItem]
    /// The quotes beyond those: by article and paragraph, or links to the month pages.
    public var moreQuotes: ParagraphList
    public var appearsWith: [CoActor]
    public var authored: [DatedLink]
    /// For outlets: the articles they are the source of.
    public var published: [DatedLink]
    /// The one-hop network and the mentions per month (SVG figures).
    public var network: Figure?
    public var chart: Figure?
    /// Dates named in the same sentences as the actor, in date order.
    /// The first `ParagraphList.snippetLimit` of them with snippets, the rest by date in `moreDates`.
    public var dates: [ActorDate]
    public var moreDates: DateCounts
    public var firstMention: DatedLink?
    public var lastMention: DatedLink?
    public var actorsIndex: String
    /// The editor's notes about this actor.
    public var notes: [NoteContext]
}

public struct ActorGroup: Sendable, Codable {
    public var title: String
    public var actors: [ActorLinkWithArticles]
}

public struct ActorLinkWithArticles: Sendable, Codable {
    public var name: String
    public var url: String
    public var articles: Int
    public var mentions: Int
    /// "36 mentions in 2 articles".
    public var counts: String
    public var discovered: Bool
}

public struct ActorsIndexContext: PageContext {
    public var site: SiteContext
    /// The network of the most-mentioned actors (an SVG figure), when there are two or more.
    public var network: Figure?
    public var groups: [ActorGroup]
    public var actorCount: Int
}

/// A related article and the actors it shares.
public struct RelatedArticle: Sendable, Codable {
    public var title: String
    public var url: String
    public var date: String
    public var shared: String
}

/// A link the Render stage puts on a mention in the text of a block.
public struct InlineLink: Sendable, Hashable, Codable {
    /// The exact surface string to link, found in order in the block's text.
    public var text: String
    public var url: String
    public var title: String
    public var cssClass: String
    /// For a date: the value of a `<time datetime>` around the text.
    public var datetime: String? = nil
}
