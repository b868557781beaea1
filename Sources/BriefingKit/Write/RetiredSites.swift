import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sites a build replaced and does not keep, deleted on a thread of their own instead of on the
/// build's path.
///
/// After a build that rendered most pages again (a template edit), the site it replaced is of no
/// use to the next build (`StagedSite`), and deleting its 12,000 files at 10,000 articles took
/// 2.5-3.9 s on the development machine, most of it waiting for the disk: half of a build after a
/// `layout.html` edit. So the site is moved into the cache's `retired` folder, under a name of its
/// own, and deleted from there by a sweep: one starts when a site is retired and when a build with
/// a cache begins, so that what a build from the command line could not finish before it exited
/// is deleted while the next one works. One sweep at a time runs in a process for each folder.
/// The disk's work is the same: builds run back to back feel it (the bench's `article.md` step
/// took 2.5 s or 4.7 s by whether a sweep fell on it), builds with pauses between do not.
///
/// Before a site is deleted, its files become spares for the builds to come (`SpareFiles`), as
/// many as it has files: a build writes over them instead of making new files.
///
/// Only folders the sweep made are deleted (named `<pid>-<number>`), and only when `retired` is a
/// folder, not a link to one: a link there is removed, never followed.
enum RetiredSites {
    /// The cache's folder of retired sites.
    static func folder(in cache: URL) -> URL { cache.appendingPathComponent("retired") }

    /// Moves `site` into `folder` and starts a sweep; false when it cannot be moved there (the
    /// cache is on another file system), and then the caller deletes it.
    static func retire(_ site: URL, into folder: URL) -> Bool {
        guard ensureFolder(folder) else { return false }
        for _ in 0..<8 {
            let name = newName()
            if rename(site.path, folder.appendingPathComponent(name).path) == 0 {
                sweep(folder)
                return true
            }
            guard errno == EEXIST || errno == ENOTEMPTY else { return false }
        }
        return false
    }

    /// Deletes the retired sites in `folder` on a thread of its own, when there are any. While a
    /// sweep of the folder runs in this process, another is not started: the running one looks
    /// at the folder again when it is done. Returns the sweep started, if one was.
    @discardableResult
    static func sweep(_ folder: URL) -> Background? {
        guard FileTree.isFolder(folder.path) else { return nil }
        let path = folder.path
        let started: Bool = lock.withLock {
            if sweeping.contains(path) { again.insert(path); return false }
            sweeping.insert(path)
            return true
        }
        guard started else { return nil }
        return Background {
            repeat {
                // Looked at again before each pass: a link put in its place is never followed.
                let names = FileTree.isFolder(path) ? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] : []
                for name in names.sorted() where isRetiredName(name) {
                    SpareFiles.keep(filesOf: path + "/" + name, in: folder.deletingLastPathComponent())
                    try? FileManager.default.removeItem(atPath: path + "/" + name)
                }
            } while lock.withLock { () -> Bool in
                if again.remove(path) != nil { return true }
                sweeping.remove(path)
                return false
            }
        }
    }

    /// Returns when no sweep of `folder` runs in this process (for tests, and for a caller that
    /// must not leave one behind).
    static func waitUntilSwept(_ folder: URL) {
        while lock.withLock({ sweeping.contains(folder.path) }) { usleep(2_000) }
    }

    /// `<pid>-<number>`, as `retire(_:into:)` names a site.
    static func isRetiredName(_ name: String) -> Bool {
        let parts = name.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var sweeping = Set<String>()
    nonisolated(unsafe) private static var again = Set<String>()
    nonisolated(unsafe) private static var counter = 0

    private static func nextNumber() -> Int {
        lock.withLock { counter += 1; return counter }
    }

    /// A name of its own in this process, `<pid>-<number>` (`isRetiredName`): for a retired site,
    /// and for a spare (`SpareFiles`).
    static func newName() -> String { "\(getpid())-\(nextNumber())" }

    /// Makes `folder` if it is not there; false when something else is at its path.
    private static func ensureFolder(_ folder: URL) -> Bool {
        if FileTree.isFolder(folder.path) { return true }
        try? FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        return mkdir(folder.path, 0o755) == 0 || FileTree.isFolder(folder.path)
    }
}
