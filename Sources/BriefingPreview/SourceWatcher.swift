import BriefingKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells `briefing serve` when a file a build reads has changed: any file below the content and
/// template folders but those no build reads (`FileTree.isSkipped`): hidden ones, such as an
/// editor's swap files, and editors' backups.
///
/// On Linux the kernel says so as it happens (inotify, a watch on each folder), and the folders
/// are looked over every few seconds too, for what it does not tell: a change on a network share,
/// a folder it could not watch, events it dropped. Elsewhere, or when a folder could not be
/// watched, they are looked over more often. To look over a folder is to list its files and take
/// each one's size, times and inode (`fingerprint`, `TreeStamps`): looking over 10,000 articles
/// four times a second through `FileManager`, as `serve` did before, kept a third of a core busy
/// while nobody edited anything.
final class SourceWatcher {
    /// How often the folders are looked over when the kernel watches them all, and otherwise.
    static let lookOverWithKernel: UInt64 = 5_000_000_000, lookOverAlone: UInt64 = 400_000_000

    private let roots: [String]
    private let useKernel: Bool
    var lookOver: UInt64?
    private var lastFingerprint: Int
    private var lastLookOver: UInt64
    /// The files the kernel told of since the last `takeChanges()`, as `Content/articles/x.txt`
    /// (each root's folder name, then the path below it), the first few only; and how many more.
    private var changes: [String] = []
    private var moreChanges = 0
    private var noted = Set<String>()
    #if os(Linux)
    private var descriptor: Int32 = -1
    /// Each watch's folder.
    private var folders: [Int32: String] = [:]
    /// Whether every folder has a watch.
    private var watchesAll = false
    /// Where the kernel's events are read into, ten times a second.
    private var events = [UInt8](repeating: 0, count: 64 * 1024)
    #endif

    /// Starts watching `roots`. For tests: `useKernel` false looks them over only, and
    /// `lookOver` sets how often, in nanoseconds, in place of the intervals above. A root that
    /// is not there, or a folder the kernel could not watch, is tried again at each look-over.
    init(_ roots: [URL], useKernel: Bool = true, lookOver: UInt64? = nil) {
        self.roots = roots.map { $0.standardizedFileURL.path }
        self.useKernel = useKernel
        self.lookOver = lookOver
        lastFingerprint = 0
        lastLookOver = Self.now
        #if os(Linux)
        if useKernel { watchAll() }
        #endif
        lastFingerprint = Self.fingerprint(of: self.roots)
    }

    deinit {
        #if os(Linux)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// Whether a file has changed since the last call (or since the watcher started).
    func changed() -> Bool {
        var changed = false
        #if os(Linux)
        if descriptor >= 0 { changed = drainEvents() }
        #endif
        let now = Self.now
        if changed || now - lastLookOver >= lookOverInterval {
            // After a change the kernel told of, too: the next look-over then compares with the
            // files as the rebuild about to start reads them.
            let fingerprint = Self.fingerprint(of: roots)
            changed = changed || fingerprint != lastFingerprint
            lastFingerprint = fingerprint
            lastLookOver = now
            #if os(Linux)
            // A root made since, or a watch that could not be added before (the kernel's limit).
            if useKernel, !watchesAll { watchAll() }
            #endif
        }
        return changed
    }

    /// The files changed since the last call, as far as the kernel told: the first few, and how
    /// many more. Empty when only a look-over saw the change.
    func takeChanges() -> (first: [String], more: Int) {
        defer { changes = []; moreChanges = 0; noted = [] }
        return (changes, moreChanges)
    }

    /// A file the kernel told of (a write is several events: each file counts once).
    private func note(_ path: String) {
        guard noted.insert(path).inserted else { return }
        if changes.count < 3 { changes.append(path) } else { moreChanges += 1 }
    }

    /// `path` as the log shows it: from the name of the root it is in.
    private func shown(_ path: String) -> String {
        guard let root = roots.first(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return path }
        return (root as NSString).lastPathComponent + path.dropFirst(root.count)
    }

    private var lookOverInterval: UInt64 {
        if let lookOver { return lookOver }
        #if os(Linux)
        return watchesAll ? Self.lookOverWithKernel : Self.lookOverAlone
        #else
        return Self.lookOverAlone
        #endif
    }

    /// The stamps of the files a build reads below `roots` (`TreeStamps`: hidden entries left
    /// out, change times in: they move with any write, even one that puts the modification time
    /// back).
    static func fingerprint(of roots: [String]) -> Int {
        var hasher = Hasher()
        for root in roots {
            let stamps = TreeStamps.digest(of: root, hidden: false, changeTimes: true)
            hasher.combine(root); hasher.combine(stamps.0); hasher.combine(stamps.1)
        }
        return hasher.finalize()
    }

    private static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    #if os(Linux)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    /// A new descriptor with a watch on each root and each folder below it.
    private func watchAll() {
        if descriptor >= 0 { close(descriptor) }
        folders = [:]
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        watchesAll = descriptor >= 0
        for root in roots where descriptor >= 0 { watch(tree: root, root: true) }
    }

    /// A watch on `folder` and each folder below it that is not hidden. A link below a root is
    /// not followed, as a build does not follow it; a root may be one.
    private func watch(tree folder: String, root: Bool = false) {
        let handle = inotify_add_watch(descriptor, folder, Self.mask | (root ? 0 : UInt32(IN_DONT_FOLLOW)))
        guard handle >= 0 else { watchesAll = false; return }
        folders[handle] = folder
        for (name, kind) in FileTree.entries(of: folder) where kind == .folder && !FileTree.isSkipped(name) {
            watch(tree: folder + "/" + name)
        }
    }

    /// Reads every event the kernel has queued; true when one was about a file a build reads.
    private func drainEvents() -> Bool {
        var changed = false, rewatch = false
        let header = MemoryLayout<inotify_event>.size
        while true {
            let count = events.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }  // EAGAIN: none left
            var offset = 0
            while offset + header <= count {
                let (handle, mask, length) = events.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self), raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = events[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { changed = true; rewatch = true; continue }
                guard let folder = folders[handle] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[handle] = nil
                    if roots.contains(folder) { changed = true; rewatch = true }
                    continue
                }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    changed = true
                    if roots.contains(folder) { rewatch = true }
                    continue
                }
                guard !name.isEmpty, !FileTree.isSkipped(name) else { continue }
                changed = true
                let path = folder + "/" + name
                note(shown(path))
                guard mask & UInt32(IN_ISDIR) != 0 else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(tree: path) }
                if mask & UInt32(IN_MOVED_FROM) != 0 {
                    // Moved out of sight: its watches would tell of a folder that is no longer here.
                    for (other, otherFolder) in folders where otherFolder == path || otherFolder.hasPrefix(path + "/") {
                        inotify_rm_watch(descriptor, other)
                        folders[other] = nil
                    }
                }
            }
        }
        if rewatch { watchAll() }
        return changed
    }
    #endif
}
