/// What `Templates/layout.html` receives. It is HTML, so values are HTML-escaped; `content` is the
/// rendered page and is inserted with `{{{content}}}`.
public struct LayoutContext: Sendable {
    public var language: String
    public var siteTitle: String
    /// The page's own title.
    public var title: String
    /// `<title>`: "Page title · Site title", or the site title alone on the front page.
    public var documentTitle: String
    public var description: String
    /// Relative prefix back to the site root: `""` or `"../"`.
    public var root: String
    public var home: String
    /// Relative links to the actors index and the timeline.
    public var actors: String
    public var timeline: String
    public var sources: String
    public var printable: String
    public var notes: String
    /// The page kind (template name), e.g. for a `class` on `<body>`.
    public var kind: String
    public var content: String
    /// Open Graph type, canonical address (with `base_url` only) and JSON-LD (insert with `{{{jsonLD}}}`).
    public var openGraphType: String
    public var canonical: String?
    public var jsonLD: String
    /// The Atom feed: relative, or absolute with `base_url`.
    public var feed: String
    /// The search index's manifest (`search/index.js`), which `briefing.js` loads when the search
    /// box is first used (put it in the form's `data-index`), with the parts each query needs;
    /// and what the link previews read, which every page loads.
    public var searchIndex: String
    public var previews: String
    public var script: String

    /// What a page gives the layout besides its content and path (the build cache keeps it with
    /// the page's frame, `PageFrame`).
    public struct PageFields: Sendable, Equatable {
        public var template: String
        public var title: String
        public var description: String
        public var openGraphType: String
        public var canonical: String?
        public var jsonLD: String

        init(template: String, title: String, description: String, openGraphType: String, canonical: String?, jsonLD: String) {
            self.template = template
            self.title = title
            self.description = description
            self.openGraphType = openGraphType
            self.canonical = canonical
            self.jsonLD = jsonLD
        }

        init(_ page: Page) {
            self.init(template: page.template, title: page.title, description: page.description,
                      openGraphType: page.meta.openGraphType, canonical: page.meta.canonical, jsonLD: page.meta.jsonLD)
        }
    }

    init(page: Page, settings: SiteSettings, content: String) {
        self.init(path: page.path, page: PageFields(page), settings: settings, content: content)
    }

    init(path: String, page: PageFields, settings: SiteSettings, content: String) {
        func link(_ target: String) -> String { SitePath.relative(from: path, to: target) }
        language = settings.language
        siteTitle = settings.title
        title = page.title
        documentTitle = Self.documentTitle(path: path, title: page.title, settings: settings)
        description = page.description
        root = SitePath.root(from: path)
        home = link(SitePath.index)
        actors = link(SitePath.actors)
        timeline = link(SitePath.timeline)
        sources = link(SitePath.sources)
        printable = link(SitePath.printable)
        notes = link(SitePath.notes)
        kind = page.template
        self.content = content
        openGraphType = page.openGraphType
        canonical = page.canonical
        jsonLD = page.jsonLD
        feed = settings.baseURL.map { $0 + SitePath.feed } ?? link(SitePath.feed)
        searchIndex = link(SitePath.searchShards)
        previews = link(SitePath.previews)
        script = link(SitePath.script)
    }

    /// `<title>`: "Page title · Site title", or the site title alone on the front page.
    static func documentTitle(path: String, title: String, settings: SiteSettings) -> String {
        path == SitePath.index ? settings.title : "\(title) · \(settings.title)"
    }

    /// A context with every field, for the template check.
    static let sample = LayoutContext(page: Page(path: SitePath.index, template: "", title: "", description: "",
                                                 context: IndexContext(site: SiteContext(title: "", description: "", language: "", home: "", actors: "", timeline: "", sources: "", notes: ""),
                                                                       articles: [], articleCount: 0),
                                                 meta: PageMeta(canonical: "")),
                                      settings: SiteSettings(), content: "")
}
