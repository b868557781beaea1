/// One page of the site: where it goes, which template renders it, and the typed context it gets.
public struct Page: Sendable {
    /// Output path relative to the site root, always `/`-separated and ending in `.html`,
    /// e.g. `articles/000_a07414719247a0af.html`.
    public var path: String
    /// Template name without extension, e.g. `article` for `Templates/article.md`.
    public var template: String
    /// The `<title>` of the page, without the site title.
    public var title: String
    public var description: String
    public var context: any PageContext
    /// Links to put on mentions, by the id of the block they are in (`p3`).
    public var inlineLinks: [String: [InlineLink]]
    public var meta: PageMeta
    /// Generated pictures (SVG) by figure id, placed where the template puts the `Figure`.
    public var figures: [String: String] = [:]
    /// Passages to mark for the editor's notes, by the id of the block they are in (`p3`).
    public var highlights: [String: [Highlight]] = [:]
    /// For a page made for some of its context's names (`ContextNames`): the ids of the blocks
    /// whose links on mentions and marks it left out. It renders as the whole page only a part
    /// of its template that gives none of them an id.
    public var undecoratedBlocks: Set<String> = []
    /// For a page made for some of its context's names: the keys of its context it left out
    /// (`ContextParts`), whose look-up renders otherwise than the whole page's.
    public var omitted: Set<String> = []

    public init(path: String, template: String, title: String, description: String, context: any PageContext,
                inlineLinks: [String: [InlineLink]] = [:], meta: PageMeta = PageMeta()) {
        self.path = path
        self.template = template
        self.title = title
        self.description = description
        self.context = context
        self.inlineLinks = inlineLinks
        self.meta = meta
    }

    /// The relative prefix from this page back to the site root: `""` or `"../"`.
    public var root: String { SitePath.root(from: path) }
}

/// A template context. Contexts are plain structs of stored properties: swift-mustache reads them
/// by reflection, so every value a template needs is computed by the Site stage beforehand.
/// `Encodable` says what the page fingerprint covers (`HashingEncoder`; the generated
/// `StableHashing` code feeds the same digest, for less); `Decodable` lets the template check
/// make a context with every part present (`ShapeDecoder`).
public protocol PageContext: Sendable, Codable {}

/// Every kind of page context: the template check knows a key when one of them offers it.
enum PageContexts {
    static let all: [any PageContext.Type] = [
        IndexContext.self, ArticleContext.self, ActorContext.self, ActorsIndexContext.self, DateContext.self,
        TimelineContext.self, SourceContext.self, SourcesIndexContext.self, NotesContext.self,
        OverviewPageContext.self, PrintableContext.self, MonthMentionsContext.self, ArticleMonthContext.self,
    ]
}
