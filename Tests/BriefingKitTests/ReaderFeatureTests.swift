import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingKit
@testable import BriefingPreview

/// Search index, feed, metadata, pictures, printable briefing, sources, check and the preview server.
@Suite("Reader features")
struct ReaderFeatureTests {
    static let site: URL = {
        let output = try! Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try! SiteBuilder.build(.init(content: Fixtures.repository.appendingPathComponent("Content"), templates: Fixtures.templates, output: output))
        return output
    }()

    func page(_ path: String) throws -> String {
        try String(contentsOf: Self.site.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func searchFindsPeskovTheActorAndBothArticles() throws {
        let (allDocs, terms) = try SearchShardsTests.joined(Self.site)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.site.appendingPathComponent("search").path) {
            #expect(!(try page("search/" + name)).contains("<"), "\(name)")
        }
        var documents: [Int] = []
        var n = 0
        for gap in terms["peskov"]!.split(separator: ",") { n += Int(gap, radix: 36)!; documents.append(n) }
        let docs = documents.map { allDocs[$0] }
        #expect(docs.contains { $0[0] == "c" && $0[1] == "Dmitry Peskov" && $0[2] == "actors/dmitry-peskov.html" })
        // Paragraph hits stand for their article: both articles are reached.
        // A paragraph's title field is how many documents back its article is.
        let articles = Set(zip(documents, docs).compactMap { number, doc -> String? in
            doc[0] == "a" ? doc[2] : doc[0] == "p" ? allDocs[number - Int(doc[1])!][2] : nil
        })
        #expect(articles == ["articles/000_a07414719247a0af.html", "articles/003_aa876f87d1a0a2ba.html"])
        #expect(docs.contains { $0[0] == "p" && $0[2] == "12" && $0[3].hasPrefix("Kremlin spokesman Dmitry Peskov") })
        // Dates and accents: "zelenskiy" and a date label are searchable.
        #expect(terms["january"] != nil)
        #expect(SearchIndex.terms(in: "Zelenskyy’s Café") == ["zelenskyy", "cafe"])
    }

    /// The previews: every actor and date page by its path, with the title and detail its search
    /// document has, and nothing else.
    @Test func previewsHoldEveryActorAndDateAsTheSearchIndexDoes() throws {
        let script = try page("previews.js")
        #expect(script.hasPrefix("window.BRIEFING_PREVIEWS={") && script.hasSuffix("};\n"))
        #expect(!script.contains("<"))
        let json = script.dropFirst("window.BRIEFING_PREVIEWS=".count).dropLast(2)
        let previews = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]])
        #expect(previews["actors/dmitry-peskov.html"] == ["Dmitry Peskov", "person · Kremlin spokesman · 5 mentions in 2 articles"])
        let docs = try SearchShardsTests.joined(Self.site).docs.filter { $0[0] == "c" || $0[0] == "d" }
        #expect(docs.count == 29 + 12)
        #expect(previews.count == docs.count)
        for doc in docs { #expect(previews[doc[2]] == [doc[1], doc[3]], "\(doc[2])") }
    }

    @Test func feedTextIsEscapedAndHoldsOnlyXMLCharacters() {
        #expect(XML.escape("Peskov & <Putin> \"said\" 'no'") == "Peskov &amp; &lt;Putin&gt; &quot;said&quot; &#39;no&#39;")
        #expect(XML.escape("tab\tline\ncr\r bell\u{7} nul\u{0} esc\u{1B}") == "tab\tline\ncr\r bell nul esc")
        #expect(XML.escape("a\u{FFFE}b\u{FFFF}c\u{FEFF}d\u{FFFD}é") == "abc\u{FEFF}d\u{FFFD}é", "U+FFFE and U+FFFF go; other scalars after 0xEF stay")
        #expect(XML.escape("Zelenskyy’s café") == "Zelenskyy’s café")
    }

    /// Stop words are found on bytes: the same answer as the set of them, for each of them, each
    /// with a letter more, less or changed, and other words of two to nine letters.
    @Test func stopWordsAsTheSetSays() {
        var words = Set(SearchIndex.stopWords)
        for word in SearchIndex.stopWords {
            words.insert(word + "s"); words.insert(String(word.dropLast())); words.insert(String(word.dropFirst()))
            words.insert("x" + word); words.insert(String(word.reversed()))
        }
        words.formUnion(["ab", "zz", "thee", "theirs", "whicha", "wouldd", "09", "a1", "peskov", "ceasefire", "aaaaaaaaa"])
        for word in words where !word.isEmpty {
            #expect(SearchIndex.isStopWord(Array(word.utf8)) == SearchIndex.stopWords.contains(word), "\(word)")
        }
        #expect(SearchIndex.isStopWord(Array("which".utf8)) && !SearchIndex.isStopWord(Array("whic".utf8)))
    }

    /// A paragraph's preview: at most 64 characters, cut at a space with " …" after it.
    @Test func previewsCutAtSixtyFourCharacters() {
        func definition(_ text: String) -> String {
            guard text.count > SearchIndex.previewLength else { return text }
            let cut = text.prefix(SearchIndex.previewLength)
            return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
        }
        let sixtyFour = String(repeating: "abcd efg ", count: 7).prefix(64)
        let texts = ["", "short", String(sixtyFour), String(sixtyFour) + "h", String(repeating: "é", count: 64), String(repeating: "e\u{301}", count: 65),
                     String(repeating: "👩‍👩‍👧", count: 64), String(repeating: "x", count: 200), "Kremlin spokesman Dmitry Peskov said the talks would go on for weeks."]
        for text in texts { #expect(SearchIndex.preview(text) == definition(text), "\(text)") }
        #expect(SearchIndex.preview("Kremlin spokesman Dmitry Peskov said the talks would go on for weeks.")
                    == "Kremlin spokesman Dmitry Peskov said the talks would go on for …")
    }

    @Test func postingsAreBase36Gaps() {
        #expect(SearchIndex.gaps([3, 9, 44]) == "3,6,z")
        #expect(SearchIndex.gaps([]) == "")
        #expect(SearchIndex.gaps([0, 36, 36 + 1295, 36 + 1295 + 1296]) == "0,10,zz,100")
        let large: [UInt32] = [7, 1_000_000, UInt32.max]
        #expect(SearchIndex.gaps(large) == "7,lfll,\(String(UInt32.max - 1_000_000, radix: 36))")
    }

    @Test func textFoldedWordByWordFoldsAsTheWholeTextDoes() {
        // ASCII words take a byte path and the others are folded one by one; that must give what
        // folding the whole text gives.
        func folded(_ text: String) -> [String] {
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
                .filter { $0.count >= 2 && !SearchIndex.stopWords.contains($0) }
        }
        let samples = ["Kremlin spokesman Dmitry Peskov said on Jan. 20, 2025: \"No.\"", "U.S.-Russia talks (Q3) @ 10:30 a.m.; THE END",
                       "x_y z9 A1b2 ~`!{}|\\^[] \t\n\u{7F}\u{1}ab", "", "a", "The and of 2024-25",
                       "Zelenskyy’s Café — «Kyiv» said: “Ça va”, ÉTÉ 2025", "e\u{301}cole a \u{301}b ab \u{301}cd", "ΟΔΟΣ Σίσυφος İstanbul straße ﬁne",
                       "Москва́ 北京 x²y ①② ½ Å", "naïve–coöperate…résumé\u{A0}déjà-vu", "\u{200B}zero\u{FEFF}width",
                       // Typographic marks cut words on the byte path: next to ASCII, inside words,
                       // before a combining mark, at the end of the text; their neighbours in
                       // Unicode (figure dash, low quotes, per mille…) are folded as before.
                       "don’t “Quoted” ‘single’ 2024–25 one—two wait… ok\u{A0}now", "’\u{301}ab a’b Ab’Cd é’é", "end “",
                       "\u{2012}\u{2015}\u{201A}\u{201E}x\u{2027}yz\u{2030}ab\u{A1}cd"]
        for sample in samples { #expect(SearchIndex.terms(in: sample) == folded(sample), "\(sample)") }
        #expect(SearchIndex.terms(in: "Peskov said on Jan. 20") == ["peskov", "jan", "20"])
    }

    @Test func everyPageLoadsTheSearchBoxAndScripts() throws {
        let html = try page("articles/003_aa876f87d1a0a2ba.html")
        #expect(html.contains(#"<input type="text" id="search""#))
        // The previews come with the page; the search index only when the box is used.
        #expect(html.contains(#"<script src="../previews.js" defer></script>"#))
        #expect(html.contains(#"<form class="site-search" role="search" action="../index.html" data-index="../search/index.js">"#))
        #expect(!html.contains(#"<script src="../search-index.js""#))
        #expect(html.contains(#"<script src="../assets/briefing.js" defer></script>"#))
        #expect(!html.contains("onsubmit") && !html.contains("onclick"))
    }

    @Test func feedIsAtom() throws {
        let data = try Data(contentsOf: Self.site.appendingPathComponent("feed.xml"))
        let document = try XMLDocument(data: data)
        let root = try #require(document.rootElement())
        #expect(root.name == "feed")
        #expect(root.uri == "http://www.w3.org/2005/Atom")
        let entries = root.elements(forName: "entry")
        #expect(entries.count == 2)
        for entry in entries {
            for required in ["id", "title", "updated", "link"] { #expect(!entry.elements(forName: required).isEmpty, "\(required)") }
        }
        #expect(entries.first?.elements(forName: "title").first?.stringValue == "Putin is open to meet with Trump after inauguration, Kremlin says")
        #expect(root.elements(forName: "author").count == 1)
        // The ids are the same on every build and machine (these are the sample's since they were first made).
        #expect(root.elements(forName: "id").first?.stringValue == "urn:uuid:07bc20ec-4b6a-86f1-a4e2-68d9f41de96e")
        #expect(entries.map { $0.elements(forName: "id").first?.stringValue } == ["urn:uuid:8e7b3128-032a-8b11-adc6-0016cebbc32a",
                                                                                "urn:uuid:678ab5a9-021b-8077-8134-c1027a9c8d84"])
        #expect(!FileTree.exists(Self.site.appendingPathComponent("sitemap.xml")), "no sitemap without base_url")
    }

    /// The sample site and the 14 linking fixtures: 17 articles, November 2024 to September 2025.
    @Test func theFeedHoldsTheNewestArticlesUpToFeedLimit() throws {
        let content = try MonthPageTests.content(limit: nil)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let settings = content.appendingPathComponent("briefing.yml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        func entries(_ line: String) throws -> (titles: [String], published: [String], updated: String?, diagnostics: [String]) {
            try (original + line).write(to: settings, atomically: true, encoding: .utf8)
            let (graph, diagnostics) = SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: content))
            let root = try #require(try XMLDocument(data: Data(AtomFeed.xml(GraphIndex(graph)))).rootElement())
            let entries = root.elements(forName: "entry")
            return (entries.compactMap { $0.elements(forName: "title").first?.stringValue },
                    entries.compactMap { $0.elements(forName: "published").first?.stringValue },
                    root.elements(forName: "updated").first?.stringValue,
                    diagnostics.map(\.description).filter { $0.contains("feed_limit") })
        }
        let all = try entries("feed_limit: all\n")
        #expect(all.titles.count == 17)
        #expect(all.published.first == "2025-09-23T00:00:00Z" && all.published.last == "2024-11-07T00:00:00Z")
        #expect(all.published == all.published.sorted(by: >), "newest first")
        let three = try entries("feed_limit: 3\n")
        #expect(three.titles == Array(all.titles.prefix(3)))
        #expect(three.updated == "2025-09-23T00:00:00Z", "the feed is as new as its newest entry")
        #expect(three.diagnostics.isEmpty)
        // Unset, the feed holds 50: every article of this briefing.
        #expect(try entries("").titles == all.titles)
        #expect(SiteSettings().feedLimit == 50)
        for bad in ["0", "-2", "some"] {
            let read = try entries("feed_limit: \(bad)\n")
            #expect(read.titles == all.titles)
            #expect(read.diagnostics.count == 1)
            #expect(read.diagnostics.first?.hasSuffix("/Content/briefing.yml:\(original.split(separator: "\n").count + 1): warning: `feed_limit` must be a whole number above 0 or `all`; using 50") == true)
        }
    }

    @Test func metadataOnEveryKindOfPage() throws {
        let article = try page("articles/003_aa876f87d1a0a2ba.html")
        #expect(article.contains(#"<meta property="og:type" content="article">"#))
        #expect(article.contains(#"<meta property="og:title" content="Putin is open to meet with Trump after inauguration, Kremlin says">"#))
        #expect(!article.contains("rel=\"canonical\""), "relative site: no canonical without base_url")
        #expect(article.contains(#"<link rel="alternate" type="application/atom+xml" title="Putin–Trump contacts: a briefing" href="../feed.xml">"#))
        let jsonLD = try #require(article.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst().first?.components(separatedBy: "</script>").first)
        let object = try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any]
        #expect(object?["@type"] as? String == "NewsArticle")
        #expect(object?["datePublished"] as? String == "2025-01-10")
        let actor = try page("actors/dmitry-peskov.html")
        #expect(actor.contains(#""@type":"Person""#))
        #expect(actor.contains(#"<meta property="og:type" content="profile">"#))
    }

    @Test func baseURLAddsCanonicalAbsoluteFeedAndSitemap() throws {
        let directory = try Fixtures.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Content"), to: content)
        try "title: T\nbase_url: https://example.org/briefing\n".write(to: content.appendingPathComponent("briefing.yml"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("Public")
        _ = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        let article = try String(contentsOf: output.appendingPathComponent("articles/000_a07414719247a0af.html"), encoding: .utf8)
        #expect(article.contains(#"<link rel="canonical" href="https://example.org/briefing/articles/000_a07414719247a0af.html">"#))
        #expect(article.contains(#"href="https://example.org/briefing/feed.xml""#))
        #expect(article.contains(#"<link rel="stylesheet" href="../assets/style.css">"#), "pages still link relatively")
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.org/briefing/actors/dmitry-peskov.html</loc>"))
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/briefing/feed.xml"/>"#))
    }

    @Test func picturesAreInlineSVGWithTextAlternatives() throws {
        // A picture with links (the networks, the timeline's bars) is a group: an image's children are presentational.
        for (path, id, role) in [("actors/index.html", "network", "group"), ("actors/donald-trump.html", "network", "group"), ("actors/donald-trump.html", "chart", "img"), ("timeline.html", "chart", "group")] {
            let html = try page(path)
            #expect(html.contains(#"<figure class="chart"#) && html.contains(#"id="\#(id)"><svg"#), "\(path) \(id)")
            #expect(html.contains(#"role="\#(role)" aria-labelledby="\#(id)-title \#(id)-desc""#), "\(path)")
            #expect(html.contains("<figcaption>"), "\(path)")
        }
        let index = try page("actors/index.html")
        #expect(index.contains("Network of all 27 actors, sized by mentions"))
        let trump = try page("actors/donald-trump.html")
        // 13 mentions in the article of November 2024, 24 in the one of January 2025 (the headline included).
        #expect(trump.contains("<tr><td>Nov 2024</td><td>13</td></tr>"))
        #expect(trump.contains("<tr><td>Jan 2025</td><td>24</td></tr>"))
        #expect(!trump.contains("<tr><td>Dec 2024</td>"), "empty months are bars of zero, not table rows")
        // The network is sized by articles shared with the page's actor; an article page counts its own mentions.
        #expect(trump.contains("<title>Donald Trump: 2 articles</title>") && trump.contains("<title>Dmitry Peskov: 2 shared articles</title>"))
        #expect(try page("articles/000_a07414719247a0af.html").contains(">Donald Trump</a> (person, 13 mentions)"))
        #expect(try page("articles/003_aa876f87d1a0a2ba.html").contains(">Donald Trump</a> (person, 24 mentions)"))
    }

    @Test func printableBriefingHoldsEverything() throws {
        let html = try page("briefing.html")
        #expect(html.contains(#"<h2 id="a1" class="print-article">"#))
        #expect(html.contains(#"<h2 id="a2" class="print-article">"#))
        #expect(html.contains(#"id="glossary""#) && html.contains(#"id="timeline""#))
        #expect(html.contains(##"<a class="actor actor-person" href="#actor-dmitry-peskov""##))
        #expect(html.contains(##"href="#date-2025-01-20""##))
        #expect(html.contains(#"id="actor-dmitry-peskov""#) && html.contains(#"id="date-2025-01-20""#))
        let css = try page("assets/style.css")
        #expect(css.contains("break-before: page"))
        #expect(css.contains(#"a[href^="http"]::after"#))
    }

    @Test func sourcesPages() throws {
        let ria = try page("sources/ria-novosti.html")
        #expect(ria.contains("<li>a Kremlin-aligned Russian news outlet</li>"))
        #expect(ria.contains(#"href="../articles/000_a07414719247a0af.html""#))
        let index = try page("sources/index.html")
        #expect(index.contains(#"<a href="ria-novosti.html">RIA Novosti</a>, a Kremlin-aligned Russian news outlet: 1 article"#))
    }

    @Test func checkReportsSuspiciousDatesAndBrokenLinks() throws {
        let directory = try Fixtures.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try " date 2025-01-10 The vote is on Wednesday, February 20 in Kyiv, officials said.\n\nIn 1920 nothing happened.\n"
            .write(to: content.appendingPathComponent("articles/a.txt"), atomically: true, encoding: .utf8)
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        let article = templates.appendingPathComponent("article.md")
        try (try String(contentsOf: article, encoding: .utf8) + "\n[gone](missing.html)\n").write(to: article, atomically: true, encoding: .utf8)
        let report = CheckReport.run(.init(content: content, templates: templates, output: directory.appendingPathComponent("Public")))
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("“Wednesday, February 20”: 20 February 2025 is not a Wednesday; check the date"))
        #expect(messages.contains("“1920” resolves to 1920, more than 60 years from the publication date"))
        #expect(messages.contains("broken link `missing.html`: no file articles/missing.html"))
        #expect(!FileTree.exists(directory.appendingPathComponent("Public")), "check writes nothing")
        #expect(report.text.contains("Problems ("))
    }

    @Test func previewServerServesFilesSafelyAndInjectsReload() async throws {
        let index = PreviewServer.file("/", in: Self.site)
        #expect(index.statusCode == .ok)
        let indexBody = String(decoding: try await index.bodyData, as: UTF8.self)
        #expect(indexBody.contains(#"<script src="/__briefing/reload.js"></script></body>"#))
        #expect(PreviewServer.file("/actors/", in: Self.site).statusCode == .ok)
        #expect(PreviewServer.file("/../Content/briefing.yml", in: Self.site).statusCode == .badRequest)
        // A combining mark after the slash that follows `..` made one character of the two, and
        // `..` no part of its own when the path was split by characters; the file system splits
        // at the byte, and would have served the file beside the site.
        let beside = Self.site.deletingLastPathComponent().appendingPathComponent("\u{301}beside")
        try FileManager.default.createDirectory(at: beside, withIntermediateDirectories: true)
        try "outside the site".write(to: beside.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        #expect(PreviewServer.file("/../%CC%81beside/x.txt", in: Self.site).statusCode == .badRequest)
        #expect(PreviewServer.file("/../\u{301}beside/x.txt", in: Self.site).statusCode == .badRequest)
        #expect(PreviewServer.file("/nope.html", in: Self.site).statusCode == .notFound)
        let css = PreviewServer.file("/assets/style.css", in: Self.site)
        #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        let cssBody = String(decoding: try await css.bodyData, as: UTF8.self)
        #expect(!cssBody.contains("reload.js"))
    }

    /// `briefing serve` logs how many pages each rebuild rendered again, and with
    /// `--template-metrics` each template's row after it.
    @Test func previewServerLogsWhatEachRebuildRenderedAndItsTemplateMetrics() async throws {
        final class Lines: @unchecked Sendable {
            private let lock = NSLock()
            private var lines: [String] = []
            func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
            func take() -> [String] { lock.lock(); defer { lines = []; lock.unlock() }; return lines }
        }
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let logged = Lines()
        let server = PreviewServer(options: workspace.options(), templateMetrics: true, log: { logged.add($0) })
        await server.rebuild(reason: "first build")
        let first = logged.take()
        let pages = try #require(first.first.flatMap { $0.split(separator: " ").dropFirst(3).first }.flatMap { Int($0) })
        #expect(pages > 30)
        // The fixture notes' warnings follow the line, each naming its file and line, then the table.
        let warnings = first.dropFirst().prefix { !$0.hasPrefix("Template metrics") }
        #expect(warnings.count > 5 && warnings.allSatisfy { $0.contains(".md:") && $0.contains(": warning: ") })
        // By file, then line, as `briefing build` prints them.
        let places = warnings.map { warning in
            let parts = warning.split(separator: ":", maxSplits: 2)
            return (String(parts[0]), Int(parts[1]) ?? 0)
        }
        #expect(places.count == warnings.count && zip(places, places.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(places.map(\.0)).count > 1)
        #expect(first.first?.hasPrefix("Rebuilt (first build): \(pages) pages, \(warnings.count) warning(s), ") == true)
        #expect(first.contains { $0.hasPrefix("Template metrics (thread time, summed over") })
        let articles = try #require(first.first { $0.hasPrefix("  article.md") }).split(separator: " ")
        // pages, made, rendered, remade: every article page made and rendered.
        #expect(articles[1] == articles[2] && articles[2] == articles[3] && articles[4] == "0")
        #expect(first.last?.split(separator: " ").prefix(2) == ["all", "\(pages)"])

        await server.rebuild(reason: "change")
        let second = logged.take()
        #expect(second.first?.hasPrefix("Rebuilt (change): \(pages) pages (0 rendered, \(pages) unchanged), \(warnings.count) warning(s), ") == true)
        let unchanged = try #require(second.first { $0.hasPrefix("  article.md") }).split(separator: " ")
        #expect(unchanged[3] == "0")

        // Without the flag, the line and the warnings alone.
        let quiet = PreviewServer(options: workspace.options(), log: { logged.add($0) })
        await quiet.rebuild(reason: "change")
        #expect(logged.take().count == 1 + warnings.count)
    }

    @Test func summaryLine() {
        var report = SiteBuilder.Report(articles: 2, pages: 49, filesWritten: 54, pagesRendered: 49, actors: 29, dates: 12,
                                        diagnostics: [], seconds: 0.5, stages: [])
        #expect(report.summary == "Built 2 articles into 49 pages (54 files): 29 actors, 12 dates, 0 warnings, 0.50 s")
        report.pagesRendered = 3
        #expect(report.summary == "Built 2 articles into 49 pages (54 files, 3 rendered, 46 unchanged): 29 actors, 12 dates, 0 warnings, 0.50 s")
    }
}
