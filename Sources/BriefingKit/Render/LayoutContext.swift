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
    /// The page kind (template name), e.g. for a `class` on `<body>`.
    public var kind: String
    public var content: String
}
