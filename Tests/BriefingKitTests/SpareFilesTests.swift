import Foundation
import Testing
@testable import BriefingKit
#if canImport(Glibc)
import Glibc
#endif

/// A build writes over files it has instead of making new ones (`SpareFiles`): the files of a
/// retired site become spares, the next build's new files are those spares, and the recycled
/// site's own file at a path is written over. Never a file another path links or someone has
/// open, never through a link, and the output is a clean build's.
#if os(Linux)
@Suite("Spare files")
struct SpareFilesTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// Each regular file under `folder` (its path there) and its inode.
    static func inodes(_ folder: URL) throws -> [String: UInt64] {
        var inodes: [String: UInt64] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            if let info = StagedSite.regularFile(at: folder.path + "/" + path) { inodes[path] = UInt64(info.st_ino) }
        }
        return inodes
    }

    static func spares(_ workspace: Workspace) throws -> Set<UInt64> {
        Set(try inodes(SpareFiles.folder(in: workspace.cache)).values)
    }

    static func settle(_ workspace: Workspace) {
        RetiredSites.waitUntilSwept(RetiredSites.folder(in: workspace.cache))
    }

    /// After a template edit, the site replaced becomes spares: its files no other path links.
    /// After the next one, the new site's new files are those spares, and fewer are left.
    @Test func aRetiredSitesFilesAreTheNextBuildsNewFiles() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let first = try Self.inodes(workspace.output)
        try RetiredSitesTests.editLayout(workspace)
        let second = try SiteBuilder.build(workspace.options())
        #expect(second.pagesRendered == second.pages)
        Self.settle(workspace)
        let secondInodes = try Self.inodes(workspace.output)
        let unshared = Set(first.values).subtracting(secondInodes.values)
        #expect(unshared.count > 20)
        #expect(try Self.spares(workspace) == unshared)
        #expect(try Self.entries(RetiredSites.folder(in: workspace.cache)) == [])

        try RetiredSitesTests.editLayout(workspace)
        let (third, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        #expect(third.pagesRendered == third.pages)
        let made = Set(try Self.inodes(workspace.output).values).subtracting(secondInodes.values)
        #expect(made.count > 20)
        // Each new file of the third site is a spare while there are any; one of them became the
        // whole search index, which the cache keeps.
        let stashed = UInt64(try #require(StagedSite.regularFile(at: workspace.searchIndex.path)).st_ino)
        #expect(unshared.contains(stashed))
        #expect(made.intersection(unshared).count == min(made.count, unshared.count - 1))
        Self.settle(workspace)
        // The second site's files that the third does not link are spares now, with those left.
        let left = unshared.subtracting(made).subtracting([stashed])
        let spares = try Self.spares(workspace)
        #expect(left.isSubset(of: spares))
        #expect(spares.count <= max(unshared.count, secondInodes.count))
        #expect(spares.subtracting(left).isSubset(of: Set(secondInodes.values)))
    }

    /// A file someone has open, or that another path links, is never made a spare: the reader
    /// reads the bytes it opened, the other link keeps its bytes.
    @Test func aFileOpenOrLinkedElsewhereIsNeverWrittenOver() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let first = try Self.inodes(workspace.output)
        let opened = "index.html", linked = "timeline.html"
        let openedBytes = try Data(contentsOf: workspace.output.appendingPathComponent(opened))
        let linkedBytes = try Data(contentsOf: workspace.output.appendingPathComponent(linked))
        let reader = try FileHandle(forReadingFrom: workspace.output.appendingPathComponent(opened))
        defer { try? reader.close() }
        let elsewhere = workspace.root.appendingPathComponent("kept-elsewhere.html")
        #expect(link(workspace.output.appendingPathComponent(linked).path, elsewhere.path) == 0)
        try RetiredSitesTests.editLayout(workspace)
        #expect(try workspace.buildBoth().same)
        Self.settle(workspace)
        let spares = try Self.spares(workspace)
        #expect(!spares.contains(try #require(first[opened])))
        #expect(!spares.contains(try #require(first[linked])))
        #expect(spares.contains(try #require(first["briefing.html"])))
        // The next build takes the spares.
        try RetiredSitesTests.editLayout(workspace)
        #expect(try workspace.buildBoth().same)
        Self.settle(workspace)
        #expect(try reader.readToEnd() == openedBytes)
        #expect(try Data(contentsOf: elsewhere) == linkedBytes)
    }

    /// The recycled site's own file at a path (only it links the file) is written over, and ends
    /// where the new page ends when that is shorter than the file was.
    @Test func theRecycledSitesOwnFileIsWrittenOverAndCutToThePage() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let long = String(repeating: "A long paragraph about Quillfeather and the talks. ", count: 40)
        try workspace.addParagraphToFirstArticle(long)
        _ = try SiteBuilder.build(workspace.options())
        let first = try Self.inodes(workspace.output)
        let article = try #require(workspace.articleNames().first)
        let page = try #require(first.keys.first { $0.hasPrefix("articles/") && $0.contains(String(article.prefix(while: { $0 != "." }))) })
        let firstSize = try #require(StagedSite.regularFile(at: workspace.output.appendingPathComponent(page).path)).st_size
        try workspace.addParagraphToFirstArticle("One more paragraph about Quillfeather.")
        #expect(try workspace.buildBoth().same)
        // The first article without its long paragraph: the page is shorter than the first site's.
        let url = workspace.articles.appendingPathComponent(article)
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: long, with: "Short.")
        try Data(text.utf8).write(to: url)
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        #expect(report.pagesRendered < report.pages / 2)
        let written = try #require(StagedSite.regularFile(at: workspace.output.appendingPathComponent(page).path))
        #expect(UInt64(written.st_ino) == first[page])
        #expect(written.st_size < firstSize)
    }

    /// A `spare` that is a link to a folder elsewhere is never followed: nothing is taken from
    /// it or put in it, and the folder linked to keeps its files.
    @Test func aLinkInPlaceOfTheFolderIsNotFollowed() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let manager = FileManager.default
        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for name in ["1-1", "1-2"] { try Data("keep \(name)".utf8).write(to: elsewhere.appendingPathComponent(name)) }
        try manager.createDirectory(at: workspace.cache, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: SpareFiles.folder(in: workspace.cache), withDestinationURL: elsewhere)
        _ = try SiteBuilder.build(workspace.options())
        for _ in 0..<2 {
            try RetiredSitesTests.editLayout(workspace)
            #expect(try workspace.buildBoth().same)
            Self.settle(workspace)
        }
        #expect(try Self.entries(elsewhere) == ["1-1", "1-2"])
        for name in ["1-1", "1-2"] {
            #expect(try String(contentsOf: elsewhere.appendingPathComponent(name), encoding: .utf8) == "keep \(name)")
        }
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}
#endif
