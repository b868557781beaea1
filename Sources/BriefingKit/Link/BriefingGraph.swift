/// The Link stage's output: everything later stages know about the briefing.
public struct BriefingGraph: Sendable {
    public var settings: SiteSettings
    /// Oldest first; ties broken by id, so the order never depends on the file system.
    public var articles: [Article]
    /// Sorted by id.
    public var actors: [Actor]
    /// Every mention, in article order, then block, then offset.
    public var mentions: [Mention]
    /// Every quotation found, attributed or not, in article order.
    public var quotes: [AttributedQuote]
    /// Names that matched more than one actor and were left unlinked.
    public var unresolved: [UnresolvedName]
    /// Every date expression, in article order, then block, then offset.
    public var dates: [DateMention]
    /// The editor's overview (`Content/briefing.md`), linked like article text.
    public var overview: LinkedOverview?
    /// The editor's notes, anchored (`NoteAnchoring`), in file order.
    public var notes: [AnchoredNote] = []
    /// Each article's `ArticleFacts.digest` by id, when the linker worked them out (a build that
    /// keeps a cache): the Site stage's page digests start from them (`ArticleDigests`). Empty for
    /// a graph made otherwise; an article missing here has its digest worked out from the graph.
    public var factDigests: [String: String] = [:]

    public struct UnresolvedName: Sendable, Hashable {
        public var name: String
        public var articleID: String
        public var block: Int
        public var candidates: [String]
    }

    public init(settings: SiteSettings, articles: [Article], actors: [Actor] = [], mentions: [Mention] = [],
                quotes: [AttributedQuote] = [], unresolved: [UnresolvedName] = [], dates: [DateMention] = []) {
        self.settings = settings
        self.articles = articles.sorted { a, b in
            a.published != b.published ? a.published < b.published : a.id.bytesPrecede(b.id)
        }
        self.actors = actors.sorted { $0.id.bytesPrecede($1.id) }
        self.mentions = mentions
        self.quotes = quotes
        self.unresolved = unresolved
        self.dates = dates
    }

    /// The overview's id in mentions and dates: no article has it (article ids are file names).
    public static let overviewID = "briefing.md"

    public func actor(_ id: String) -> Actor? {
        actors.first { $0.id == id }
    }
}

/// The overview after the Link stage: its blocks with `[[…]]` links resolved, and the actors and
/// dates its text names (their `articleID` is `BriefingGraph.overviewID`).
public struct LinkedOverview: Sendable {
    public var overview: Overview
    /// One list of pieces per block, in block order.
    public var blocks: [[WikiText.Piece]]
    public var mentions: [Mention]
    public var dates: [DateMention]
}
