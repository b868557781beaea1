import Foundation
import Testing
@testable import BriefingKit

/// `briefing check` with the cache: it reads what the last build left (the articles' memo, the
/// links of each page) and renders only the pages that changed since, writes nothing, and says
/// exactly what a check without the cache says. The fixture: the sample site and the linking
/// fixtures (`MonthPageTests.content`), built once with a cache.
@Suite("Check with the cache")
struct CheckCacheTests {
    struct Site {
        let root: URL, content: URL, templates: URL, output: URL, cache: URL
        var withCache: SiteBuilder.Options {
            var options = SiteBuilder.Options(content: content, templates: templates, output: output)
            options.cache = cache
            return options
        }
        var withoutCache: SiteBuilder.Options { SiteBuilder.Options(content: content, templates: templates, output: output) }
    }

    static func builtSite() throws -> (Site, SiteBuilder.Report) {
        let content = try MonthPageTests.content(limit: "2")
        let root = content.deletingLastPathComponent()
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        let site = Site(root: root, content: content, templates: templates, output: root.appendingPathComponent("Public"),
                        cache: root.appendingPathComponent("cache"))
        return (site, try SiteBuilder.build(site.withCache))
    }

    @Test func anUnchangedSiteIsCheckedFromTheCacheAndNothingIsWritten() throws {
        let (site, built) = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let before = try Fixtures.snapshot(site.root)
        let cached = CheckReport.run(site.withCache)
        #expect(cached.pagesKnown == built.pages)
        #expect(try Fixtures.snapshot(site.root) == before, "check writes nothing, in the cache or the output")
        let clean = CheckReport.run(site.withoutCache)
        #expect(clean.pagesKnown == 0)
        #expect(cached.text == clean.text)
        #expect(cached.diagnostics.map(\.message) == ["“1955” resolves to 1955, more than 60 years from the publication date"])
        #expect(cached.articleCount == 17)
    }

    @Test func aTemplateEditIsCheckedOnThePagesThatUseIt() throws {
        let (site, built) = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let article = site.templates.appendingPathComponent("article.md")
        try (try String(contentsOf: article, encoding: .utf8) + "\n[gone](missing.html)\n").write(to: article, atomically: true, encoding: .utf8)
        let cached = CheckReport.run(site.withCache)
        // The 17 article pages are made again from their files in the output, the new chunk
        // spliced in, not rendered; every other page is known.
        #expect(cached.pagesKnown == built.pages - 17)
        #expect(cached.pagesRemade == 17)
        let broken = cached.diagnostics.filter { $0.message == "broken link `missing.html`: no file articles/missing.html" }
        #expect(broken.count == 17)
        #expect(cached.text == CheckReport.run(site.withoutCache).text)
    }

    /// A link added to the layout: every page is put in the new layout from its file, its
    /// content not rendered, and the broken link is found on every one, as without the cache.
    @Test func aLayoutEditIsCheckedOnEveryPageFromItsFile() throws {
        let (site, built) = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let layout = site.templates.appendingPathComponent("layout.html")
        let text = try String(contentsOf: layout, encoding: .utf8)
        #expect(text.contains("</footer>"))
        try text.replacingOccurrences(of: "</footer>", with: #"<a href="{{root}}nowhere.html">?</a></footer>"#)
            .write(to: layout, atomically: true, encoding: .utf8)
        let before = try Fixtures.snapshot(site.root)
        let cached = CheckReport.run(site.withCache)
        #expect(cached.pagesRemade == built.pages)
        #expect(cached.pagesKnown == 0)
        #expect(cached.diagnostics.filter { $0.message.contains("broken link") && $0.message.contains("no file nowhere.html") }.count == built.pages)
        #expect(cached.text == CheckReport.run(site.withoutCache).text)
        #expect(try Fixtures.snapshot(site.root) == before, "check writes nothing")
    }

    /// Every paragraph's id renamed in the article template: the article pages are spliced, and
    /// the actor and date pages, known from the cache, still link to the old ids. They are
    /// checked again because the pages they link into changed their ids, as a build would.
    @Test func knownPagesAreCheckedAgainstIdsThatChanged() throws {
        let (site, built) = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let block = site.templates.appendingPathComponent("partials/annotated-block.md")
        let text = try String(contentsOf: block, encoding: .utf8)
        #expect(text.contains("{#{{anchor}}"))
        try text.replacingOccurrences(of: "{#{{anchor}}", with: "{#x{{anchor}}").write(to: block, atomically: true, encoding: .utf8)
        let cached = CheckReport.run(site.withCache)
        #expect(cached.pagesKnown > built.pages / 2)
        let broken = cached.diagnostics.filter { $0.message.contains("broken link") && $0.message.contains("no id=\"p") }
        #expect(broken.contains { $0.file.hasPrefix("(site) actors/") }, "\(cached.diagnostics.prefix(3))")
        #expect(cached.text == CheckReport.run(site.withoutCache).text)
    }

    /// An edited article: its last paragraph, which names a date, goes. Its page and the pages
    /// that show it are rendered again, the others are known, and the report is a clean check's.
    @Test func anEditedArticleIsCheckedAsWithoutTheCache() throws {
        let (site, built) = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let file = site.content.appendingPathComponent("articles/101_eu-summit.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        let last = "\n\nThe extension must still be formally adopted by written procedure, a step officials expect to complete on Monday."
        #expect(text.contains(last))
        try text.replacingOccurrences(of: last, with: "").write(to: file, atomically: true, encoding: .utf8)
        let cached = CheckReport.run(site.withCache)
        #expect(cached.pagesKnown > built.pages / 2 && cached.pagesKnown < built.pages - 1)
        #expect(cached.text == CheckReport.run(site.withoutCache).text)
    }
}
