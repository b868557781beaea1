/// Relative links between pages of the site, so that the output works under any sub-path and from disk.
public enum SitePath {
    /// `""` for `index.html`, `"../"` for `articles/x.html`.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// The relative URL from one site path to another:
    /// `relative(from: "articles/a.html", to: "articles/b.html")` is `b.html`,
    /// `relative(from: "articles/a.html", to: "index.html")` is `../index.html`.
    public static func relative(from page: String, to target: String, fragment: String? = nil) -> String {
        var from = page.split(separator: "/").dropLast()
        var to = target.split(separator: "/")
        while let a = from.first, let b = to.first, to.count > 1, a == b {
            from.removeFirst()
            to.removeFirst()
        }
        let path = String(repeating: "../", count: from.count) + to.joined(separator: "/")
        return fragment.map { path + "#" + $0 } ?? path
    }

    public static func article(_ slug: String) -> String { "articles/\(slug).html" }
    public static func actor(_ id: String) -> String { "actors/\(id).html" }
    public static let actors = "actors/index.html"
    public static let timeline = "timeline.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let searchIndex = "search-index.js"
    public static let script = "assets/briefing.js"
    public static let printable = "briefing.html"
    public static let sources = "sources/index.html"
    public static func source(_ id: String) -> String { "sources/\(id).html" }
    public static let index = "index.html"
}
