/// The Render stage: a page's Markdown template and context → Markdown → HTML (cmark-gfm) → layout.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let settings: SiteSettings
    /// Everything besides the page that decides its HTML: the generator, the templates, the settings.
    private let inputs: StableHasher

    public init(templates: TemplateSet, settings: SiteSettings) {
        self.templates = templates
        self.settings = settings
        var hasher = StableHasher()
        hasher.combine(Generator.identity)
        StableDigest.of(settings, into: &hasher)
        inputs = hasher
    }

    /// The digest of a page's inputs (`combine` adds them) with the generator, templates and
    /// settings, or nil when `combine` says the page has none.
    public func inputsKey(_ combine: (inout StableHasher) -> String?) -> String? {
        var hasher = inputs
        guard let template = combine(&hasher) else { return nil }
        hasher.combine(templates.digest(for: template))
        return hasher.finalize()
    }

    /// A stable hash of everything that decides the page's HTML. Two builds that give a page the
    /// same fingerprint render it to the same bytes, so an incremental build can keep the old file.
    public func fingerprint(_ page: Page) -> String {
        var hasher = inputs
        hasher.combine(templates.digest(for: page.template))
        for field in [page.path, page.template, page.title, page.description] { hasher.combine(field) }
        StableDigest.of(page.context, into: &hasher)
        StableDigest.of(page.meta, into: &hasher)
        for block in page.inlineLinks.keys.sorted() {
            hasher.combine(block)
            StableDigest.of(page.inlineLinks[block]!, into: &hasher)
        }
        for block in page.highlights.keys.sorted() {
            hasher.combine(block)
            StableDigest.of(page.highlights[block]!, into: &hasher)
        }
        for figure in page.figures.keys.sorted() {
            hasher.combine(figure)
            hasher.combine(page.figures[figure]!)
        }
        return hasher.finalize()
    }

    public func render(_ page: Page) throws(BuildError) -> String {
        let markdown = try templates.render(page.template, context: page.context)
        let body = MarkdownDocument.html(from: Self.removingFragmentMarkers(markdown), links: page.inlineLinks, figures: page.figures,
                                         highlights: page.highlights)
        return templates.renderLayout(LayoutContext(page: page, settings: settings, content: body))
    }

    /// A fragment inserted with `{{{…}}}` keeps its marker; it has no meaning past Mustache.
    static func removingFragmentMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains(MarkdownEscaping.fragmentMarker) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != MarkdownEscaping.fragmentMarker }))
    }
}
