import Foundation
import Testing
@testable import BriefingKit
#if canImport(Glibc)
import Glibc
#endif

/// `TreeStamps`: a digest of a tree's entries and their stamps, for `UnchangedBuild`.
@Suite("Tree stamps")
struct TreeStampsTests {
    @Test func theDigestMovesWithEachEntryAndEachStamp() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("a/b/one.txt"))
        try Data("two".utf8).write(to: root.appendingPathComponent("two.txt"))
        func digest(hidden: Bool = false, changeTimes: Bool = true) -> (UInt64, UInt64) {
            TreeStamps.digest(of: root.path, hidden: hidden, changeTimes: changeTimes)
        }
        let first = digest()
        #expect(digest() == first)

        // A hidden file counts only when asked.
        try Data("swap".utf8).write(to: root.appendingPathComponent("a/.one.swp"))
        #expect(digest() == first)
        #expect(digest(hidden: true) != first)
        try manager.removeItem(at: root.appendingPathComponent("a/.one.swp"))
        #expect(digest(hidden: true) == first)
        // So does an editor's backup.
        try Data("backup".utf8).write(to: root.appendingPathComponent("a/b/one.txt~"))
        #expect(digest() == first)
        #expect(digest(hidden: true) != first)
        try manager.removeItem(at: root.appendingPathComponent("a/b/one.txt~"))

        // The same size and modification time, another byte: only the change time tells.
        let one = root.appendingPathComponent("a/b/one.txt")
        let before = digest(changeTimes: false)
        var info = stat()
        #expect(lstat(one.path, &info) == 0)
        usleep(10_000)
        try Data("ono".utf8).write(to: one)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, one.path, &times, 0) == 0)
        #expect(digest(changeTimes: false) == before)
        #expect(digest() != first)

        // A file renamed; a link added, which is an entry but is not followed: a change in the
        // folder it leads to, outside the tree, is not the tree's.
        let now = digest()
        try manager.moveItem(at: root.appendingPathComponent("two.txt"), to: root.appendingPathComponent("deux.txt"))
        #expect(digest() != now)
        let renamed = digest()
        let outside = try Fixtures.temporaryDirectory()
        defer { try? manager.removeItem(at: outside) }
        try manager.createSymbolicLink(at: root.appendingPathComponent("c"), withDestinationURL: outside)
        let linked = digest()
        #expect(linked != renamed)
        try Data("new".utf8).write(to: outside.appendingPathComponent("new.txt"))
        #expect(digest() == linked)
    }

    /// The entries `UnchangedBuild` records add up to the digest, and a file's stamp can be worked
    /// out again from its attributes (`fileStamp`), as a build does before it trusts its bytes.
    @Test func theEntriesAddUpToTheDigest() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("a/b/one.txt"))
        try Data("two".utf8).write(to: root.appendingPathComponent("two.txt"))
        try Data("hidden".utf8).write(to: root.appendingPathComponent(".hidden"))
        let entries = TreeStamps.entries(of: root.path, changeTimes: true)
        #expect(Set(entries.map { String(decoding: $0.path, as: UTF8.self) }) == ["/a", "/a/b", "/a/b/one.txt", "/two.txt"])
        let sums = entries.reduce((UInt64(0), UInt64(0))) { ($0.0 &+ $1.stamp.0, $0.1 &+ $1.stamp.1) }
        #expect(TreeStamps.digest(of: root.path, hidden: false, changeTimes: true) == sums)
        for entry in entries where entry.isFile {
            var info = stat()
            #expect(lstat(root.path + String(decoding: entry.path, as: UTF8.self), &info) == 0)
            #expect(TreeStamps.fileStamp(path: entry.path, info, changeTimes: true) == entry.stamp)
            #expect(entry.time >= Int64(info.st_ctim.tv_sec) * 1_000_000_000)
        }
        #expect(entries.filter(\.isFile).count == 2)
    }
}
