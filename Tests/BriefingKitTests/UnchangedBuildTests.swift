import Foundation
import Testing
@testable import BriefingKit
#if canImport(Glibc)
import Glibc
#endif

/// A build with nothing to do ends at once, with the last build's report, and only then.
@Suite("Unchanged builds")
struct UnchangedBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func options(_ workspace: Workspace) -> SiteBuilder.Options {
        var options = workspace.options()
        options.endsWhenNothingChanged = true
        return options
    }

    static func endedEarly(_ report: SiteBuilder.Report) -> Bool {
        report.notes.contains { $0.hasPrefix("nothing changed since the last build") }
    }

    /// How many files a build that ended at once found unchanged by their bytes; nil when it did
    /// not end at once.
    static func rewritten(_ report: SiteBuilder.Report) -> Int? {
        guard endedEarly(report) else { return nil }
        guard let note = report.notes.first(where: { $0.hasPrefix("nothing changed since the last build (") }) else { return 0 }
        return Int(note.dropFirst("nothing changed since the last build (".count).prefix { $0.isNumber })
    }

    static func inode(_ url: URL) -> UInt64 {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Inputs written less than `UnchangedBuild.settled` before a build are not recorded: the
    /// workspace's files are let settle first.
    static func settle() { usleep(useconds_t(UnchangedBuild.settled / 1000 + 100_000)) }

    @Test func aBuildAfterWhichNothingChangedEndsWithTheLastReport() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        Self.settle()
        let first = try SiteBuilder.build(Self.options(workspace))
        #expect(!Self.endedEarly(first))
        let site = try Fixtures.snapshot(workspace.output)
        let index = workspace.output.appendingPathComponent("index.html"), inode = Self.inode(index)
        let again = try SiteBuilder.build(Self.options(workspace))
        #expect(Self.endedEarly(again))
        #expect(again.pagesMade == 0 && again.pagesRendered == 0 && again.stages.map(\.stage) == ["nothing changed"])
        #expect((again.articles, again.pages, again.filesWritten, again.actors, again.dates)
                == (first.articles, first.pages, first.filesWritten, first.actors, first.dates))
        // The fixture's notes have warnings: told again, as every build tells them.
        #expect(first.diagnostics.count > 5 && again.diagnostics == first.diagnostics)
        #expect(try Fixtures.snapshot(workspace.output) == site && Self.inode(index) == inode)

        // A hidden file is no file a build reads.
        try Data("swap".utf8).write(to: workspace.articles.appendingPathComponent(".draft.txt.swp"))
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))

        // The output changed: a page's bytes (the same size), then a file added. Each build
        // makes the site again, and records it: the next one ends early again.
        let page = try #require(site.keys.filter { $0.hasPrefix("articles/") }.sorted().first)
        let pageURL = workspace.output.appendingPathComponent(page)
        var bytes = try Data(contentsOf: pageURL)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: pageURL)
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(try Fixtures.snapshot(workspace.output) == site)
        try Data("mine".utf8).write(to: workspace.output.appendingPathComponent("mine.txt"))
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(try Fixtures.snapshot(workspace.output) == site)
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))

        // Without the option a build does its work, and records nothing.
        #expect(!Self.endedEarly(try SiteBuilder.build(workspace.options())))
        _ = try SiteBuilder.build(Self.options(workspace))
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))

        // An article written again with the same bytes: its change time moved, and it is read
        // and found to be the file the last build read. Too new for its stamps to be trusted, it
        // is read by each build until it is old enough; then its new stamps are.
        let article = try #require(try FileManager.default.contentsOfDirectory(at: workspace.articles, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }.first)
        try Data(contentsOf: article).write(to: article)
        let rewrittenBuild = try SiteBuilder.build(Self.options(workspace))
        #expect(Self.rewritten(rewrittenBuild) == 1 && rewrittenBuild.pagesMade == 0)
        #expect(rewrittenBuild.notes.contains { $0.contains("(1 file written again with the same bytes)") })
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 0)
        Self.settle()
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 0)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 0)
        #expect(try Fixtures.snapshot(workspace.output) == site)

        // A byte of it changed, the size and modification time as they were: the change time tells.
        var info = stat()
        #expect(lstat(article.path, &info) == 0)
        var text = try Data(contentsOf: article)
        text[text.count - 2] = text[text.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try text.write(to: article)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, article.path, &times, 0) == 0)
        Self.settle()
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))

        // A template edited: the site is made again with it.
        let template = workspace.templates.appendingPathComponent("index.md")
        try Data((try String(contentsOf: template, encoding: .utf8) + "\nEdited after the record.\n").utf8).write(to: template)
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(try String(contentsOf: index, encoding: .utf8).contains("Edited after the record."))
    }

    /// A file whose stamps moved is read: with the bytes the last build read, the build still ends
    /// at once; with others, or a file added, it does its work.
    @Test func filesWithTheBytesTheLastBuildReadChangeNothing() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        Self.settle()
        _ = try SiteBuilder.build(Self.options(workspace))
        let site = try Fixtures.snapshot(workspace.output)
        let manager = FileManager.default

        // A template copied over from elsewhere (a new inode, the same bytes), and an article
        // edited and put back before the next build: two files read, the site as it was.
        let template = workspace.templates.appendingPathComponent("article.md")
        let copy = workspace.root.appendingPathComponent("article.md.copy")
        try manager.copyItem(at: template, to: copy)
        let inode = Self.inode(template)
        #expect(rename(copy.path, template.path) == 0)
        #expect(Self.inode(template) != inode)
        let article = try #require(try manager.contentsOfDirectory(at: workspace.articles, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }.last)
        let text = try Data(contentsOf: article)
        try Data(text + Data("\nAn edit.\n".utf8)).write(to: article)
        try text.write(to: article)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 2)
        #expect(try Fixtures.snapshot(workspace.output) == site)

        // The same length, another byte: read, and the site made again with it.
        var changed = text
        let at = try #require(changed.lastIndex { $0 >= UInt8(ascii: "a") && $0 < UInt8(ascii: "z") })
        changed[at] += 1
        // Old enough to be recorded: the record takes the new bytes' digest, and the build after it
        // ends on the stamps alone.
        try changed.write(to: article)
        Self.settle()
        let edited = try SiteBuilder.build(Self.options(workspace))
        #expect(Self.rewritten(edited) == nil && edited.pagesRendered > 0)
        #expect(try Fixtures.snapshot(workspace.output) != site)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 0)
        try text.write(to: article)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == nil, "the last build read the other bytes")
        #expect(try Fixtures.snapshot(workspace.output) == site)

        // A file added that a build reads.
        try Data("static".utf8).write(to: workspace.templates.appendingPathComponent("assets/extra.txt"))
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == nil)
    }

    /// An article or a template edited just before a build, too new for its stamps to be trusted,
    /// is recorded with the digest of the bytes the build read, and read by every build after
    /// (`serve` rebuilds as soon as a file is saved): the next build with nothing changed still
    /// ends at once, on its bytes. So are the settings, the gazetteer, the overview, a note, and
    /// the files it copies (an asset, a static file). A file it does not read, written so, is not
    /// recorded: the builds do their work until it is old enough.
    @Test func anArticleEditedJustBeforeABuildIsRecordedByItsBytes() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        Self.settle()
        _ = try SiteBuilder.build(Self.options(workspace))
        let article = try #require(try FileManager.default.contentsOfDirectory(at: workspace.articles, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }.first)
        let text = try Data(contentsOf: article)
        try Data(text + Data("\nA sentence added just before the build.\n".utf8)).write(to: article)
        let edited = try SiteBuilder.build(Self.options(workspace))
        #expect(Self.rewritten(edited) == nil && edited.pagesRendered > 0)
        let site = try Fixtures.snapshot(workspace.output)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 0)
        try Data(contentsOf: article).write(to: article)
        #expect(Self.rewritten(try SiteBuilder.build(Self.options(workspace))) == 1)
        #expect(try Fixtures.snapshot(workspace.output) == site)

        // Its stamps, recorded too new, are never taken for its bytes: a record whose digest for it
        // is another's makes the build do its work, however its stamps stand. A settled file's
        // stamps are taken for its bytes.
        let options = Self.options(workspace)
        func tampered(settled: Bool) throws -> Bool {
            var record = try #require(UnchangedBuild.read(options, cache: workspace.cache))
            let at = try #require(record.inputFiles.firstIndex { $0.bytes != nil && $0.settled == settled })
            record.inputFiles[at].bytes = UnchangedBuild.Words((1, 2))
            UnchangedBuild.write(record, options: options, cache: workspace.cache)
            return Self.endedEarly(try SiteBuilder.build(options))
        }
        #expect(try !tampered(settled: false))
        #expect(Self.rewritten(try SiteBuilder.build(options)) == 0, "recorded again")
        #expect(try tampered(settled: true))

        // A template edited just before a build is recorded the same way, by its text as read; and
        // `layout.html`.
        for name in ["partials/note.md", "layout.html"] {
            let template = workspace.templates.appendingPathComponent(name)
            try Data((try String(contentsOf: template, encoding: .utf8) + "\n").utf8).write(to: template)
            #expect(Self.rewritten(try SiteBuilder.build(options)) == nil)
            #expect(Self.rewritten(try SiteBuilder.build(options)) == 0, "\(name)")
        }

        // The other files a build reads: the settings, the gazetteer, the overview, a note; and
        // those it copies: an asset, a static file.
        let files = ["briefing.yml", "actors.yml", "briefing.md", "notes/targets.md", "static/robots.txt"].map(workspace.content.appendingPathComponent)
            + [workspace.templates.appendingPathComponent("assets/style.css")]
        for file in files {
            try Data((try String(contentsOf: file, encoding: .utf8) + "\n").utf8).write(to: file)
            #expect(Self.rewritten(try SiteBuilder.build(options)) == nil)
            #expect(Self.rewritten(try SiteBuilder.build(options)) == 0, "\(file.lastPathComponent)")
        }

        // A file no build reads, written just before a build: nothing is recorded until it is old
        // enough.
        try Data("Notes to self.\n".utf8).write(to: workspace.content.appendingPathComponent("README.txt"))
        #expect(Self.rewritten(try SiteBuilder.build(options)) == nil)
        #expect(Self.rewritten(try SiteBuilder.build(options)) == nil)
        Self.settle()
        #expect(Self.rewritten(try SiteBuilder.build(options)) == nil)
        #expect(Self.rewritten(try SiteBuilder.build(options)) == 0)
    }

    /// An article file the last record holds settled, with the stamps it still has, is known by
    /// the digest of its bytes without reading it (`knownArticleDigests`); one whose stamps moved,
    /// or that the record holds too new, or a record made for other folders, gives none. The
    /// loader takes a known digest for the bytes: the file is not read.
    @Test func articlesKnownUnchangedAreNotReadAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        Self.settle()
        let options = Self.options(workspace)
        _ = try SiteBuilder.build(options)
        let record = try #require(UnchangedBuild.read(options, cache: workspace.cache))
        let articles = try FileManager.default.contentsOfDirectory(at: workspace.articles, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
        #expect(articles.count > 2)
        let edited = articles[0]
        try Data(try Data(contentsOf: edited) + Data("\nA sentence added.\n".utf8)).write(to: edited)
        Self.settle()  // settled again, with other stamps than the record's
        let inputs = UnchangedBuild.inputs(options)
        #expect(inputs.settled)
        let known = UnchangedBuild.knownArticleDigests(inputs, record: record)
        #expect(known.count == articles.count - 1)
        #expect(known["articles/" + edited.lastPathComponent] == nil)
        for article in articles.dropFirst() {
            #expect(known["articles/" + article.lastPathComponent] == StableHasher.digest(try FileTree.read(article)))
        }
        var unsettled = record
        for index in unsettled.inputFiles.indices { unsettled.inputFiles[index].settled = false }
        #expect(UnchangedBuild.knownArticleDigests(inputs, record: unsettled).isEmpty)
        var elsewhere = record
        elsewhere.folders = "another content folder"
        #expect(UnchangedBuild.knownArticleDigests(inputs, record: elsewhere).isEmpty)

        // Given the digest of the earlier file, the loader keeps the earlier result without
        // reading the file: here it has other bytes, which a read would find.
        let earlier = ArticleLoader.load(directory: workspace.articles, displayRoot: "Content", reusing: [])
        let other = "articles/" + articles[1].lastPathComponent
        let before = try #require(earlier.files.first { $0.sourceFile == other })
        try Data(try Data(contentsOf: articles[1]) + Data("\nAnother sentence.\n".utf8)).write(to: articles[1])
        let trusting = ArticleLoader.load(directory: workspace.articles, displayRoot: "Content", reusing: earlier.files, known: [other: before.digest])
        #expect(trusting.reused.contains(other))
        #expect(trusting.files.first { $0.sourceFile == other }?.digest == before.digest)
        let reading = ArticleLoader.load(directory: workspace.articles, displayRoot: "Content", reusing: earlier.files)
        #expect(!reading.reused.contains(other))
        #expect(reading.files.first { $0.sourceFile == other }?.digest == StableHasher.digest(try FileTree.read(articles[1])))
    }

    /// A file's bytes are taken for its stamps only while it has them: read after it changed, it
    /// gives no digest, and a record is not made of it.
    @Test func aFileThatChangedSinceItsStampsGivesNoDigest() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let inputs = UnchangedBuild.inputs(Self.options(workspace))
        let input = try #require(inputs.entries.first { $0.isFile && $0.file.hasSuffix(".md") })
        let bytes = try FileTree.read(path: input.file)
        #expect(UnchangedBuild.digest(of: input) == UnchangedBuild.Words(StableHasher.words(bytes)))
        usleep(10_000)
        try Data(bytes).write(to: URL(fileURLWithPath: input.file))
        #expect(UnchangedBuild.digest(of: input) == nil)
        #expect(inputs.entries.contains { !$0.isFile }, "folders are entries too")
    }

    /// A damaged record is not read; a record for another output directory is not this one's.
    @Test func aDamagedRecordIsIgnored() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        Self.settle()
        _ = try SiteBuilder.build(Self.options(workspace))
        let record = UnchangedBuild.file(in: workspace.cache, for: workspace.output)
        var bytes = try Data(contentsOf: record)
        bytes[bytes.count / 3] ^= 0x20
        try bytes.write(to: record)
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))), "the build after it recorded again")
        var elsewhere = Self.options(workspace)
        elsewhere.output = workspace.root.appendingPathComponent("Elsewhere")
        #expect(!Self.endedEarly(try SiteBuilder.build(elsewhere)))
        #expect(try Fixtures.snapshot(elsewhere.output) == (try Fixtures.snapshot(workspace.output)))

        // A copy of the content in another folder: its files have the bytes the record read, but
        // its warnings name that folder, so the record is not its.
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        var copied = Self.options(workspace)
        copied.content = workspace.root.appendingPathComponent("Copy")
        try FileManager.default.copyItem(at: workspace.content, to: copied.content)
        let report = try SiteBuilder.build(copied)
        #expect(!Self.endedEarly(report))
        #expect(!report.diagnostics.isEmpty && report.diagnostics.allSatisfy { $0.file.contains("/Copy/") })
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = UnchangedBuild.Record(inputs: "abc", output: "def", articles: 3, pages: 40, files: 45, actors: 9, dates: 7,
                                           diagnostics: [Diagnostic(file: "Content/x.txt", line: 3, "missing date"),
                                                         Diagnostic(.error, file: "Content/actors.yml", "bad")],
                                           folders: "ghi", inputFiles: [.init(path: .init((1, 2)), stamp: .init((3, .max)), bytes: .init((5, 6)), settled: false),
                                                        .init(path: .init((7, 8)), stamp: .init((9, 10)), bytes: nil)])
        var writer = BinaryWriter()
        UnchangedBuild.encode(record, to: &writer)
        var reader = BinaryReader(FileBytes(copying: writer.bytes), to: writer.bytes.count)
        #expect(try UnchangedBuild.decode(&reader) == record)
        #expect(reader.isAtEnd)
    }
}
