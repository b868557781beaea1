import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Files a build writes over instead of making new ones: the kernel then neither frees an inode
/// nor allocates one.
///
/// Why: ext4 without a journal (the development machine's) passes, each time it makes a file, over
/// every inode freed in the last minute (six while the inode's block is not yet written back), one
/// look-up each (`recently_deleted`), under the folder's lock. After builds that deleted sites of
/// 12,000 files, a build after a template edit at 10,000 articles spent 4.0 of its 17 CPU-s there,
/// the other thread waiting for the lock; back to back, such builds took 4.9 to 8.8 s, by how many
/// freed inodes their new files met.
///
/// So a file is written over where nothing can see the change: it is a regular file, ours, no
/// other path links it (the output's file, for one), and the kernel says no one has it open (a
/// write lease, taken and given back at once): a reader that opened it while it was published
/// reads the bytes it opened. Two kinds are written over:
/// - the recycled staging directory's own file at the path written (`openToWriteOver`);
/// - a spare: a file in the cache's `spare` folder, which `RetiredSites` makes of the
///   files of a site it retires instead of deleting them (`keep(filesOf:in:)`), as many as that
///   site had files; a build renames one to the path of a file it makes (`take(into:)`).
/// Only on Linux: elsewhere there is no lease to ask, and files are made and deleted.
final class SpareFiles: @unchecked Sendable {
    /// The cache's folder of spare files.
    static func folder(in cache: URL) -> URL { cache.appendingPathComponent("spare") }

    private let path: String
    private struct State {
        var folder: Int32 = -1
        var names: [String] = []
        /// Files made since the folder was last read and found no spare left.
        var misses = 0
        var looked = false
    }
    private let state = Mutex(State())

    init(in cache: URL) {
        path = Self.folder(in: cache).path
    }

    deinit {
        state.withLock { if $0.folder >= 0 { close($0.folder) } }
    }

    /// A spare renamed to `target` (a path where nothing is, or a file this build wrote there,
    /// which it replaces) and opened to be written over; -1 when there is none (then the caller
    /// makes the file). The folder is read when first asked
    /// and again when it ran out, every 64 files made since (a sweep may be making spares).
    func take(into target: String) -> Int32 {
        #if os(Linux)
        while let taken = next() {
            let (folder, name) = taken
            guard renameat(folder, name, AT_FDCWD, target) == 0 else {
                let error = errno
                // Taken by another process, or swept: the next one.
                if error == ENOENT, faccessat(folder, name, F_OK, AT_SYMLINK_NOFOLLOW) != 0 { continue }
                // The target cannot be (its folder missing, a file in its path): the caller sees
                // to it, and the spare is kept for the next.
                state.withLock { $0.names.append(name) }
                errno = error
                return -1
            }
            let descriptor = Self.openToWriteOver(target)
            if descriptor >= 0 { return descriptor }
            // Not a file to write over (something else put there): out of the way, as the caller
            // clears any path before it writes.
            if unlink(target) != 0, errno == EISDIR { try? FileManager.default.removeItem(atPath: target) }
        }
        #endif
        return -1
    }

    /// Opens the regular file at `path` to be written over from its start, when nothing can see
    /// the change (above); -1 otherwise, and then nothing was changed. It keeps its bytes until
    /// they are written over: the writer cuts it where it stops (`StagedSite.write(at:fill:)`),
    /// so that a page written over one of about its length frees no blocks and takes none.
    static func openToWriteOver(_ path: String) -> Int32 {
        #if os(Linux)
        // Not blocking: a FIFO put there, or a file another process holds a lease on, is refused.
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return -1 }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1, info.st_uid == geteuid(),
           unopened(descriptor) {
            return descriptor
        }
        close(descriptor)
        #endif
        return -1
    }

    #if os(Linux)
    /// The next spare's name, and the folder it is in, open.
    private func next() -> (folder: Int32, name: String)? {
        state.withLock { state -> (Int32, String)? in
            if state.names.isEmpty, !state.looked || state.misses >= 64 {
                state.looked = true
                state.misses = 0
                if state.folder < 0 { state.folder = Self.openFolder(path) }
                if state.folder >= 0 { state.names = Self.names(in: path) }
            }
            guard let name = state.names.popLast() else {
                state.misses += 1
                return nil
            }
            return (state.folder, name)
        }
    }

    /// Whether no other descriptor has the file open, in this process or another: the kernel
    /// grants a write lease only then. It is given back at once. Were the file opened while it is
    /// held, the kernel would signal this process: with SIGURG, which is ignored unless handled.
    private static func unopened(_ descriptor: Int32) -> Bool {
        let setLease: Int32 = 1024, setSignal: Int32 = 10  // F_SETLEASE, F_SETSIG (Linux)
        guard fcntl(descriptor, setSignal, SIGURG) == 0, fcntl(descriptor, setLease, Int32(F_WRLCK)) == 0 else { return false }
        _ = fcntl(descriptor, setLease, Int32(F_UNLCK))
        return true
    }

    /// The folder at `path` opened, when it is a folder itself, not a link to one.
    private static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// The spares' names in the folder at `path`: only those `keep` gives. Read by path, then
    /// taken by name from the folder opened (`openFolder`): a link put in its place between the
    /// two has its names looked for in the folder, not followed.
    private static func names(in path: String) -> [String] {
        FileTree.entries(of: path).map(\.name).filter(isSpareName)
    }

    /// Makes spares of the files of a retired site (`RetiredSites`), each one that can be written
    /// over (`openToWriteOver`) moved into the cache's `spare` folder as it is (emptying it would
    /// wait for the disk, which the mount may be told to discard each freed block on), until the
    /// folder holds as many spares as the site has files; what is left is for the sweep to delete.
    static func keep(filesOf site: String, in cache: URL) {
        let path = folder(in: cache).path
        if !FileTree.isFolder(path) { mkdir(path, 0o755) }
        let folder = openFolder(path)
        guard folder >= 0 else { return }
        defer { close(folder) }
        var held = names(in: path).count, seen = 0
        func walk(_ directory: String) {
            for (name, kind) in FileTree.entries(of: directory) {
                let file = directory + "/" + name
                if kind == .folder { walk(file); continue }
                guard kind == .file else { continue }
                seen += 1
                if held < seen, keep(file, in: folder) { held += 1 }
            }
        }
        walk(site)
    }

    private static func keep(_ file: String, in folder: Int32) -> Bool {
        let descriptor = openToWriteOver(file)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        for _ in 0..<8 {
            let name = RetiredSites.newName()
            if c_renameat2(AT_FDCWD, file, folder, name, renameNoReplace) == 0 { return true }
            guard errno == EEXIST else { return false }
        }
        return false
    }
    #else
    static func keep(filesOf site: String, in cache: URL) {}
    #endif

    /// `<pid>-<number>`, as `keep` names a spare (`RetiredSites.newName`).
    static func isSpareName(_ name: String) -> Bool {
        RetiredSites.isRetiredName(name)
    }
}
