import Foundation
import Testing
@testable import BriefingKit

@Suite("Building the fixture site")
struct SiteBuildTests {
    func build(into output: URL, templates: URL = Fixtures.templates) throws -> SiteBuilder.Report {
        try SiteBuilder.build(.init(content: Fixtures.siteContent, templates: templates, output: output))
    }

    func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func pagesExistAndLinkToEachOther() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        let report = try build(into: output)
        #expect(report.articles == 3)
        #expect(report.pages == 44)
        #expect(report.diagnostics.isEmpty)
        // No gazetteer here: every actor page comes from discovery.
        #expect(FileTree.files(under: output) == [
            "actors/dmitry-peskov.html", "actors/donald-trump.html", "actors/fiona-hill.html", "actors/geneva.html",
            "actors/heorhii-tykhyi.html", "actors/index.html", "actors/jason-miller.html", "actors/joe-biden.html",
            "actors/keith-kellogg.html", "actors/kyiv.html", "actors/mary-ilyushina.html", "actors/moscow.html",
            "actors/ria-novosti.html", "actors/riyadh.html", "actors/sergei-lavrov.html", "actors/the-example-times.html",
            "actors/the-washington-post.html", "actors/ukraine.html",
            "actors/ukrainian-foreign-ministry.html", "actors/vladimir-putin.html", "actors/volodymyr-zelenskyy.html",
            "annotations.jsonld", "articles/000_a07414719247a0af.html", "articles/003_aa876f87d1a0a2ba.html", "articles/010_kellogg-plan.html",
            "assets/briefing.js", "assets/style.css", "briefing.html", "briefing.json",
            "dates/2016.html", "dates/2018.html", "dates/2021-06.html", "dates/2021.html", "dates/2024-04.html",
            "dates/2024-06.html", "dates/2024.html", "dates/2025-01-09.html", "dates/2025-01-10.html",
            "dates/2025-01-12.html", "dates/2025-01-20.html", "dates/2025-01.html", "dates/2025.html",
            "feed.xml", "index.html", "notes.html", "previews.js", "robots.txt",
            "search/d-0.js", "search/index.js",
        ] + "012abcdefghijklmnopqrstuvwxyz".map { "search/t-\($0).js" } + [
            "sources/index.html", "sources/ria-novosti.html", "sources/the-example-times.html", "timeline.html",
        ])
        #expect(LinkChecker.check(directory: output).isEmpty)

        let index = try page("index.html", in: output)
        let order = ["010_kellogg-plan", "003_aa876f87d1a0a2ba", "000_a07414719247a0af"].map { index.range(of: "href=\"articles/\($0).html\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!, "newest first")
        #expect(index.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
        #expect(index.contains("<html lang=\"en-GB\">"))

        let middle = try page("articles/003_aa876f87d1a0a2ba.html", in: output)
        #expect(middle.contains("<a href=\"000_a07414719247a0af.html\">← Older: Putin’s press secretary"))
        #expect(middle.contains("<a href=\"010_kellogg-plan.html\">Newer: Kellogg's *plan* for [Ukraine] &lt;b&gt;talks&lt;/b&gt; →</a>"))
        #expect(middle.contains("<a class=\"site-title\" href=\"../index.html\">"))
        #expect(middle.contains("href=\"https://www.washingtonpost.com/world/2025/01/10/putin-trump-meeting-kremlin/\""))
        #expect(!middle.contains("href=\"/"), "no absolute links")
    }

    @Test func everyBlockHasItsAnchor() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try build(into: output)
        for name in ["000_a07414719247a0af.txt", "003_aa876f87d1a0a2ba.txt"] {
            let article = try Fixtures.article(name)
            let html = try page("articles/\(article.id).html", in: output)
            for block in article.blocks {
                #expect(html.contains("id=\"\(block.anchor)\""), "\(article.id) #\(block.anchor)")
            }
            #expect(!html.contains("id=\"p\(article.blocks.count + 1)\""))
        }
        let dateline = try page("articles/000_a07414719247a0af.html", in: output)
        #expect(dateline.contains("by <strong><a href=\"../sources/ria-novosti.html\">RIA Novosti</a></strong>, a Kremlin-aligned Russian news outlet"))
        // The label's speaker links to the actor the quotation is attributed to.
        #expect(dateline.contains("<p>— <a href=\"../actors/dmitry-peskov.html\">Peskov</a></p>"))
        #expect(dateline.contains("<h2>Background</h2>"))
    }

    @Test func contentIsEscapedAndCannotInjectHTML() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try build(into: output)
        let html = try page("articles/010_kellogg-plan.html", in: output)
        // The headline keeps its characters literally, and its mentions link to their actors.
        #expect(html.contains("<h1 id=\"title\">\n<a class=\"actor actor-person\" href=\"../actors/keith-kellogg.html\" title=\"Keith Kellogg (person)\">Kellogg</a>'s *plan* for [<a class=\"actor actor-place\" href=\"../actors/ukraine.html\" title=\"Ukraine (place)\">Ukraine</a>] &lt;b&gt;talks&lt;/b&gt;\n</h1>"))
        #expect(html.contains("<title>Kellogg&#39;s *plan* for [Ukraine] &lt;b&gt;talks&lt;/b&gt; · Fixture briefing</title>"))
        #expect(html.contains("The plan has <strong>three</strong> parts:"), "Markdown articles keep their Markdown")
        // The only scripts are the layout's own: JSON-LD, the search index and briefing.js.
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(!html.contains("__xss"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<pre><code>code that stays whole\n\nacross a blank line\n</code></pre>"))
    }

    @Test func buildsAreByteIdentical() throws {
        let first = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        let second = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try build(into: first)
        _ = try build(into: second)
        let a = try Fixtures.snapshot(first)
        let b = try Fixtures.snapshot(second)
        #expect(a.count == 82)
        #expect(a == b)
        // Rebuilding in place gives the same bytes too.
        _ = try build(into: first)
        #expect(try Fixtures.snapshot(first) == a)
    }

    @Test func thePublishedSampleSiteIsReproduced() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try SiteBuilder.build(.init(content: Fixtures.repository.appendingPathComponent("Content"),
                                        templates: Fixtures.templates, output: output))
        let committed = try Fixtures.snapshot(Fixtures.repository.appendingPathComponent("Public"))
        #expect(try Fixtures.snapshot(output) == committed, "run `make site` and commit Public/")
    }
}

@Suite("Parallel rendering")
struct ParallelRenderingTests {
    @Test func parallelOutputIsByteIdenticalToSingleThreaded() throws {
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: Fixtures.templates, output: URL(fileURLWithPath: "/nonexistent"))
        let (graph, _) = SiteBuilder.load(options)
        let pages = SitePlanner.pages(for: graph)
        let renderer = PageRenderer(templates: try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates"), settings: graph.settings)
        let single = try SiteBuilder.render(pages, with: renderer, threads: 1)
        let parallel = try SiteBuilder.render(pages, with: renderer, threads: 4)
        #expect(single.count == pages.count)
        #expect(single.map(\.path) == parallel.map(\.path))
        #expect(single.map(\.bytes) == parallel.map(\.bytes))
    }
}
