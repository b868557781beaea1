import Foundation
import Testing
@testable import BriefingKit

@Suite("Atomic output and build errors")
struct AtomicOutputTests {
    /// A copy of the default templates that a test may change.
    func templates(in directory: URL) throws -> URL {
        let copy = directory.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: copy)
        return copy
    }

    func options(_ templates: URL, _ output: URL) -> SiteBuilder.Options {
        .init(content: Fixtures.siteContent, templates: templates, output: output)
    }

    @Test func brokenLinkFailsAndLeavesThePreviousSite() throws {
        let directory = try Fixtures.temporaryDirectory()
        let templates = try templates(in: directory)
        let output = directory.appendingPathComponent("Public")
        _ = try SiteBuilder.build(options(templates, output))
        let before = try Fixtures.snapshot(output)

        let article = templates.appendingPathComponent("article.md")
        try (try String(contentsOf: article, encoding: .utf8) + "\n[gone](../missing.html#x)\n").write(to: article, atomically: true, encoding: .utf8)
        #expect {
            try SiteBuilder.build(options(templates, output))
        } throws: { error in
            let text = "\(error)"
            return text.contains("3 broken link(s)") && text.contains("articles/000_a07414719247a0af.html: broken link `../missing.html#x`: no file missing.html")
        }
        #expect(try Fixtures.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFolderThatIsNotASiteIsNeverReplaced() throws {
        let directory = try Fixtures.temporaryDirectory()
        let manager = FileManager.default
        func refusal(_ output: URL) -> String? {
            do {
                _ = try SiteBuilder.build(options(Fixtures.templates, output))
                return nil
            } catch {
                return error.description
            }
        }
        // A folder of one's own, given as --output by mistake.
        let own = directory.appendingPathComponent("Documents")
        try manager.createDirectory(at: own.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        for name in ["thesis.docx", "notes.txt", "budget.ods"] { try Data(name.utf8).write(to: own.appendingPathComponent(name)) }
        #expect(refusal(own) == own.path + ": error: refusing to replace this directory with the site: it holds `budget.ods`, `drafts`, `notes.txt` and 1 more "
                + "and is not a site Briefing wrote (no briefing.json); a build replaces the output directory whole, so choose a new or empty one, or remove this one first [write]")
        #expect(try manager.contentsOfDirectory(atPath: own.path).sorted() == ["budget.ods", "drafts", "notes.txt", "thesis.docx"])
        #expect(try String(contentsOf: own.appendingPathComponent("thesis.docx"), encoding: .utf8) == "thesis.docx")
        // A repository alone (a gh-pages checkout) is not a site either.
        let repository = directory.appendingPathComponent("pages")
        try manager.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(refusal(repository)?.contains("it holds `.git` and is not a site Briefing wrote") == true)
        #expect(manager.fileExists(atPath: repository.appendingPathComponent(".git").path))
        // Nor is a file.
        let file = directory.appendingPathComponent("site.html")
        try Data("<p>mine</p>".utf8).write(to: file)
        #expect(refusal(file)?.contains("it is a file, not a directory") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "<p>mine</p>")
        // A link is followed: to a folder that is not a site, refused as that folder; to nothing,
        // refused as a link.
        let link = directory.appendingPathComponent("www")
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "pages")
        #expect(refusal(link)?.contains("pages: error: refusing to replace this directory with the site: it holds `.git`") == true)
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == "pages")
        try manager.removeItem(at: link)
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere")
        #expect(refusal(link) == link.path + ": error: refusing to replace this directory with the site: it is a symbolic link to `nowhere` "
                + "that does not lead to a folder [write]")
        try manager.removeItem(at: link)
        // Nothing was staged beside them.
        #expect(try manager.contentsOfDirectory(atPath: directory.path).sorted() == ["Documents", "pages", "site.html"])

        // An empty folder is built into, and the site it then holds is replaced by the next build.
        let empty = directory.appendingPathComponent("Public")
        try manager.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(refusal(empty) == nil)
        #expect(manager.fileExists(atPath: empty.appendingPathComponent("briefing.json").path))
        try Data("stale".utf8).write(to: empty.appendingPathComponent("stale.html"))
        #expect(refusal(empty) == nil)
        #expect(!manager.fileExists(atPath: empty.appendingPathComponent("stale.html").path))
    }

    @Test func aMissingContentDirectoryFailsAndKeepsTheSite() throws {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("Public")
        _ = try SiteBuilder.build(options(Fixtures.templates, output))
        let site = try Fixtures.snapshot(output)
        let mistyped = SiteBuilder.Options(content: directory.appendingPathComponent("Contnet"), templates: Fixtures.templates, output: output)
        #expect {
            try SiteBuilder.build(mistyped)
        } throws: { error in
            (error as? BuildError)?.description == directory.appendingPathComponent("Contnet").path + ": error: content directory not found [load]"
        }
        #expect(try Fixtures.snapshot(output) == site)
        // `check` says the same, and nothing else (not "no articles found").
        #expect(CheckReport.run(mistyped).diagnostics.map(\.description) == [directory.appendingPathComponent("Contnet").path + ": error: content directory not found"])
    }

    /// A cache folder no file can be written in (a file in its place, or below one; read-only, or
    /// another user's, which root, running the tests, cannot be kept out of) is not used, and the
    /// report says why, apart from the warnings.
    @Test func aCacheThatCannotBeWrittenIsSaidAndNotUsed() throws {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("Public")
        let file = directory.appendingPathComponent("cache")
        try Data("not a folder".utf8).write(to: file)
        for (cache, problem) in [(file, "it is not a folder"), (file.appendingPathComponent("below"), "not a directory")] {
            var options = options(Fixtures.templates, output)
            options.cache = cache
            let report = try SiteBuilder.build(options)
            #expect(report.cacheProblem == cache.path + ": cannot write the cache (\(problem)); this build does all its work and keeps nothing for the next")
            #expect(report.diagnostics.isEmpty)
            #expect(report.pagesRendered == report.pages)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
        // A folder that can be written in is used, and the check leaves nothing in it.
        var options = options(Fixtures.templates, output)
        options.cache = directory.appendingPathComponent("new/cache")
        #expect(try SiteBuilder.build(options).cacheProblem == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: options.cache!.path).allSatisfy { !$0.hasPrefix(".write-check") })
        #expect(try SiteBuilder.build(options).pagesRendered == 0)
        // A link to a cache folder is followed.
        let linked = directory.appendingPathComponent("linked-cache")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: options.cache!.path)
        options.cache = linked
        let throughLink = try SiteBuilder.build(options)
        #expect(throughLink.cacheProblem == nil)
        #expect(throughLink.pagesRendered == 0)
    }

    /// A part of the cache that cannot be saved (here the articles' memo, a file in the way of
    /// its folder; a full disk in life) is said too, and the parts that could be are used.
    @Test func aCacheThatCannotBeSavedIsSaid() throws {
        let directory = try Fixtures.temporaryDirectory()
        var options = options(Fixtures.templates, directory.appendingPathComponent("Public"))
        let cache = directory.appendingPathComponent("cache")
        options.cache = cache
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: ArticleMemo.file(in: cache, for: options.content))
        let first = try SiteBuilder.build(options)
        #expect(first.cacheProblem == cache.path + ": could not save the articles' memo; the next build does that work again")
        let second = try SiteBuilder.build(options)
        #expect(second.cacheProblem == first.cacheProblem)
        #expect(second.pagesRendered == 0, "the pages' cache was saved")
        try FileManager.default.removeItem(at: ArticleMemo.file(in: cache, for: options.content))
        #expect(try SiteBuilder.build(options).cacheProblem == nil)
    }

    /// A cache inside the output would be replaced with it on every build, and published; one
    /// inside the content or templates would be read and watched.
    @Test func aCacheInsideTheOutputOrTheInputsIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory()
        let templates = try templates(in: directory)
        let output = directory.appendingPathComponent("Public")
        for (cache, message) in [
            (output.appendingPathComponent(".cache"), "inside \(output.path), and each build replaces it whole"),
            (output, "inside \(output.path), and each build replaces it whole"),
            (templates.appendingPathComponent("cache"), "inside \(templates.path), and builds read it"),
        ] {
            var options = options(templates, output)
            options.cache = cache
            #expect {
                try SiteBuilder.build(options)
            } throws: { error in
                (error as? BuildError)?.description == cache.path + ": error: the cache directory is " + message
                    + "; keep it apart (the default is `.briefing-cache` in the working directory) [write]"
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Templates"])
    }

    /// An output linked to a folder (`Public` → `/var/www/briefing`) builds into that folder, over
    /// and over, incrementally, and the link stays.
    @Test func anOutputLinkedToAFolderIsBuiltIntoAndKept() throws {
        let directory = try Fixtures.temporaryDirectory()
        let manager = FileManager.default
        let served = directory.appendingPathComponent("www/briefing")
        try manager.createDirectory(at: served, withIntermediateDirectories: true)
        let link = directory.appendingPathComponent("Public")
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: served.path)
        var options = options(Fixtures.templates, link)
        options.cache = directory.appendingPathComponent("cache")
        let first = try SiteBuilder.build(options)
        #expect(first.pagesRendered == first.pages)
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == served.path)
        #expect(manager.fileExists(atPath: served.appendingPathComponent("index.html").path))
        #expect(try SiteBuilder.build(options).pagesRendered == 0)
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == served.path)
        #expect(try manager.contentsOfDirectory(atPath: served.deletingLastPathComponent().path) == ["briefing"])
        // `check` finds the build's cache through the link as well.
        #expect(CheckReport.run(options).pagesKnown == first.pages)
    }

    @Test func leftoverStagingIsClearedAndAnInterruptedSwapIsRestored() throws {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("Public")
        _ = try SiteBuilder.build(options(Fixtures.templates, output))
        let site = try Fixtures.snapshot(output)
        // A build killed while staging, and one killed between the two renames of the fallback swap.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".Public.staging-99999/articles"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: output, to: directory.appendingPathComponent(".Public.previous-99998"))
        try OutputDirectory(output).clearLeftovers()
        #expect(try Fixtures.snapshot(output) == site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Public"])
    }

    @Test func templateSyntaxErrorNamesFileAndLine() throws {
        let broken = Fixtures.root.appendingPathComponent("templates-broken")
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        #expect {
            try SiteBuilder.build(options(broken, output))
        } throws: { error in
            let error = error as? BuildError
            return error?.step == .render && error?.file?.hasSuffix("templates-broken/index.md") == true && error?.line == 5
                && error?.message == "`{{/article}}` does not close `{{#articles}}`, opened on line 3: end that one first with `{{/articles}}`"
        }
        #expect(!FileTree.exists(output))
    }

    @Test func missingTemplateFolderStopsTheBuild() throws {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("Public")
        #expect {
            try SiteBuilder.build(options(directory.appendingPathComponent("Templatez"), output))
        } throws: { error in
            "\(error)".hasSuffix("Templatez: error: template directory not found [render]")
        }
        #expect(!FileTree.exists(output))
    }

    @Test func unknownPartialNamesFileAndLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        let templates = try templates(in: directory)
        try "# {{site.title}}\n\n{{#articles}}\n{{> partials/nope}}\n{{/articles}}\n".write(to: templates.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        #expect {
            try SiteBuilder.build(options(templates, directory.appendingPathComponent("Public")))
        } throws: { error in
            let error = error as? BuildError
            return error?.line == 4 && error?.message.contains("unknown partial `partials/nope`") == true
        }
    }

    @Test func unknownKeyIsAWarningWithLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        let templates = try templates(in: directory)
        try "# {{site.titel}}\n\n{{#articles}}\n- {{title}} {{dat}}\n{{/articles}}\n".write(to: templates.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(options(templates, directory.appendingPathComponent("Public")))
        #expect(report.diagnostics.map(\.message) == [
            "unknown key `titel` in `{{site.titel}}`: it renders as nothing",
            "unknown key `dat` in `{{dat}}`: it renders as nothing",
        ])
        #expect(report.diagnostics.map(\.line) == [1, 4])
        // The same with Windows line ends: the lines are the file's, not one line.
        try "# {{site.titel}}\r\n\r\n{{#articles}}\r\n- {{title}} {{dat}}\r\n{{/articles}}\r\n"
            .write(to: templates.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        let crlf = try SiteBuilder.build(options(templates, directory.appendingPathComponent("Public")))
        #expect(crlf.diagnostics.map(\.line) == [1, 4])
    }

    @Test func templatesWithWindowsLineEndsMakeTheSameSite() throws {
        let directory = try Fixtures.temporaryDirectory()
        let templates = try templates(in: directory)
        _ = try SiteBuilder.build(options(templates, directory.appendingPathComponent("LF")))
        // Every Markdown template and partial with \r\n line ends: attribute lines, fences, sections
        // and partials must read as they do with \n.
        var converted = 0
        for relative in FileTree.files(under: templates) where relative.hasSuffix(".md") {
            let file = templates.appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: file, atomically: true, encoding: .utf8)
            converted += 1
        }
        #expect(converted > 10)
        let report = try SiteBuilder.build(options(templates, directory.appendingPathComponent("CRLF")))
        #expect(report.diagnostics.isEmpty)
        let lf = try Fixtures.snapshot(directory.appendingPathComponent("LF"))
        let crlf = try Fixtures.snapshot(directory.appendingPathComponent("CRLF"))
        #expect(lf.keys.sorted() == crlf.keys.sorted())
        let differing = lf.keys.filter { lf[$0] != crlf[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) files differ: \(differing.prefix(5))")
    }

    @Test func outputMayNotOverlapTheInputs() throws {
        #expect(throws: BuildError.self) {
            try SiteBuilder.build(options(Fixtures.templates, Fixtures.siteContent))
        }
        #expect(throws: BuildError.self) {
            try SiteBuilder.build(options(Fixtures.templates, Fixtures.site))
        }
    }
}
