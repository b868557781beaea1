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

        // An article written again with the same bytes: its change time moved. The build that
        // reads it does not record inputs so new, so the one after it does its work too.
        let article = try #require(try FileManager.default.contentsOfDirectory(at: workspace.articles, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }.first)
        try Data(contentsOf: article).write(to: article)
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        Self.settle()
        #expect(!Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))
        #expect(Self.endedEarly(try SiteBuilder.build(Self.options(workspace))))

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
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = UnchangedBuild.Record(inputs: "abc", output: "def", articles: 3, pages: 40, files: 45, actors: 9, dates: 7,
                                           diagnostics: [Diagnostic(file: "Content/x.txt", line: 3, "missing date"),
                                                         Diagnostic(.error, file: "Content/actors.yml", "bad")])
        var writer = BinaryWriter()
        UnchangedBuild.encode(record, to: &writer)
        var reader = BinaryReader(FileBytes(copying: writer.bytes), to: writer.bytes.count)
        #expect(try UnchangedBuild.decode(&reader) == record)
        #expect(reader.isAtEnd)
    }
}
