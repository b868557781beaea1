import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingKit

/// `Tests/Fixtures/hostile/`: script tags, event handlers, `javascript:` and `data:` URLs, `<svg onload>`,
/// entity-encoded and mixed-case variants and template syntax, in every input format, in
/// actors.yml, briefing.yml, briefing.md and notes, and in file names. Every payload would set
/// `window.__xss`; the browser test (`Tests/e2e/test_hostile.py`) checks that none runs. These
/// tests check the generated files themselves.
@Suite("Hostile content is shown, never run")
struct HostileContentTests {
    static let content = Fixtures.root.appendingPathComponent("hostile/Content")

    struct Built {
        var output: URL
        var report: SiteBuilder.Report
        var pages: [String: String]
    }

    static let built: Result<Built, Error> = Result {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("Public")
        let report = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        var pages: [String: String] = [:]
        for path in FileTree.files(under: output) {
            pages[path] = String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
        }
        return Built(output: output, report: report, pages: pages)
    }

    var site: Built { get throws { try Self.built.get() } }

    /// A URL a browser would run or load as a document: after entity decoding, with the control
    /// characters and white space a browser strips, in any case.
    static func isDangerousURL(_ value: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return ["javascript:", "vbscript:", "data:"].contains { squeezed.hasPrefix($0) }
    }

    @Test func everyArticleAndNoteIsBuilt() throws {
        let site = try site
        #expect(site.report.articles == 4)
        #expect(site.pages.keys.filter { $0.hasPrefix("articles/") }.sorted() == [
            "articles/hostile-dateline.html", "articles/hostile-tagged.html",
            "articles/onmouseover-window-__xss-1-x.html", "articles/svg-onload-window-__xss-1.html",
        ])
        #expect(site.pages["notes.html"]?.contains("id=\"note-script-window-__xss-1-script\"") == true)
    }

    /// What in a page could run script: event-handler attributes, `javascript:`/`vbscript:`/`data:`
    /// URLs, frames, `<base>`, refresh, and any `<script>` but the site's own files and JSON-LD.
    static func scriptRisks(in html: String) -> [String] {
        var problems: [String] = []
        for tag in HTMLTag.scan(html) {
            for attribute in tag.attributes where attribute.name.hasPrefix("on") {
                problems.append("<\(tag.name) \(attribute.name)=…>")
            }
            for attribute in tag.attributes where ["href", "src", "action", "formaction", "xlink:href", "poster", "data"].contains(attribute.name) {
                // The layout's own empty favicon (`data:,`) is the one data: URL allowed.
                let ownFavicon = tag.name == "link" && tag.attribute("rel") == "icon" && attribute.value == "data:,"
                if isDangerousURL(attribute.value), !ownFavicon { problems.append("<\(tag.name) \(attribute.name)=\"\(attribute.value)\">") }
            }
            if ["iframe", "object", "embed", "base", "frame", "frameset"].contains(tag.name) || tag.attribute("http-equiv") != nil {
                problems.append("<\(tag.name)>")
            }
            if tag.name == "script" {
                let external = tag.attribute("src").map { !$0.isEmpty && !$0.contains(":") } ?? false
                let data = tag.attribute("type") == "application/ld+json" && !tag.text.contains("<")
                if !(external && tag.text.isEmpty) && !data { problems.append("<script>\(tag.text.prefix(60))") }
            }
        }
        return problems
    }

    @Test func theRiskScanFindsEveryKindOfPayload() {
        let html = """
        <p>text &lt;script&gt; <a href="https://example.org/">ok</a><script src="../assets/briefing.js" defer></script>
        <a href="&#106;ava&#x73;cript:x()">1</a><a href=" JaVaScRiPt:x()">2</a><a href="java&Tab;script:x">3</a>
        <svg/onload=x()><img src=x OnError='x()'><iframe src="https://example.org"></iframe>
        <script>x()</script><script type="application/ld+json">{"a":"</p>"}</script><meta http-equiv="refresh" content="0">
        <a href="data:text/html,x">4</a><link rel="icon" href="data:,"><!-- <script>x()</script> -->
        """
        #expect(Self.scriptRisks(in: html) == [
            "<a href=\"javascript:x()\">", "<a href=\" JaVaScRiPt:x()\">", "<a href=\"java\tscript:x\">",
            "<svg onload=…>", "<img onerror=…>", "<iframe>", "<script>x()", "<script>{\"a\":\"</p>\"}", "<meta>",
            "<a href=\"data:text/html,x\">",
        ])
    }

    @Test func noPageCanRunScript() throws {
        var problems: [String] = []
        for (path, html) in try site.pages.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            problems += Self.scriptRisks(in: html).map { "\(path): \($0)" }
        }
        #expect(problems == [])
    }

    @Test func payloadsAreShownAsText() throws {
        let article = try #require(try site.pages["articles/hostile-tagged.html"])
        #expect(article.contains("&lt;script&gt;window.__xss=1&lt;/script&gt; speaks {{site.title}}"))
        #expect(article.contains("Template syntax is text here: {{site.title}} and {{{site.description}}} and {{&gt; partials/note}} and {{#articles}}loop{{/articles}}."))
        #expect(article.contains("&lt;/script&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;"))
        // An upper-case tag inside an element is text, not structure: nothing after it is lost.
        #expect(article.contains("said the &lt;SCRIPT&gt;window.__xss=1&lt;/SCRIPT&gt; talks would continue on"))
        #expect(article.contains("Entity-encoded: &amp;lt;script&amp;gt;window.__xss=1&amp;lt;/script&amp;gt;"))
        #expect(article.contains("by &lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"))

        let index = try #require(try site.pages["index.html"])
        #expect(index.contains("<title>Hostile &lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt; briefing {{site.description}}</title>"))

        let markdown = try #require(try site.pages["articles/svg-onload-window-__xss-1.html"])
        #expect(markdown.contains("Lavrov</a> said <code>{{site.title}}</code> and {{ site.title }} and {{&amp;site.title}} and {{=&lt;% %&gt;=}} &lt;%site.title%&gt;."))
        #expect(markdown.contains("::: aside {#x&quot; onclick=&quot;window.__xss=1 .y}"))
        #expect(markdown.contains("{#evil onmouseover=window.__xss=1}"))
    }

    @Test func unsafeURLsAreWarnedAboutWithFileAndLine() throws {
        let warnings = try site.report.diagnostics.map(\.description)
        let root = "Tests/Fixtures/hostile/Content/"
        for expected in [
            "actors.yml:6: warning: `link` is not an http(s) address; ignored",
            "actors.yml:11: warning: `link` is not an http(s) address; ignored",
            "actors.yml:13: warning: id `../../../escape` must be lower-case ASCII letters, digits, `-` and `_`; using `escape`",
            "articles/hostile-tagged.txt:3: warning: <URL> is not an http(s) address; ignored",
            "articles/<svg onload=window.__xss=1>.md:4: warning: `url` is not an http(s) address; ignored",
            "briefing.md:6: warning: unresolved link [[javascript:window.__xss=1]]: no article, actor or date of that name",
        ] {
            #expect(warnings.contains { $0.hasSuffix(root + expected) || $0.hasSuffix(expected) }, "missing: \(expected)")
        }
        #expect(!warnings.contains { $0.contains("unknown tag <SCRIPT>") })
    }

    @Test func dataFilesStayDataFiles() throws {
        let site = try site
        for path in ["briefing.json", "annotations.jsonld"] {
            let data = Data(try #require(site.pages[path]).utf8)
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON")
        }
        // The search index's parts are scripts: no "<" (so no "</script>" or "<!--") in them.
        let search = site.pages.filter { $0.key.hasPrefix("search/") }
        #expect(search.count > 3 && search.values.allSatisfy { !$0.contains("<") })
        #expect(search.values.contains { $0.contains("\\u003cscript>window.__xss=1\\u003c/script>") })
        let previews = try #require(site.pages["previews.js"])
        #expect(!previews.contains("<"))
        let feed = Data(try #require(site.pages["feed.xml"]).utf8)
        #expect(XMLParser(data: feed).parse())
    }

    @Test func everyFileIsInsideTheOutputDirectory() throws {
        let site = try site
        let parent = site.output.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Public"])
        for path in site.pages.keys {
            #expect(SafePath.isSafe(path), "\(path)")
            #expect(path.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "\"") }, "\(path)")
        }
    }
}
