/// Relative links between pages of the site, so that the output works under any sub-path and from disk.
public enum SitePath {
    /// `""` for `index.html`, `"../"` for `articles/x.html`: one `../` for each slash, counted
    /// on the bytes as `relative(from:to:)` counts them (split into characters, a slash followed
    /// by a combining mark was no slash).
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// The relative URL from one site path to another:
    /// `relative(from: "articles/a.html", to: "articles/b.html")` is `b.html`,
    /// `relative(from: "articles/a.html", to: "index.html")` is `../index.html`.
    public static func relative(from page: String, to target: String, fragment: String? = nil) -> String {
        // The folders both paths start with are left out (never the target's file name); every
        // other folder of the page is one "../". Byte by byte: this runs for every link of the site.
        let slash = UInt8(ascii: "/")
        let from = page.utf8, to = target.utf8
        var i = from.startIndex, j = to.startIndex
        var pageRest = from.startIndex, targetRest = to.startIndex
        while i < from.endIndex, j < to.endIndex, from[i] == to[j] {
            if from[i] == slash { pageRest = from.index(after: i); targetRest = to.index(after: j) }
            i = from.index(after: i)
            j = to.index(after: j)
        }
        var ups = 0
        for byte in from[pageRest...] where byte == slash { ups += 1 }
        var path = ups == 0 ? "" : String(repeating: "../", count: ups)
        path += Substring(to[targetRest...])
        if let fragment { path += "#" + fragment }
        return path
    }

    public static func article(_ slug: String) -> String { "articles/\(slug).html" }
    public static func actor(_ id: String) -> String { "actors/\(id).html" }
    public static let actors = "actors/index.html"
    public static let timeline = "timeline.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    /// The whole search index: written, split and kept in the cache's folder, not published.
    public static let searchIndex = "search-index.js"
    /// The search index split (`SearchShards`): what the search box loads.
    public static let searchShards = SearchShards.manifest
    public static let previews = "previews.js"
    public static let script = "assets/briefing.js"
    public static let printable = "briefing.html"
    public static let notes = "notes.html"
    public static let overview = "overview.html"
    public static let annotations = "annotations.jsonld"
    public static let sources = "sources/index.html"
    public static func source(_ id: String) -> String { "sources/\(id).html" }
    public static let index = "index.html"
}
