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
    /// The digest of the tree below `root` (hidden entries too when `hidden`); nil when a file's
    /// modification or change time is `newest` or later (nanoseconds since 1970).
    public static func digest(of root: String, hidden: Bool, changeTimes: Bool, newest: Int64? = nil) -> (UInt64, UInt64)? {
        var sums: (UInt64, UInt64) = (0, 0)
        func add(_ hasher: StableHasher) {
            let words = hasher.words
            sums = (sums.0 &+ words.0, sums.1 &+ words.1)
        }
        var folders: [(path: String, relative: [UInt8])] = [(root, [])]
        while let (folder, relative) = folders.popLast() {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0, let stream = fdopendir(descriptor) else {
                if descriptor >= 0 { close(descriptor) }
                var hasher = StableHasher()
                hasher.combine(relative); hasher.tag(0)  // a folder that cannot be read (or is not there)
                add(hasher)
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let type = entry.pointee.d_type
                let failed: Bool = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let length = bytes.firstIndex(of: 0) ?? bytes.count
                    let name = UnsafeBufferPointer(rebasing: bytes[..<length])
                    if name.count == 1 && name[0] == UInt8(ascii: ".") || name.count == 2 && name[0] == UInt8(ascii: ".") && name[1] == UInt8(ascii: ".") {
                        return false
                    }
                    if !hidden && name.first == UInt8(ascii: ".") { return false }
                    var hasher = StableHasher()
                    hasher.combine(relative); hasher.tag(UInt8(ascii: "/")); hasher.combine(name)
                    var info = stat()
                    var kind = type
                    if type != UInt8(DT_DIR) {
                        guard fstatat(dirfd(stream), raw.baseAddress!.assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                            hasher.tag(1)  // gone while listed
                            add(hasher)
                            return false
                        }
                        kind = switch info.st_mode & S_IFMT { case S_IFREG: UInt8(DT_REG); case S_IFDIR: UInt8(DT_DIR); default: UInt8(DT_UNKNOWN) }
                    }
                    hasher.tag(kind)
                    if kind == UInt8(DT_DIR) {
                        let path = folder + "/" + String(decoding: name, as: UTF8.self)
                        folders.append((path, relative + [UInt8(ascii: "/")] + Array(name)))
                    } else if kind == UInt8(DT_REG) {
                        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
                        if let newest, modified >= newest || changed >= newest { return true }
                        hasher.combine(Int(info.st_size)); hasher.combine(UInt64(info.st_ino))
                        hasher.combine(UInt64(bitPattern: modified))
                        if changeTimes { hasher.combine(UInt64(bitPattern: changed)) }
                    }
                    add(hasher)
                    return false
                }
                if failed { return nil }
            }
        }
        return sums
    }
}
