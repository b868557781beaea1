/// The Render stage: a page's Markdown template and context → Markdown → HTML (cmark-gfm) → layout.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let settings: SiteSettings

    public init(templates: TemplateSet, settings: SiteSettings) {
        self.templates = templates
        self.settings = settings
    }

    public func render(_ page: Page) throws(BuildError) -> String {
        let markdown = try templates.render(page.template, context: page.context)
        let body = MarkdownDocument.html(from: Self.removingFragmentMarkers(markdown), links: page.inlineLinks, figures: page.figures)
        return templates.renderLayout(LayoutContext(page: page, settings: settings, content: body))
    }

    /// A fragment inserted with `{{{…}}}` keeps its marker; it has no meaning past Mustache.
    static func removingFragmentMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains(MarkdownEscaping.fragmentMarker) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != MarkdownEscaping.fragmentMarker }))
    }
}
