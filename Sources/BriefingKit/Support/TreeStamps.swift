import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A digest of every entry below a folder and of each file's stamps (size, inode, modification
/// time, and with `changeTimes` the change time), the same whatever order the folders list their
/// entries in: each entry is hashed on its own and the hashes are added up. One `readdir` and one
/// `fstatat` per file, by name in its open folder: at 10,000 articles a third less than a path
/// and an `lstat` per file, which resolve the whole path each time. Links below the root are not
/// followed; the root is, as a build follows it. `UnchangedBuild` and `serve`'s watcher use it.
public enum TreeStamps {
    /// One entry below the root: its path from the root (starting with `/`), the hash of that path
    /// with its kind and, for a regular file, its stamps (`stamp`), and the newer of its times.
    struct Entry: Sendable {
        var path: [UInt8]
        var stamp: (UInt64, UInt64)
        var isFile: Bool
        /// For a regular file, the newer of its modification and change times (nanoseconds since
        /// 1970); `Int64.min` for anything else.
        var time: Int64
    }

    /// The digest of the tree below `root` (with `hidden`, the entries no build reads too, hidden
    /// ones and editors' backups: `FileTree.isSkipped`). A root that cannot
    /// be read has a digest of its own, as a folder below it does.
    public static func digest(of root: String, hidden: Bool, changeTimes: Bool) -> (UInt64, UInt64) {
        var sums: (UInt64, UInt64) = (0, 0)
        walk(root, hidden: hidden, changeTimes: changeTimes) { _, _, stamp, _, _ in
            sums = (sums.0 &+ stamp.0, sums.1 &+ stamp.1)
        }
        return sums
    }

    /// Every entry below `root` (not those no build reads), in the order the folders list them: their stamps
    /// add up to `digest(of:hidden:changeTimes:)`.
    static func entries(of root: String, changeTimes: Bool) -> [Entry] {
        var entries: [Entry] = []
        walk(root, hidden: false, changeTimes: changeTimes) { folder, name, stamp, isFile, time in
            entries.append(Entry(path: folder + [UInt8(ascii: "/")] + Array(name), stamp: stamp, isFile: isFile, time: time))
        }
        return entries
    }

    /// The stamp `entries` gives the regular file at `path` (from the root, starting with `/`)
    /// whose attributes are `info`.
    static func fileStamp(path: [UInt8], _ info: stat, changeTimes: Bool) -> (UInt64, UInt64) {
        let slash = path.lastIndex(of: UInt8(ascii: "/")) ?? path.startIndex
        var hasher = StableHasher()
        hasher.combine(path[..<slash]); hasher.tag(UInt8(ascii: "/")); hasher.combine(path[path.index(after: slash)...])
        hasher.tag(UInt8(DT_REG))
        combineStamps(of: info, changeTimes: changeTimes, into: &hasher)
        return hasher.words
    }

    private static func combineStamps(of info: stat, changeTimes: Bool, into hasher: inout StableHasher) {
        hasher.combine(Int(info.st_size)); hasher.combine(UInt64(info.st_ino))
        hasher.combine(UInt64(bitPattern: Self.nanoseconds(info.st_mtim)))
        if changeTimes { hasher.combine(UInt64(bitPattern: Self.nanoseconds(info.st_ctim))) }
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    /// Visits each entry below `root`: its folder's path from the root (`[]` for the root's own
    /// entries, else starting with `/`), its name, its stamp, whether it is a regular file, and
    /// its time (`Entry.time`).
    private static func walk(_ root: String, hidden: Bool, changeTimes: Bool,
                             _ visit: (_ folder: [UInt8], _ name: UnsafeBufferPointer<UInt8>, _ stamp: (UInt64, UInt64), _ isFile: Bool, _ time: Int64) -> Void) {
        var folders: [(path: String, relative: [UInt8])] = [(root, [])]
        while let (folder, relative) = folders.popLast() {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0, let stream = fdopendir(descriptor) else {
                if descriptor >= 0 { close(descriptor) }
                var hasher = StableHasher()
                hasher.combine(relative); hasher.tag(0)  // a folder that cannot be read (or is not there)
                visit(relative, UnsafeBufferPointer(start: nil, count: 0), hasher.words, false, .min)
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let type = entry.pointee.d_type
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let length = bytes.firstIndex(of: 0) ?? bytes.count
                    let name = UnsafeBufferPointer(rebasing: bytes[..<length])
                    if name.count == 1 && name[0] == UInt8(ascii: ".") || name.count == 2 && name[0] == UInt8(ascii: ".") && name[1] == UInt8(ascii: ".") {
                        return
                    }
                    if !hidden && FileTree.isSkipped(name) { return }
                    var hasher = StableHasher()
                    hasher.combine(relative); hasher.tag(UInt8(ascii: "/")); hasher.combine(name)
                    var info = stat()
                    var kind = type
                    if type != UInt8(DT_DIR) {
                        guard fstatat(dirfd(stream), raw.baseAddress!.assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                            hasher.tag(1)  // gone while listed
                            visit(relative, name, hasher.words, false, .min)
                            return
                        }
                        kind = switch info.st_mode & S_IFMT { case S_IFREG: UInt8(DT_REG); case S_IFDIR: UInt8(DT_DIR); default: UInt8(DT_UNKNOWN) }
                    }
                    hasher.tag(kind)
                    var time = Int64.min
                    if kind == UInt8(DT_DIR) {
                        let path = folder + "/" + String(decoding: name, as: UTF8.self)
                        folders.append((path, relative + [UInt8(ascii: "/")] + Array(name)))
                    } else if kind == UInt8(DT_REG) {
                        time = max(nanoseconds(info.st_mtim), nanoseconds(info.st_ctim))
                        combineStamps(of: info, changeTimes: changeTimes, into: &hasher)
                    }
                    visit(relative, name, hasher.words, kind == UInt8(DT_REG), time)
                }
            }
        }
    }
}
