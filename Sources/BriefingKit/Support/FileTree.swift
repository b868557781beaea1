import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small file-system helpers shared by the stages that read and write directories.
public enum FileTree {
    /// Whether a file or folder is one no build reads: a hidden one (`.DS_Store`, an editor's
    /// `.name.swp`, `.git`), or an editor's backup (`name~`) or autosave (`#name#`), which would
    /// otherwise be published as a second copy of an article.
    public static func isSkipped<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        guard let first = name.first, let last = name.last else { return false }
        return first == UInt8(ascii: ".") || last == UInt8(ascii: "~")
            || (first == UInt8(ascii: "#") && last == UInt8(ascii: "#") && name.count > 1)
    }

    public static func isSkipped(_ name: String) -> Bool { isSkipped(name.utf8) }

    /// Regular files under `directory`, as paths relative to it, sorted bytewise; the entries no
    /// build reads skipped (`isSkipped`), symbolic links neither listed nor followed (nor a
    /// `directory` that is one).
    ///
    /// Read with `readdir`, whose entries carry their type: Foundation's enumerator asked for
    /// each file's properties, which was half a second of every build of 10,000 articles.
    public static func files(under directory: URL) -> [String] {
        paths(under: directory) { name, kind in kind == .file && !isSkipped(name) }
    }

    /// The hidden files and folders below `directory` that `files(under:)` leaves out, as paths
    /// relative to it, sorted bytewise; not those a system or an editor leaves everywhere
    /// (`.DS_Store`, `.git…`, an editor's swap or lock file), nor editors' backups. What a folder
    /// copied as it is (`Content/static/`) does not publish: a `.htaccess`, a `.well-known/`.
    static func hiddenLeftOut(under directory: URL) -> [String] {
        paths(under: directory) { name, kind in kind != .other && name.hasPrefix(".") && !isHousekeeping(name) }
    }

    /// The paths below `directory` (relative to it, sorted bytewise) of the entries `listed`
    /// picks, in the folders a build reads: none below a skipped one (`isSkipped`), nor below a link.
    private static func paths(under directory: URL, _ listed: (_ name: String, _ kind: EntryKind) -> Bool) -> [String] {
        let root = directory.standardizedFileURL.path
        guard isFolder(root) else { return [] }
        var paths: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            for (name, kind) in entries(of: folder.isEmpty ? root : root + "/" + folder) {
                let path = folder.isEmpty ? name : folder + "/" + name
                if listed(name, kind) { paths.append(path) }
                if kind == .folder, !isSkipped(name) { folders.append(path) }
            }
        }
        return paths.sorted { $0.bytesPrecede($1) }
    }

    /// A hidden name that systems and editors leave in any folder: not worth a word.
    static func isHousekeeping(_ name: String) -> Bool {
        name == ".DS_Store" || name.hasPrefix(".git") || name.hasPrefix(".#")
            || (name.count > 4 && name.dropLast().hasSuffix(".sw"))  // Vim's .a.txt.swp, .swo, …
    }

    public enum EntryKind: Sendable { case file, folder, other }

    /// The entries of one folder (hidden ones too, not `.` and `..`), each a regular file, a
    /// folder or something else (a symbolic link is something else: it is never followed).
    /// Empty when the folder cannot be read.
    public static func entries(of directory: String) -> [(name: String, kind: EntryKind)] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var entries: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            var type = Int32(entry.pointee.d_type)
            // Some file systems do not say; then the entry itself is asked, never what it links to.
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { continue }
                type = switch info.st_mode & S_IFMT { case S_IFREG: Int32(DT_REG); case S_IFDIR: Int32(DT_DIR); default: Int32(DT_UNKNOWN) }
            }
            entries.append((name, type == Int32(DT_REG) ? .file : type == Int32(DT_DIR) ? .folder : .other))
        }
        return entries
    }

    /// A file's bytes, read straight into the array (no `Data` copy: a cache file can be 100 MB).
    public static func read(_ url: URL) throws -> [UInt8] {
        try read(path: url.path)
    }

    public static func read(path: String) throws -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // One byte more than the size: a read that fills the room means the file grew since
        // `fstat`, and it is read on to its end. The room is not zeroed first (a cache file is
        // 100 MB).
        var room = size + 1
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                count = 0
                while count < room {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + count, room - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; break }
                    if n == 0 { break }
                    count += n
                }
            }
            if failed { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < room { return bytes }
            room = max(bytes.count, 4096)
        }
    }

    /// A regular file opened for reading (never a folder or a device), and its size when opened;
    /// the caller closes it.
    static func openRegularFile(_ path: String) throws -> (descriptor: Int32, size: Int) {
        let (descriptor, info) = try openRegularFile(path, keeping: { _ in true })
        return (descriptor, Int(info.st_size))
    }

    /// The same, with what `fstat` said of it, when `keeping` accepts that (a file's size and time
    /// as a build remembers them, `StagedSite.openFile`); it is closed again when not.
    static func openRegularFile(_ path: String, keeping: (stat) -> Bool) throws -> (descriptor: Int32, info: stat) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, keeping(info) else {
            close(descriptor)
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return (descriptor, info)
    }

    /// `length` bytes of a file from `offset`, or nil when they cannot all be read.
    static func read(_ length: Int, at offset: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, length - done, off_t(offset + done)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    /// Writes the bytes at the file's position; how many were written (fewer on an error, in `errno`).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return written }
            written += result
        }
        return written
    }

    /// Whether `path` is a folder itself, not a link to one (`lstat`).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ url: URL, directory: Bool? = nil) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return false }
        return directory.map { $0 == isDirectory.boolValue } ?? true
    }
}
