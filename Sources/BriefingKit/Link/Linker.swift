/// The Link stage: articles (and, in later issues, the gazetteer) → the briefing graph.
public enum Linker {
    public static func link(articles: [Article], settings: SiteSettings) -> BriefingGraph {
        BriefingGraph(settings: settings, articles: articles)
    }
}
