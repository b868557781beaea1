import Foundation
import Testing
@testable import BriefingPreview
#if canImport(Glibc)
import Glibc
#endif

/// `briefing serve`'s watcher: each change to a file a build reads, and none to a hidden one.
@Suite("Source watcher")
struct SourceWatcherTests {
    static func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func folder() throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        try write("one", "a.txt", in: root)
        try write("bee", "articles/b.txt", in: root)
        return root
    }

    #if os(Linux)
    /// The kernel alone (the folders never looked over): a new folder and a folder moved in are
    /// watched as they come, and so is a root deleted and made again.
    @Test func theKernelTellsOfEachChangeToAFileABuildReads() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SourceWatcher([root], lookOver: .max)
        #expect(!watcher.changed())
        try Self.write("two", "a.txt", in: root)  // the same size
        #expect(watcher.changed())
        #expect(!watcher.changed())
        let name = root.lastPathComponent
        #expect(watcher.takeChanges() == ([name + "/a.txt"], 0))
        try Self.write("swap", ".a.txt.swp", in: root)
        try Self.write("git", ".git/objects/x", in: root)
        try Self.write("git 2", ".git/objects/x", in: root)
        #expect(!watcher.changed(), "hidden files and folders are not read by a build")
        try Self.write("sea", "new/deeper/c.txt", in: root)
        #expect(watcher.changed())
        #expect(!watcher.changed())
        _ = watcher.takeChanges()
        try Self.write("see", "new/deeper/c.txt", in: root)
        #expect(watcher.changed(), "a folder made after the watcher started is watched")
        #expect(watcher.takeChanges() == ([name + "/new/deeper/c.txt"], 0))
        for file in ["d", "e", "f", "g", "h"] { try Self.write(file, "new/\(file).txt", in: root) }
        #expect(watcher.changed())
        #expect(watcher.takeChanges() == (["d", "e", "f"].map { name + "/new/\($0).txt" }, 2))
        try FileManager.default.moveItem(at: root.appendingPathComponent("articles"), to: root.appendingPathComponent("moved"))
        #expect(watcher.changed())
        try Self.write("bea", "moved/b.txt", in: root)
        #expect(watcher.changed(), "a folder moved in is watched")
        #expect(!watcher.changed())
        try FileManager.default.moveItem(at: root.appendingPathComponent("moved"), to: root.appendingPathComponent(".hidden"))
        #expect(watcher.changed(), "a folder moved out")
        try Self.write("bee", ".hidden/b.txt", in: root)
        #expect(!watcher.changed(), "a folder moved out of sight is no longer watched")
        try FileManager.default.removeItem(at: root.appendingPathComponent("a.txt"))
        #expect(watcher.changed())
        try FileManager.default.removeItem(at: root)
        #expect(watcher.changed())
        try Self.write("again", "a.txt", in: root)
        // The root is watched again at the next look-over, then the kernel tells again.
        watcher.lookOver = 0
        #expect(watcher.changed())
        watcher.lookOver = .max
        #expect(!watcher.changed())
        try Self.write("later", "a.txt", in: root)
        #expect(watcher.changed(), "a root deleted and made again is watched again")
    }
    #endif

    /// Looking over alone: a write that keeps the size and puts the modification time back is
    /// seen by the change time; a hidden file is not.
    @Test func lookingOverSeesWhatChanged() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SourceWatcher([root], useKernel: false, lookOver: 0)
        #expect(!watcher.changed())
        let path = root.appendingPathComponent("a.txt").path
        var before = stat()
        #expect(lstat(path, &before) == 0)
        try Self.write("two", "a.txt", in: root)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(watcher.changed())
        #expect(!watcher.changed())
        try Self.write("swap", "articles/.b.txt.swp", in: root)
        try Self.write("backup", "articles/b.txt~", in: root)
        try Self.write("autosave", "articles/#b.txt#", in: root)
        #expect(!watcher.changed(), "hidden files and editors' backups are not read by a build")
        try Self.write("sea", "articles/c.txt", in: root)
        #expect(watcher.changed())
        try FileManager.default.removeItem(at: root.appendingPathComponent("articles/b.txt"))
        #expect(watcher.changed())
        #expect(!watcher.changed())
    }

    @Test func aRebuildNamesTheFilesThatChanged() {
        #expect(PreviewServer.reason(([], 0)) == "change")
        #expect(PreviewServer.reason((["Content/articles/a.txt"], 0)) == "Content/articles/a.txt")
        #expect(PreviewServer.reason((["Templates/a.md", "Templates/b.md", "Content/x.txt"], 4))
                == "Templates/a.md, Templates/b.md, Content/x.txt and 4 more")
    }
}
