import Foundation
import Testing
@testable import BriefingKit

/// The site a build replaced and does not keep is deleted on a thread of its own, from the
/// cache's `retired` folder (`RetiredSites`): the build does not wait for the disk, nothing of it
/// is left once the sweep is done, and nothing outside that folder is deleted.
@Suite("Retired sites")
struct RetiredSitesTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func editLayout(_ workspace: Workspace) throws {
        let layout = workspace.templates.appendingPathComponent("layout.html")
        try Data((try String(contentsOf: layout, encoding: .utf8) + "\n<!-- edited \(UUID()) -->\n").utf8).write(to: layout)
    }

    @Test func theSiteReplacedByAWholeRenderIsRetiredThenDeleted() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let retired = RetiredSites.folder(in: workspace.cache)
        _ = try SiteBuilder.build(workspace.options())
        let first = try Fixtures.snapshot(workspace.output)
        try Self.editLayout(workspace)
        let whole = try SiteBuilder.build(workspace.options())
        #expect(whole.pagesRendered == whole.pages)
        // The output is the new site at once; the old one is in the folder or already deleted from it.
        #expect(try Fixtures.snapshot(workspace.output) != first)
        #expect(Self.entries(retired).count <= 1)
        #expect(Self.entries(retired).allSatisfy(RetiredSites.isRetiredName))
        RetiredSites.waitUntilSwept(retired)
        #expect(Self.entries(retired) == [])
        #expect(FileTree.exists(retired, directory: true))
        // The next build's output is still a clean build's.
        try workspace.addParagraphToFirstArticle("A paragraph about Quillfeather.")
        let after = try workspace.buildBoth()
        #expect(after.same, "\(after.differences)")
    }

    /// What a build that exited before its sweep was done left in the folder is deleted by the
    /// next build with the cache; what the sweep did not name is not.
    @Test func theNextBuildDeletesWhatWasLeftAndOnlyThat() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let retired = RetiredSites.folder(in: workspace.cache)
        let manager = FileManager.default
        try manager.createDirectory(at: retired.appendingPathComponent("99999-3/articles"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: retired.appendingPathComponent("99999-3/articles/old.html"))
        try manager.createDirectory(at: retired.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: retired.appendingPathComponent("notes/mine.txt"))
        try Data("x".utf8).write(to: retired.appendingPathComponent("12-x"))
        _ = try SiteBuilder.build(workspace.options())
        RetiredSites.waitUntilSwept(retired)
        #expect(Self.entries(retired) == ["12-x", "notes"])
        #expect(try String(contentsOf: retired.appendingPathComponent("notes/mine.txt"), encoding: .utf8) == "mine")
    }

    /// A `retired` that is a link to a folder elsewhere is never followed: the replaced site is
    /// deleted on the build's path, as without a cache, and the folder linked to keeps its files.
    @Test func aLinkInPlaceOfTheFolderIsNotFollowed() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let manager = FileManager.default
        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try manager.createDirectory(at: elsewhere.appendingPathComponent("1-1"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("1-1/keep.txt"))
        try manager.createDirectory(at: workspace.cache, withIntermediateDirectories: true)
        let retired = RetiredSites.folder(in: workspace.cache)
        try manager.createSymbolicLink(at: retired, withDestinationURL: elsewhere)
        _ = try SiteBuilder.build(workspace.options())
        try Self.editLayout(workspace)
        _ = try SiteBuilder.build(workspace.options())
        RetiredSites.waitUntilSwept(retired)
        #expect(Self.entries(elsewhere) == ["1-1"])
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("1-1/keep.txt"), encoding: .utf8) == "keep")
        #expect(try manager.attributesOfItem(atPath: retired.path)[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try manager.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".Public") }.isEmpty)
    }

    /// Without a cache there is nowhere to retire a site to: it is deleted before the build returns.
    @Test func withoutACacheTheReplacedSiteIsDeletedAtOnce() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options(cached: false))
        try Self.editLayout(workspace)
        _ = try SiteBuilder.build(workspace.options(cached: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".Public") }.isEmpty)
        #expect(!FileTree.exists(workspace.cache))
    }

    @Test func onlyTheNamesTheSweepGivesAreRetiredNames() {
        #expect(RetiredSites.isRetiredName("12345-1"))
        #expect(RetiredSites.isRetiredName("1-22"))
        #expect(!RetiredSites.isRetiredName("12345"))
        #expect(!RetiredSites.isRetiredName("-1"))
        #expect(!RetiredSites.isRetiredName("1-"))
        #expect(!RetiredSites.isRetiredName("1-2-3"))
        #expect(!RetiredSites.isRetiredName("a-1"))
        #expect(!RetiredSites.isRetiredName(".."))
        #expect(!RetiredSites.isRetiredName("１-1"))
    }
}
