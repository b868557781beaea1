/// The Link stage's output: everything later stages know about the briefing.
///
/// For now it holds the articles in chronological order; the actors and dates issues add actors,
/// mentions, date references and quotes here, so that Site never reads raw files.
public struct BriefingGraph: Sendable {
    public var settings: SiteSettings
    /// Oldest first; ties broken by id, so the order never depends on the file system.
    public var articles: [Article]

    public init(settings: SiteSettings, articles: [Article]) {
        self.settings = settings
        self.articles = articles.sorted { a, b in
            a.published != b.published ? a.published < b.published : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
    }
}
