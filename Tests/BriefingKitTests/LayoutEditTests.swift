import Foundation
import Testing
@testable import BriefingKit

/// An edit to `layout.html` alone: each page's content, read back from the last build's file, is
/// put in the new layout (`PageFrame`) without the page being made or rendered, and the site is
/// the bytes of a clean build.
@Suite("Layout edits")
struct LayoutEditTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func editLayout(_ workspace: Workspace, _ edit: (String) -> String) throws {
        let url = workspace.templates.appendingPathComponent("layout.html")
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    static func cache(_ workspace: Workspace) throws -> BuildCache {
        try #require(BuildCache.load(BuildCache.file(in: workspace.cache, for: workspace.output), output: workspace.output).cache)
    }

    static let footer = #"<p class="edited">Edited layout.</p></footer>"#

    @Test func aLayoutEditPutsEveryPageInTheNewLayoutWithoutMakingIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        // The pages made even when nothing changed: those with no digest of their inputs.
        let unchanged = try SiteBuilder.build(workspace.options())
        let before = try Self.cache(workspace)
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "</footer>", with: Self.footer) }
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        #expect(report.pages > 100)
        #expect(report.pagesRendered == report.pages)
        #expect(report.pagesReframed == report.pages)
        #expect(report.pagesMade == unchanged.pagesMade)
        let after = try Self.cache(workspace)
        for (path, entry) in after.entries {
            let old = try #require(before.entries[path]), frame = try #require(entry.frame), oldFrame = try #require(old.frame)
            // The same page and content, in a frame longer by the footer's new paragraph.
            #expect(entry.fingerprint == old.fingerprint && entry.body == old.body && entry.templates != old.templates, "\(path)")
            #expect(frame.page == oldFrame.page && frame.contentLength == oldFrame.contentLength && frame.contentOffset == oldFrame.contentOffset)
            #expect(entry.stamp.size == old.stamp.size + Self.footer.utf8.count - "</footer>".utf8.count, "\(path)")
            let html = try String(contentsOf: workspace.output.appendingPathComponent(path), encoding: .utf8)
            #expect(html.contains(Self.footer), "\(path)")
        }
    }

    /// A page put in a new layout with the links it had is checked as a kept page is; a link the new
    /// layout adds is checked on every page, and a broken one fails the build (which, as any failed
    /// build, leaves the last good build's cache).
    @Test func aBrokenLinkInTheNewLayoutFailsTheBuild() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "</footer>", with: #"<a href="{{root}}nowhere.html">?</a></footer>"#) }
        #expect {
            try SiteBuilder.build(workspace.options())
        } throws: { error in
            let message = (error as? BuildError)?.message ?? ""
            return message.contains("broken link") && message.contains("no file nowhere.html")
        }
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "nowhere.html", with: "timeline.html#main") }
        let fixed = try workspace.buildBoth()
        #expect(fixed.same, "differs in \(fixed.differences.prefix(5))")
        // A failed build leaves the last good build's cache: the next puts every page in the new layout.
        #expect(fixed.incremental.pagesReframed == fixed.incremental.pages)
    }

    /// An article edited with the layout: the pages that show it are rendered, the others put in the new layout.
    @Test func aLayoutEditWithAnArticleEditRendersOnlyWhatShowsTheArticle() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "</footer>", with: Self.footer) }
        try workspace.addParagraphToFirstArticle("A paragraph about Quillfeather in Geneva on 3 March 2025.")
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        #expect(report.pagesRendered == report.pages)
        #expect(report.pagesReframed > report.pages / 2 && report.pagesReframed < report.pages - 2)
    }

    /// A layout that looks at the content (`{{content}}` escapes it) frames nothing: the pages' content,
    /// the last build's, is given to it whole, and no page keeps a frame; when the layout frames
    /// again, every page is rendered whole, as none has a frame to take its content from.
    @Test func aLayoutThatLooksAtTheContentIsRenderedWhole() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "{{{content}}}", with: "{{{content}}}<!-- {{content}} -->") }
        let escaped = try workspace.buildBoth()
        #expect(escaped.same, "differs in \(escaped.differences.prefix(5))")
        #expect(escaped.incremental.pagesReframed == escaped.incremental.pages)
        #expect(try Self.cache(workspace).entries.values.allSatisfy { $0.frame == nil })
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "<!-- {{content}} -->", with: "") }
        let plain = try workspace.buildBoth()
        #expect(plain.same, "differs in \(plain.differences.prefix(5))")
        #expect(plain.incremental.pagesReframed == 0 && plain.incremental.pagesRendered == plain.incremental.pages)
        #expect(try Self.cache(workspace).entries.values.allSatisfy { $0.frame != nil })
    }

    /// The content twice: no page has one place for it, so none is framed; a page whose file is
    /// gone from the output is rendered whole.
    @Test func contentTwiceOrAFileGoneIsRenderedWhole() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "{{{content}}}", with: "{{{content}}}\n<aside>{{& content}}</aside>") }
        _ = try SiteBuilder.build(workspace.options())
        #expect(try Self.cache(workspace).entries.values.allSatisfy { $0.frame == nil })
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "\n<aside>{{& content}}</aside>", with: "") }
        let once = try workspace.buildBoth()
        #expect(once.same, "differs in \(once.differences.prefix(5))")
        #expect(once.incremental.pagesReframed == 0)
        try FileManager.default.removeItem(at: workspace.output.appendingPathComponent("timeline.html"))
        try Self.editLayout(workspace) { $0.replacingOccurrences(of: "</footer>", with: Self.footer) }
        let gone = try workspace.buildBoth()
        #expect(gone.same, "differs in \(gone.differences.prefix(5))")
        #expect(gone.incremental.pagesReframed == gone.incremental.pages - 1)
    }

    /// Every page of the sample site framed: the layout rendered with the content the frame gives is
    /// the page, and the frame's fields are the page's.
    @Test func aFramedPageIsTheLayoutRenderedWithItsContent() throws {
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: Fixtures.templates, output: Fixtures.temporaryRoot)
        let graph = SiteBuilder.load(options).graph
        let templates = try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates")
        #expect(templates.framesContent)
        let renderer = PageRenderer(templates: templates, settings: graph.settings)
        let pages = SitePlanner.pages(for: graph)
        #expect(pages.count > 20)
        for page in pages {
            let (html, frame) = try renderer.renderFramed(page)
            let framed = try #require(frame, "\(page.path)")
            let bytes = Array(html.utf8)
            let content = String(decoding: bytes[framed.contentOffset..<(framed.contentOffset + framed.contentLength)], as: UTF8.self)
            #expect(content.hasPrefix("<"), "\(page.path)")
            #expect(templates.renderLayout(LayoutContext(page: page, settings: graph.settings, content: content)) == html, "\(page.path)")
            #expect(framed.page == LayoutContext.PageFields(page))
            let (before, after, moved) = try #require(renderer.frame(length: content.utf8.count, path: page.path, frame: framed))
            #expect(Array(before) + Array(content.utf8) + Array(after) == Array(html.utf8) && moved == framed, "\(page.path)")
            #expect(renderer.layout(Array(content.utf8)[...], path: page.path, frame: framed) == Array(html.utf8), "\(page.path)")
        }
    }

    @Test(arguments: [
        ("<main>{{{content}}}</main>", true),
        ("<main>{{& content}}</main>{{! the content goes above }}", true),
        ("{{#canonical}}<main>{{{content}}}</main>{{/canonical}}", true),
        ("<main>{{content}}</main>", false),
        ("{{#content}}<main>{{{content}}}</main>{{/content}}", false),
        ("<main>{{{content}}}</main>{{^content}}empty{{/content}}", false),
        ("<main>{{{uppercased(content)}}}</main>", false),
        ("<main>{{{content}}}</main>{{.}}", false),
        ("{{=<% %>=}}<main><%{content}%></main>", false),
        ("<main>{{{content}}}</main>{{> partials/x}}", false),
        ("<main>{{{content}}}</main>{{> partials/y}}", true),
    ]) func aLayoutFramesContentItDoesNotLookAt(layout: String, frames: Bool) {
        let sources = ["layout": layout, "partials/x": "<p>{{content}}</p>", "partials/y": "<p>{{title}}</p>"]
        #expect(PageFrame.canFrame(sources, layout: "layout") == frames)
    }

    /// The links of a page put in a new layout, told from the frames (`LinkChecker.sameLinks`):
    /// the same as a scan finds whenever they are said to be the same, for every page of the sample
    /// site, and not the same when the layout adds or changes a link or hides the content.
    @Test(arguments: [
        (#"<p class="edited">Edited layout.</p></footer>"#, true),
        (#"<a href="{{home}}">Home</a></footer>"#, false),
        (#"<a href="{{root}}assets/style.css#x">?</a></footer>"#, false),
        (#"<span id="extra"></span></footer>"#, false),
    ]) func aNewLayoutHasTheLinksItsFramesSay(footer: String, same: Bool) throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: edited)
        let layout = edited.appendingPathComponent("layout.html")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: footer)
            .write(to: layout, atomically: true, encoding: .utf8)
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: Fixtures.templates, output: root)
        let graph = SiteBuilder.load(options).graph
        let before = PageRenderer(templates: try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates"), settings: graph.settings)
        let after = PageRenderer(templates: try TemplateSet(directory: edited, displayRoot: "Templates"), settings: graph.settings)
        for page in SitePlanner.pages(for: graph) {
            let (old, oldFrame) = try before.renderFramed(page)
            let (new, newFrame) = try after.renderFramed(page)
            let alike = Self.sameLinks(old: Array(old.utf8), oldFrame: try #require(oldFrame), new: Array(new.utf8), newFrame: try #require(newFrame))
            #expect(alike == same, "\(page.path)")
            if alike { #expect(LinkChecker.scan(old, on: page.path) == LinkChecker.scan(new, on: page.path), "\(page.path)") }
        }
    }

    /// A page put in a new layout is the new layout's parts around its last file's content,
    /// which is copied from that file, not read; and told from the old parts whether it is the
    /// last file. A last file cut short since it was opened gives no page (it is then rendered).
    @Test func aPageInANewLayoutCopiesItsContentFromItsLastFile() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let last = Array("<html><main><p id=\"p1\">The content, as it was.</p></main></html>\n".utf8)
        let content = 12..<(last.count - 15)
        #expect(String(decoding: last[content], as: UTF8.self) == "<p id=\"p1\">The content, as it was.</p>")
        try Data(last).write(to: output.appendingPathComponent("page.html"))
        let fields = LayoutContext.PageFields(template: "t", title: "", description: "", openGraphType: "", canonical: nil, jsonLD: "")
        let oldFrame = PageFrame(contentOffset: content.lowerBound, contentLength: content.count, page: fields)
        func remade(before: String, after: String, file: CopySource) -> SiteBuilder.Remade {
            SiteBuilder.Remade(made: .framed(before: Array(before.utf8)[...], after: Array(after.utf8)[...],
                                             old: (Array(last[..<content.lowerBound]), Array(last[content.upperBound...]))),
                               frame: PageFrame(contentOffset: before.utf8.count, contentLength: content.count, page: fields),
                               previous: (file, oldFrame))
        }
        let site = try StagedSite(OutputDirectory(output))
        let stamp = try #require(StagedSite.regularFile(at: output.appendingPathComponent("page.html").path).map(StagedSite.Stamp.init))
        let file = try #require(StagedSite.file("page.html", under: output.path, stamp: stamp))
        #expect(StagedSite.file("page.html", under: output.path, stamp: StagedSite.Stamp(size: stamp.size + 1, modified: stamp.modified)) == nil)

        let same = remade(before: "<html><main>", after: "</main></html>\n", file: file)
        #expect(same.isLastFile && same.count == last.count && same.bytes() == last)
        let edited = remade(before: "<html><body><main>", after: "</main><footer>New.</footer></html>\n", file: file)
        #expect(!edited.isLastFile)
        let written = try #require(try site.write(edited, at: "page.html"))
        let expected = "<html><body><main><p id=\"p1\">The content, as it was.</p></main><footer>New.</footer></html>\n"
        let staged = try FileTree.read(path: site.stagingRoot + "/page.html")
        #expect(String(decoding: staged, as: UTF8.self) == expected)
        #expect(written.size == expected.utf8.count && edited.count == expected.utf8.count && edited.bytes() == Array(expected.utf8))

        // The last file cut short after it was opened: the content cannot be copied whole.
        try Data(last[..<20]).write(to: output.appendingPathComponent("page.html"))
        #expect(try site.write(edited, at: "page.html") == nil)
        #expect(edited.bytes() == nil)
    }

    /// A spliced page is written as the new layout's parts around runs of its last file's content,
    /// copied, and the parts rendered now; it is the last file when each place gave up bytes for
    /// the same bytes.
    @Test func aSplicedPageCopiesTheRunsItKeptFromItsLastFile() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let content = "<p>one</p>\n<p>two</p>\n<p>three</p>\n"
        let last = Array(("<main>" + content + "</main>\n").utf8)
        try Data(last).write(to: output.appendingPathComponent("page.html"))
        let fields = LayoutContext.PageFields(template: "t", title: "", description: "", openGraphType: "", canonical: nil, jsonLD: "")
        let oldFrame = PageFrame(contentOffset: 6, contentLength: content.utf8.count, page: fields)
        let stamp = try #require(StagedSite.regularFile(at: output.appendingPathComponent("page.html").path).map(StagedSite.Stamp.init))
        let file = try #require(StagedSite.file("page.html", under: output.path, stamp: stamp))
        // "<p>two</p>\n" (bytes 11..<22 of the content) given up for `made`.
        func remade(_ made: String) -> SiteBuilder.Remade {
            let made = Array(made.utf8)
            let splice = PageSplice(pieces: [.kept(0..<11), .made(0..<made.count), .kept(22..<content.utf8.count)], made: made,
                                    count: content.utf8.count - 11 + made.count, segments: [], removed: [[], [11..<22], []],
                                    added: [[], [0..<made.count], []])
            let places: [SiteBuilder.Remade.Place] = [([], []), ([Array("<p>two</p>\n".utf8)[...]], [made[...]]), ([], [])]
            return SiteBuilder.Remade(made: .spliced(before: Array("<main>".utf8)[...], after: Array("</main>\n".utf8)[...], splice: splice,
                                                     old: (Array("<main>".utf8), Array("</main>\n".utf8)), places: places),
                                      frame: PageFrame(contentOffset: 6, contentLength: splice.count, page: fields), previous: (file, oldFrame))
        }
        #expect(remade("<p>two</p>\n").isLastFile)
        let edited = remade("<p>2</p>\n<p>2b</p>\n")
        #expect(!edited.isLastFile && !remade("<p>TWO</p>\n").isLastFile)
        let site = try StagedSite(OutputDirectory(output))
        let written = try #require(try site.write(edited, at: "page.html"))
        let expected = "<main><p>one</p>\n<p>2</p>\n<p>2b</p>\n<p>three</p>\n</main>\n"
        #expect(String(decoding: try FileTree.read(path: site.stagingRoot + "/page.html"), as: UTF8.self) == expected)
        #expect(written.size == expected.utf8.count && edited.count == expected.utf8.count && edited.bytes() == Array(expected.utf8))
    }

    /// A frame that ends inside a tag, or opens a comment around the content, is never said to
    /// link alike: the content and the frame after it would be read otherwise.
    @Test func aFrameInsideATagOrCommentIsNotToldFromTheFrames() {
        func alike(_ before: String, _ content: String, _ after: String, newBefore: String? = nil, newAfter: String) -> Bool {
            let fields = LayoutContext.PageFields(template: "t", title: "", description: "", openGraphType: "", canonical: nil, jsonLD: "")
            let newBefore = newBefore ?? before
            return Self.sameLinks(old: Array((before + content + after).utf8),
                                  oldFrame: PageFrame(contentOffset: before.utf8.count, contentLength: content.utf8.count, page: fields),
                                  new: Array((newBefore + content + newAfter).utf8),
                                  newFrame: PageFrame(contentOffset: newBefore.utf8.count, contentLength: content.utf8.count, page: fields))
        }
        #expect(alike("<main>", "<p><a href=\"a.html\">a</a></p>", "</main><p>old</p>", newAfter: "</main><p>new</p>"))
        #expect(alike("<main>", "<p>a</p>", "</main>", newBefore: "<main class=\"wide\">", newAfter: "</main><p>new</p>"))
        #expect(!alike("<main><!--", "<p>", "--></main>", newAfter: "--></main><a href=\"b.html\">b</a>"))
        #expect(!alike("<main>", "<p>", "</main>", newBefore: "<main><!--", newAfter: "--></main>"))
        #expect(!alike("<main data-x=\"", "<p>", "\"></main>", newAfter: "\"></main>"))
        #expect(!alike("<main>", "<p>", "</main>", newAfter: "</main><a href=\"b.html\">b</a>"))
        #expect(!alike("<main>", "<p>", "</main>", newBefore: "<main id=\"top\">", newAfter: "</main>"))
    }

    /// `LinkChecker.sameLinks(around:and:)` of two whole pages and their frames: the layout's
    /// parts of each, before its content and after it.
    static func sameLinks(old: [UInt8], oldFrame: PageFrame, new: [UInt8], newFrame: PageFrame) -> Bool {
        func layoutParts(_ bytes: UnsafeBufferPointer<UInt8>, _ frame: PageFrame) -> (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>) {
            (UnsafeBufferPointer(rebasing: bytes[..<frame.content.lowerBound]), UnsafeBufferPointer(rebasing: bytes[frame.content.upperBound...]))
        }
        return old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                LinkChecker.sameLinks(around: layoutParts(old, oldFrame), and: layoutParts(new, newFrame))
            }
        }
    }
}
