import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A site being written: a staging directory beside the output directory that pages are written
/// into as they are rendered, from several threads at once, and that replaces the output directory
/// whole when it is complete and link-checked (`publish()`), or is deleted (`discard()`).
///
/// A page an incremental build did not render again is hard-linked from the current output, after
/// checking that the file there is still the one the build cache remembers (size and time).
///
/// With a cache, the site the swap replaces is not deleted but kept in the cache's folder (or,
/// when it is of no use to the next build, deleted on a thread of its own: `RetiredSites`), and the
/// next build's staging directory is that site, written over (`recycled`): a page kept as it was is
/// then most often the same file there already (the same inode as in the output), and neither
/// linked again nor, a build later, deleted: 11,600 links and as many unlinks at 10,000 articles.
/// A file of that tree is written over only when no other path links it (the output's file is
/// unlinked first, never written through) and no one has it open (`SpareFiles`): a reader that
/// opened it while it was published (a download begun before the swap) keeps reading the bytes it
/// opened. Any other file at a path written or linked is unlinked first. A new file is a spare
/// when there is one (`SpareFiles`). Only regular files and folders are kept of that tree, and
/// what the new site does not have is removed before the link check (`prune(keeping:)`).
public final class StagedSite: @unchecked Sendable {
    public let output: OutputDirectory
    public let staging: URL
    /// Whether the staging directory is the site before the current one, to be written over.
    public let recycled: Bool
    /// Where the cache's folder keeps the site the swap replaces; nil without a cache.
    private let previousSite: URL?
    /// Files kept to be made into new files of the site (`SpareFiles`); nil without a cache.
    private let spares: SpareFiles?

    /// Size and modification time of a written file, which the build cache remembers.
    public struct Stamp: Sendable, Equatable {
        public var size: Int
        public var modified: Int
    }

    /// The build cache's folder, where a data file the site does not publish (`DataFile.published`)
    /// is kept for the next build (`stash(_:kept:)`); nil for a build that keeps no cache.
    public let cache: URL?

    /// The two directories' paths, which a page's site path is put after: as strings, because
    /// `URL.appendingPathComponent` asks the file system whether each path is a folder (a `stat`
    /// per page written or kept, 11,600 at 10,000 articles).
    let outputRoot: String
    let stagingRoot: String

    /// Where a site path is written in the staging directory.
    private func staged(_ path: String) -> String { stagingRoot + "/" + path }

    public init(_ output: OutputDirectory, cache: URL? = nil) throws(BuildError) {
        self.output = output
        self.cache = cache
        try output.clearLeftovers()
        previousSite = cache.map { $0.appendingPathComponent(CacheFile.name("site", for: output.url, suffix: ".previous")) }
        spares = cache.map(SpareFiles.init(in:))
        (staging, recycled) = try output.makeStaging(from: previousSite)
        outputRoot = output.url.path
        stagingRoot = staging.path
        if recycled { prune(keeping: nil) }
    }

    /// Creates the folders of these site paths, so that threads writing files do not race to.
    public func makeFolders(for paths: [String]) throws(BuildError) {
        for folder in Self.folders(of: paths.filter(SafePath.isSafe)).sorted() { try makeFolder(folder) }
    }

    /// The folders these site paths (`SafePath`) are in, and the folders above those. Each path's
    /// folders are its prefixes up to a slash, longest first, until one is known: 12,000 pages
    /// are in 74 folders.
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end, folders.insert(String(path[..<slash])).inserted {
                end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return folders
    }

    /// Creates one folder of the site (and the folders above it) in the staging directory.
    func makeFolder(_ folder: String) throws(BuildError) {
        if recycled {
            // A file of the recycled site where the new one has a folder goes.
            var path = stagingRoot
            // At the byte, as the file system splits (`SafePath`).
            for part in folder.utf8.split(separator: UInt8(ascii: "/")) {
                path += "/" + String(decoding: part, as: UTF8.self)
                var info = stat()
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { unlink(path) }
            }
        }
        do {
            try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        } catch {
            throw BuildError(.write, file: folder, "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Writes below the staging directory only: the path must be relative, without `..`, NUL or
    /// empty parts.
    @discardableResult
    public func write(_ bytes: [UInt8], at path: String) throws(BuildError) -> Stamp {
        try write(at: path) { $0.write(bytes) }
    }

    /// Writes a page: its text's bytes as they are, not copied into an array and a stream's
    /// buffer of a megabyte first (a page is written whole, 11,600 of them at 10,000 articles).
    public func write(_ text: String, at path: String) throws(BuildError) -> Stamp {
        try write(at: path) { (descriptor: Int32) -> Int32 in
            var text = text
            return text.withUTF8 { bytes in
                FileTree.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) == bytes.count ? 0 : StagedSite.failedWrite()
            }
        }
    }

    /// Writes a data file as it is made, in chunks. With the last build's record of it, the parts
    /// it finds unchanged are copied from the current output's file, if that is still the file
    /// with the recorded stamp; when the file's inputs digest (`DataFile.inputs`) is the
    /// record's too, the whole file is linked instead of made. Returns this build's record.
    ///
    /// A file the site does not publish is the one the last build left in the cache's folder
    /// (`stash(_:kept:)`): its parts are copied from there, and a file kept whole stays there.
    @discardableResult
    public func write(_ file: DataFile, earlier: BuildCache.FileRecord? = nil) throws(BuildError) -> BuildCache.FileRecord {
        // The last build's file, when it is still the one recorded.
        let current = earlier.flatMap { earlier in lastBuilds(file).flatMap { StagedSite.stamp(of: $0) == earlier.stamp ? $0 : nil } }
        if let inputs = file.inputs, let earlier, earlier.inputs == inputs, current != nil,
           !file.published || reuse(file.path, stamp: earlier.stamp) {
            var kept = earlier
            kept.copied = earlier.parts.count
            return kept
        }
        let source = current.flatMap { CopySource(path: $0.path) }
        let parts = source.map { source in
            DataFileParts(earlier: earlier?.parts ?? [], read: { part in
                source.read(part.offset..<(part.offset + part.length))
            }, copy: { part, stream in
                stream.copy(part.offset..<(part.offset + part.length), from: source)
            })
        } ?? DataFileParts()
        let stamp = try write(at: file.path) { file.make($0, parts) }
        return BuildCache.FileRecord(stamp: stamp, parts: parts.parts, inputs: file.inputs ?? "", copied: parts.copied)
    }

    /// The files made from a data file (`DataFile.Derived`): the last build's, linked, when the
    /// data file was `kept` and each of them still is what the last build wrote; otherwise made
    /// from the data file's bytes as staged (or, when it was kept, as the last build left it),
    /// each linked from the output instead of written when it is the same as the file there.
    func write(_ derived: DataFile.Derived, of file: DataFile, inputs: String, kept: Bool,
               earlier: [String: BuildCache.FileRecord]) throws(BuildError) -> [String: BuildCache.FileRecord] {
        let before = earlier.filter { $0.key.hasPrefix(derived.folder) }
        // The folder first: the last build's files are linked into it.
        try makeFolder(derived.folder)
        if kept, !before.isEmpty {
            let paths = before.keys.sorted { $0.bytesPrecede($1) }
            if paths.allSatisfy({ reuse($0, stamp: before[$0]!.stamp) }) { return before }
            // Made again: the links just made go first, or writing would change the output's files through them.
            for file in paths { unlink(staged(file)) }
        }
        // The data file is mapped, not read: the pages already split are given back as it goes.
        guard let from = kept ? lastBuilds(file) : staging.appendingPathComponent(file.path) else { return [:] }
        let source = open(from.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return [:] }
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, info.st_size > 0,
              let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, source, 0), base != MAP_FAILED else { return [:] }
        defer { munmap(base, Int(info.st_size)) }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        func done(_ offset: Int) { if offset >= page { madvise(base, offset / page * page, MADV_DONTNEED) } }
        var records: [String: BuildCache.FileRecord] = [:]
        var failure: BuildError?
        let made = derived.make(bytes, done) { file, made in
            guard file.hasPrefix(derived.folder) else { return true }
            // The same bytes as the last build's file: linked, not written (`reuse(_:ifItHolds:stamp:)`).
            if let last = before[file], reuse(file, ifItHolds: made, stamp: last.stamp) {
                records[file] = BuildCache.FileRecord(stamp: last.stamp, parts: [], inputs: inputs, copied: 0)
                return true
            }
            do throws(BuildError) {
                let stamp = try write(at: file) { $0.write(made) }
                records[file] = BuildCache.FileRecord(stamp: stamp, parts: [], inputs: inputs, copied: 0)
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return made ? records : [:]
    }

    /// Takes a data file the site does not publish out of the staging directory once the files
    /// derived from it are made: into the cache's folder, for the next build to copy its parts
    /// from, or deleted when there is no cache. It waits there under a temporary name (copied, on
    /// another file system than the output) until the site is published, and only then replaces
    /// the last build's: a build that fails leaves the cache's folder as the last good build left
    /// it, for the build after it. Returns the stamp of the file as the cache will keep it (a
    /// rename keeps it); nil when none is kept (then the next build makes it whole). One `kept`
    /// from the last build is in the cache's folder already.
    func stash(_ path: String, kept: Bool) -> Stamp? {
        guard !kept else { return nil }
        let staged = staging.appendingPathComponent(path)
        defer { unlink(staged.path) }
        guard let target = stashed(path) else { return nil }
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let waiting = CacheFile.temporaryFile(for: target)
        if rename(staged.path, waiting.path) != 0 {
            guard errno == EXDEV, (try? FileManager.default.copyItem(at: staged, to: waiting)) != nil else {
                unlink(waiting.path)
                return nil
            }
        }
        guard let stamp = StagedSite.stamp(of: waiting) else { return nil }
        stashes.withLock { $0.append((waiting.path, target.path)) }
        return stamp
    }

    /// The data files `stash` took out, each under its temporary name and where it goes.
    private let stashes = Mutex<[(waiting: String, target: String)]>([])

    /// Puts the stashed data files in place of the last build's (`publish`), or deletes them (`discard`).
    private func settleStashes(keeping: Bool) {
        for (waiting, target) in stashes.withLock({ $0 }) where !keeping || rename(waiting, target) != 0 {
            unlink(waiting)
            // The last build's, were it left, would not be the file this build's cache records.
            if keeping { unlink(target) }
        }
    }

    func stashed(_ path: String) -> URL? { cache.flatMap { StagedSite.stashed(path, in: $0, for: output.url) } }

    /// Where the last build left a data file: in the output, or in the cache's folder for one the
    /// site does not publish (a kept published file is linked into the staging directory as well).
    private func lastBuilds(_ file: DataFile) -> URL? {
        guard SafePath.isSafe(file.path) else { return nil }
        return file.published ? output.url.appendingPathComponent(file.path) : stashed(file.path)
    }

    /// Where a cache's folder keeps the data file at this site path for this output directory:
    /// `site-<16 hex digits of the output's path>.search-index.js`, beside the build cache.
    public static func stashed(_ path: String, in cache: URL, for output: URL) -> URL? {
        guard SafePath.isSafe(path) else { return nil }
        return cache.appendingPathComponent(CacheFile.name("site", for: output, suffix: "." + path.replacingOccurrences(of: "/", with: "-")))
    }

    /// The stamp of a regular file, or nil.
    static func stamp(of file: URL?) -> Stamp? {
        file.flatMap { stamp(ofPath: $0.path) }
    }

    static func stamp(ofPath path: String) -> Stamp? {
        regularFile(at: path).map(Stamp.init)
    }

    /// What `lstat` says of a path that is a regular file (not a link to one), or nil.
    static func regularFile(at path: String) -> stat? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info
    }

    private func write(at path: String, _ make: (ByteStream) -> Void) throws(BuildError) -> Stamp {
        try write(at: path) { (descriptor: Int32) -> Int32 in
            var error: Int32 = 0
            let stream = ByteStream(descriptor: descriptor) { chunk in
                let written = chunk.withUnsafeBytes { FileTree.writeAll($0, to: descriptor) }
                if written < chunk.count { error = StagedSite.failedWrite() }
                return written == chunk.count
            }
            make(stream)
            stream.flush()
            return stream.failed ? error : 0
        }
    }

    /// The `errno` of a write that stopped short; `EIO` when the write said none (a short write
    /// is a failure whatever `errno` holds, and 0 would be read as success).
    static func failedWrite() -> Int32 { errno != 0 ? errno : EIO }

    /// The file at `path` made anew in the staging directory and filled by `fill`, which returns 0,
    /// or the `errno` of the write that failed (never 0 then: `failedWrite`).
    func write(at path: String, fill: (Int32) -> Int32) throws(BuildError) -> Stamp {
        guard SafePath.isSafe(path) else {
            throw BuildError(.write, file: path, "refusing to write outside the output directory")
        }
        let target = staged(path)
        // A file to write over rather than make one (`SpareFiles`): the recycled site's own at
        // this path, or a spare.
        var (descriptor, writtenOver) = recycled ? (SpareFiles.openToWriteOver(target), true) : (-1, false)
        if descriptor < 0 {
            clear(target)
            (descriptor, writtenOver) = spareOrNew(target)
        }
        // Folders are made before the pages (`makeFolders`); one a path still lacks (or, in a
        // recycled site, has as a file) is made here.
        if descriptor < 0, errno == ENOENT || (recycled && errno == ENOTDIR), let slash = path.lastIndex(of: "/") {
            try? makeFolder(String(path[..<slash]))
            (descriptor, writtenOver) = spareOrNew(target)
        }
        guard descriptor >= 0 else { throw failure(path, "cannot write") }
        defer { close(descriptor) }
        let error = fill(descriptor)
        if error != 0 { errno = error; throw failure(path, "cannot write") }
        // A file written over ends where the writing stopped.
        if writtenOver, ftruncate(descriptor, lseek(descriptor, 0, SEEK_CUR)) != 0 { throw failure(path, "cannot write") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path, "cannot read back") }
        return Stamp(info)
    }

    /// A spare renamed to `target` (`SpareFiles`), or a new file made there; and which it is.
    private func spareOrNew(_ target: String) -> (descriptor: Int32, spare: Bool) {
        if let spare = spares?.take(into: target), spare >= 0 { return (spare, true) }
        return (open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644), false)
    }

    /// Hard-links the current output's file into the staging directory if it is still the file
    /// with this stamp; false when it is not there or not the same (then the page is rendered).
    public func reuse(_ path: String, stamp: Stamp) -> Bool {
        guard SafePath.isSafe(path) else { return false }
        let current = outputRoot + "/" + path, target = staged(path)
        guard let info = StagedSite.regularFile(at: current), Stamp(info) == stamp else { return false }
        if recycled {
            // Most often the recycled site has this very file: the same inode, linked from the output.
            if let there = StagedSite.regularFile(at: target), there.st_dev == info.st_dev, there.st_ino == info.st_ino { return true }
            clear(target)
        }
        return link(current, target) == 0
    }

    /// Puts the staged site in place of the output directory; the site it replaces goes to the
    /// cache's folder for the next build to write over (`keepingPrevious`), or is deleted: on a
    /// thread of its own with a cache (`RetiredSites`), else now.
    ///
    /// Keep it when the new site has most of its files: the next build then finds its kept pages
    /// in place. After a build that wrote most pages again, the next would unlink nearly every
    /// file of it (the last links to the old pages, each freed there and then) and link the
    /// pages again: deleted on a thread of its own, it costs neither build the wait (the builds
    /// right after may still feel the disk's work, `RetiredSites`).
    public func publish(keepingPrevious: Bool = true) throws(BuildError) {
        try output.swap(in: staging, keepingPreviousAt: keepingPrevious ? previousSite : nil,
                        retiringTo: cache.map(RetiredSites.folder(in:)))
        settleStashes(keeping: true)
    }

    /// Gives up the staged site: the output and the cache's folder stay as the last build left
    /// them. With a cache, the staging directory is kept for the next build to write over
    /// (`forNextBuild`), as a published build's previous site is (most of its files are the next
    /// build's): it is not deleted on the way out of a build that fails on its content (a broken
    /// link: 600 MB at 10,000 articles). It is deleted when the build failed to write (a full disk).
    public func discard(keepingForNextBuild forNextBuild: Bool = false) {
        settleStashes(keeping: false)
        output.retire(staging, to: forNextBuild ? previousSite : nil, retiring: nil)
    }

    /// Names the file as it would be in the output directory (`Public/articles/x.html`).
    private func failure(_ path: String, _ what: String) -> BuildError {
        BuildError(.write, file: output.url.lastPathComponent + "/" + path, "\(what): \(String(cString: strerror(errno)))")
    }
}

extension StagedSite.Stamp {
    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}

/// Paths the generator may write: relative, `/`-separated, no `.` or `..` parts, no NUL or backslash.
public enum SafePath {
    /// One pass over the bytes (it is asked of every page of every build): each `/`-separated
    /// part has 1 to 255 bytes and is not `.` or `..`. No byte of a multi-byte UTF-8 character is
    /// ASCII, so none is taken for a slash, a dot, a NUL or a backslash.
    public static func isSafe(_ path: String) -> Bool {
        var length = 0, dotsOnly = true
        func partIsSafe() -> Bool { length > 0 && length <= 255 && !(dotsOnly && length <= 2) }
        for byte in path.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                guard partIsSafe() else { return false }
                length = 0
                dotsOnly = true
            default:
                length += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return partIsSafe()
    }
}
