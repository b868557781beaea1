import Foundation
import Testing
@testable import BriefingKit

/// An edit to a page template (`article.md`, `actor.md`): a page with the inputs of the last
/// build keeps the segments of its content whose template chunks are unchanged, and only the new
/// chunks are rendered (`PageSplice`); the site is the bytes of a clean build.
@Suite("Template edits")
struct TemplateEditTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func edit(_ workspace: Workspace, _ template: String, _ change: (String) -> String) throws {
        let url = workspace.templates.appendingPathComponent(template)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text)
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    static func count(_ workspace: Workspace, _ folder: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: workspace.output.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".html") }.count
    }

    @Test func aParagraphAddedAtTheEndIsTheOnlyPartRendered() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let unchanged = try SiteBuilder.build(workspace.options())
        try Self.edit(workspace, "article.md") { $0 + "\nEdited: a paragraph at the end.\n" }
        let edited = try workspace.buildBoth()
        #expect(edited.same, "\(edited.differences)")
        let articles = try Self.count(workspace, "articles")
        #expect(edited.incremental.pagesSpliced == articles)
        #expect(edited.incremental.pagesRendered == articles)
        // Text alone needs no page: none is made but those made on every build.
        #expect(edited.incremental.pagesMade == unchanged.pagesMade)
        let page = try Self.articlePage(workspace, newest: false)
        #expect(page.contains("<p>Edited: a paragraph at the end.</p>\n"))
    }

    /// The HTML of the oldest or the newest article's page (article files are named by their
    /// number, oldest first).
    static func articlePage(_ workspace: Workspace, newest: Bool) throws -> String {
        let folder = workspace.output.appendingPathComponent("articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        return try String(contentsOf: folder.appendingPathComponent(try #require(newest ? names.last : names.first)), encoding: .utf8)
    }

    /// The article pages whose files differ from those of `before` (a snapshot of the output).
    static func changedArticles(_ workspace: Workspace, since before: [String: Data]) throws -> Int {
        try Fixtures.snapshot(workspace.output).filter { $0.key.hasPrefix("articles/") && before[$0.key] != $0.value }.count
    }

    @Test func anEditedSectionIsRenderedWithThePageAndTheRestKept() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        var before = try Fixtures.snapshot(workspace.output)
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "## Related articles", with: "## See also ({{title}})") }
        let edited = try workspace.buildBoth()
        #expect(edited.same, "\(edited.differences)")
        let articles = try Self.count(workspace, "articles")
        // Spliced where the section shows; a page without related articles comes out as it was,
        // and its file is kept.
        let changed = try Self.changedArticles(workspace, since: before)
        #expect(changed > articles / 2 && changed < articles)
        #expect(edited.incremental.pagesSpliced == changed)
        #expect(edited.incremental.pagesRendered == changed)
        #expect(edited.incremental.pagesMade >= articles)
        // A section removed, one moved before another, a new one in the middle.
        try Self.edit(workspace, "article.md") { text in
            var text = text.replacingOccurrences(of: "{{#previous}}\n{.nav-previous}\n[← Older: {{title}}]({{url}})\n\n{{/previous}}\n", with: "")
            text = text.replacingOccurrences(of: "{{^empty(summary)}}", with: "In short:\n\n{{^empty(summary)}}")
            return text
        }
        let again = try workspace.buildBoth()
        #expect(again.same, "\(again.differences)")
        #expect(again.incremental.pagesSpliced == articles)
        let html = try Self.articlePage(workspace, newest: true)
        #expect(!html.contains("nav-previous"))
        // A link's label in a tagged part (`{{#next}}`): the page made for `next` alone, its links
        // told from the part left out and the part added.
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "[Newer: {{title}} →]", with: "[Later: {{title}} →]") }
        before = try Fixtures.snapshot(workspace.output)
        let label = try workspace.buildBoth()
        #expect(label.same, "\(label.differences)")
        // Every page but the newest article's, which has no next.
        #expect(label.incremental.pagesSpliced == articles - 1)
        #expect(try Self.changedArticles(workspace, since: before) == articles - 1)
        #expect(label.incremental.pagesMade >= articles)
    }

    /// A line added inside a section of one value (`{{#next}}`, cut inside: `SectionValues`) is the
    /// only part rendered, with the section's value on top of the context, on the pages it shows on.
    @Test func aLineAddedInsideASectionOfOneValueIsRenderedWithItsValue() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let before = try Fixtures.snapshot(workspace.output)
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "{{#next}}\n", with: "{{#next}}\nNext up: {{title}}.\n\n") }
        // The new line is a part of its own, in the section's tags.
        let text = try String(contentsOf: workspace.templates.appendingPathComponent("article.md"), encoding: .utf8)
        let parts = try #require(TemplateChunks.cut(text)).flatMap { TemplateChunks.apart($0, rendersOnce: SectionValues.rendersAtMostOnce) }
        #expect(parts.contains("{{#next}}\nNext up: {{title}}.\n\n{{/next}}\n"))
        let edited = try workspace.buildBoth()
        #expect(edited.same, "\(edited.differences)")
        let articles = try Self.count(workspace, "articles")
        // Every page but the newest article's, which has no next.
        #expect(edited.incremental.pagesSpliced == articles - 1)
        #expect(try Self.changedArticles(workspace, since: before) == articles - 1)
        let oldest = try Self.articlePage(workspace, newest: false)
        let next = try #require(oldest.range(of: "Newer: ")).upperBound
        let title = oldest[next...].prefix { $0 != "<" }.dropLast(2)  // the link's text: "Newer: <title> →"
        #expect(!title.isEmpty)
        #expect(oldest.contains("<p>Next up: \(title).</p>"))
    }

    @Test func actorPagesAreSplicedToo() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        try Self.edit(workspace, "actor.md") { "Edited: a line first.\n\n" + $0 + "\nAnd one last.\n" }
        let edited = try workspace.buildBoth()
        #expect(edited.same, "\(edited.differences)")
        #expect(edited.incremental.pagesSpliced > 10)
        // Put back: the pages are the first build's again, the segments found again.
        try Self.edit(workspace, "actor.md") { String($0.dropFirst("Edited: a line first.\n\n".count).dropLast("\nAnd one last.\n".count)) }
        let back = try workspace.buildBoth()
        #expect(back.same, "\(back.differences)")
        #expect(back.incremental.pagesSpliced == edited.incremental.pagesSpliced)
    }

    /// A link in a new chunk is checked like any other: a broken one fails the build, as a clean
    /// build would, and leaves the site as it was; the link, mended, is found again.
    @Test func aLinkInANewChunkIsChecked() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let before = try Fixtures.snapshot(workspace.output)
        try Self.edit(workspace, "article.md") { $0 + "\n[gone](../missing.html)\n" }
        #expect {
            try SiteBuilder.build(workspace.options())
        } throws: { error in
            "\(error)".contains("broken link `../missing.html`: no file missing.html")
        }
        #expect(try Fixtures.snapshot(workspace.output) == before)
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "../missing.html", with: "../index.html") }
        let mended = try workspace.buildBoth()
        #expect(mended.same, "\(mended.differences)")
        // A build that fails leaves the last good build's cache: the pages are spliced.
        #expect(mended.incremental.pagesSpliced == (try Self.count(workspace, "articles")))
        // Then the link removed: the pages are spliced again, and lose it.
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "\n[gone](../index.html)\n", with: "") }
        let removed = try workspace.buildBoth()
        #expect(removed.same, "\(removed.differences)")
        #expect(removed.incremental.pagesSpliced == (try Self.count(workspace, "articles")))
        #expect(try Fixtures.snapshot(workspace.output) == before)
    }

    /// A spliced page's links told from the parts it left out and those it added, place by place
    /// among the segments kept (`LinkChecker.sameLinks(around:and:places:)`): a link's new label
    /// keeps them; a new target, a link moved past a kept segment or a part ending inside a tag does not.
    @Test func aSplicedPageHasItsLinksWhenEachPlaceLinksAlike() {
        let kept = "<p>kept</p>\n", before = Array("<main>".utf8), after = Array("</main><a href=\"index.html\">home</a>".utf8)
        func alike(_ old: [String], _ new: [String], removed: [[Int]], added: [[Int]]) -> Bool {
            // Each list of parts is the content's segments in order; `removed` and `added` name them by place.
            func parts(_ segments: [String], _ numbers: [[Int]]) -> [[ArraySlice<UInt8>]] {
                numbers.map { $0.map { Array(segments[$0].utf8)[...] } }
            }
            let places = Array(zip(parts(old, removed), parts(new, added))).map { (removed: $0.0, added: $0.1) }
            return before.withUnsafeBufferPointer { before in
                after.withUnsafeBufferPointer { after in
                    LinkChecker.sameLinks(around: (before, after), and: (before, after), places: places)
                }
            }
        }
        let newer = "<p class=\"nav\"><a href=\"b.html\">Newer: B</a></p>\n", later = "<p class=\"nav\"><a href=\"b.html\">Later: B</a></p>\n"
        #expect(alike([kept, newer], [kept, later], removed: [[], [1]], added: [[], [1]]))
        #expect(alike([newer, kept], [later, "<p>new</p>\n", kept], removed: [[0], []], added: [[0, 1], []]))
        #expect(!alike([kept, newer], [kept, later.replacingOccurrences(of: "b.html", with: "c.html")], removed: [[], [1]], added: [[], [1]]))
        #expect(!alike([kept, newer], [later, kept], removed: [[], [1]], added: [[0], []]))
        #expect(!alike([kept, newer], [kept, "<p id=\"b\">Later</p>\n"], removed: [[], [1]], added: [[], [1]]))
        #expect(!alike([kept, newer], [kept, "<p title=\"x\""], removed: [[], [1]], added: [[], [1]]))
        #expect(!alike([kept, newer], [kept, later], removed: [[], [1]], added: [[1]]))
    }

    /// What a new chunk does that reaches past it: the page is rendered whole, the same bytes.
    @Test func aNewChunkThatReachesPastItRendersThePageWhole() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let articles = try Self.count(workspace, "articles")
        // An attribute line of its own gives the next block (a kept segment's) its class.
        try Self.edit(workspace, "article.md") { $0.replacingOccurrences(of: "{{^empty(summary)}}", with: "{.moved}\n\n{{^empty(summary)}}") }
        let attribute = try workspace.buildBoth()
        #expect(attribute.same, "\(attribute.differences)")
        #expect(attribute.incremental.pagesSpliced < articles)
        // An id that a kept segment's block has: links and marks go into the last one.
        try Self.edit(workspace, "article.md") { $0 + "\n{#{{titleAnchor}}}\nThe title's id again.\n" }
        let id = try workspace.buildBoth()
        #expect(id.same, "\(id.differences)")
        #expect(id.incremental.pagesSpliced == 0)
        // A link reference defined in a new chunk reaches every segment.
        try Self.edit(workspace, "article.md") { $0 + "\n[Articles]: https://example.org/\n" }
        let reference = try workspace.buildBoth()
        #expect(reference.same, "\(reference.differences)")
        #expect(reference.incremental.pagesSpliced == 0)
    }

    /// An edit to a partial that a section over a list includes: every chunk that includes it is
    /// new, and each page renders that section again, with its list, and keeps the rest
    /// (`PageSplice`); the paragraphs' ids, which the new part gives, are found nowhere else.
    @Test func aPartialInsideAListIsRenderedAgainWithTheList() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.archiveMonths()
        _ = try SiteBuilder.build(workspace.options())
        try Self.edit(workspace, "partials/block-actors.md") { $0.replacingOccurrences(of: "{.block-actors}", with: "{.block-actors .edited}") }
        let blocks = try workspace.buildBoth()
        #expect(blocks.same, "\(blocks.differences)")
        let articles = try Self.count(workspace, "articles")
        #expect(blocks.incremental.pagesSpliced == articles)
        #expect(try Self.articlePage(workspace, newest: true).contains("<p class=\"block-actors edited\">"))
        try Self.edit(workspace, "partials/paragraph-list.md") { $0.replacingOccurrences(of: ": paragraphs ", with: ": paragraph numbers ") }
        let lists = try workspace.buildBoth()
        #expect(lists.same, "\(lists.differences)")
        #expect(lists.incremental.pagesSpliced > 0 && lists.incremental.pagesRendered < lists.incremental.pages)
        let month = try String(contentsOf: workspace.output.appendingPathComponent("actors/united-states/2025-03.html"), encoding: .utf8)
        #expect(month.contains(": paragraph numbers <a "))
    }

    /// A rendered part's id found again outside it (`PageSplice.givesTwice`), in one pass over the
    /// content: in a kept segment or another rendered part it is, inside its own part it is not, and
    /// an id that only begins with it, or the text ` id=` without a quote, is another.
    @Test func anIdGivenTwiceIsFoundOutsideItsPart() {
        let kept = "<p id=\"p10\">kept</p>\n<p>x id=p1</p>\n", part = "<p id=\"p1\">new</p>\n<h2 id=\"more\">More</p>\n"
        let content = Array((kept + part + kept).utf8)
        let range = kept.utf8.count..<(kept.utf8.count + part.utf8.count)
        #expect(!PageSplice.givesTwice([(range, ["p1", "more"])], in: content))
        #expect(PageSplice.givesTwice([(range, ["p1", "p10"])], in: content))
        #expect(PageSplice.givesTwice([(range, ["p1"]), (0..<kept.utf8.count, ["more"])], in: content))
        #expect(PageSplice.givesTwice([(range, ["p1"]), (range, ["p1"]), (0..<1, ["p1"])], in: content))
        #expect(!PageSplice.givesTwice([(range, [])], in: content))
        #expect(!PageSplice.givesTwice([(0..<0, ["p1"])], in: Array("<p id=\"p1".utf8)))
    }
}
