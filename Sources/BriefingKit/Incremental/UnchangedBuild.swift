import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A build with nothing to do: no file below the content and template folders has changed since
/// the last build with the cache, and the output directory is as that build left it. Its site is
/// then the output as it is, and the build only tells what the last one told (its counts and
/// warnings), without reading the memo or the build cache: at 10,000 articles 0.07 s and 32 MiB
/// instead of 0.9 s and 470 MiB.
///
/// A file is known unchanged by its stamps: its size, inode, and modification and change times.
/// Any write moves the change time, which no program can set back, so a build started after a
/// file's last write sees it. A file's stamps are trusted only when it is older than `settled`: a
/// file written in the same tick of the file system's clock as the build started, after the build
/// read it, would otherwise keep the times recorded.
///
/// A file is also known unchanged by its bytes: the record keeps the digest of each file's bytes,
/// and a file whose stamps moved, or that was too new to trust them, is read and compared. A file
/// written again with the same bytes (saved by an editor that was told to save, checked out again,
/// copied over by a sync) is found to be the one the last build read, and the build still ends at
/// once: the site is a function of the bytes at each path. A record's digests are the bytes the
/// build read: for a settled file, carried over from the last record when its stamps did not move,
/// else the build's for a file it read whose stamps are still the ones taken before the build (no
/// write since), else taken after the build from the file while its stamps are still those; for a
/// file too new (an article, a template, the settings, the gazetteer, the overview, a note, an
/// asset, a static file), the digest of the bytes the build read (the readers'; a template's text
/// as `TemplateSet` keeps it; the bytes copied), and that file is read by every build after
/// (`File.settled`). A build with a file too new that it did not read records nothing.
///
/// The output directory is held to every entry's path, kind, size, inode and modification time
/// (not the change time: unlinking another link to a file of the site moves it). A record is a
/// cache file (`CacheFile`): written by another generator, for another output directory, or
/// damaged, it is not read.
enum UnchangedBuild {
    static let kind = "unchanged-build 3"
    /// How old, in nanoseconds, a file must be for its stamps to be trusted.
    static let settled: Int64 = 2_000_000_000

    /// A digest's two numbers (`StableHasher.words`).
    struct Words: Hashable {
        var first: UInt64, second: UInt64
        init(_ words: (UInt64, UInt64)) { (first, second) = words }

        /// From the text `StableHasher.finalize()` gives: 32 hexadecimal digits.
        init?(text: String) {
            guard text.utf8.count == 32, let first = UInt64(text.prefix(16), radix: 16), let second = UInt64(text.suffix(16), radix: 16)
            else { return nil }
            (self.first, self.second) = (first, second)
        }
    }

    /// What a build is given, taken before it reads anything: every entry below the content and
    /// template folders (`TreeStamps`), and their digest with the folders as the options give
    /// them and as messages name them, and the output's path.
    struct Inputs {
        var digest: String
        /// The digest of the folders as the options give them and as messages name them, and the
        /// output's path: the rest of what `digest` holds besides the stamps.
        var folders: String
        var entries: [Input]
        /// Every file is older than `settled`: their stamps may be trusted.
        var settled: Bool { entries.allSatisfy(\.settled) }
    }

    /// An entry of the inputs: its folder, its path from it (starting with `/`), the digest of
    /// the two (`path`), its stamp, and whether it is a regular file.
    struct Input {
        var root: String
        var relative: [UInt8]
        var path: Words
        var stamp: Words
        var isFile: Bool
        /// Older than `settled` (its stamps may be trusted), or not.
        var settled: Bool
        /// 0 in the content folder, 1 in the templates folder.
        var folder: Int

        var file: String { root + String(decoding: relative, as: UTF8.self) }

        /// Its path from its folder without the leading `/` (`articles/x.txt`), when it is UTF-8.
        var relativePath: String? { String(bytes: relative.dropFirst(), encoding: .utf8) }

        /// Whether a regular file with these attributes has the stamp it had among the inputs.
        func hasStamp(_ info: stat) -> Bool {
            Words(TreeStamps.fileStamp(path: relative, info, changeTimes: true)) == stamp
        }

        /// How `readKey(folder:path:)` names it, when its name is UTF-8.
        var readKey: String? { relativePath.map { UnchangedBuild.readKey(folder: folder, path: $0) } }
    }

    /// How a digest of the bytes a build read names the file (`record`'s `read`): its folder (0
    /// the content folder, 1 the templates folder) and its path from it (`articles/x.txt`,
    /// `partials/note.md`).
    static func readKey(folder: Int, path: String) -> String { "\(folder)/" + path }

    /// `readKey(folder:path:)` of the file at `file` (a path as `URL.path` gives it) when it is
    /// below `root`, the folder as the options give it; nil when it is not.
    static func readKey(folder: Int, root: URL, file: String) -> String? {
        let prefix = root.path + "/"
        guard file.hasPrefix(prefix) else { return nil }
        return readKey(folder: folder, path: String(file.dropFirst(prefix.count)))
    }

    /// An input as a record keeps it: for a regular file, the digest of its bytes too, and
    /// whether its stamps may be trusted (`settled`); a file recorded too new is read by every build.
    struct File: Equatable {
        var path: Words
        var stamp: Words
        var bytes: Words?
        var settled = true

        /// Each of `files` by its `path` (the first, should two have one).
        static func byPath(_ files: [File]) -> [Words: File] {
            Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// What a build was given and what it left, and what it told.
    struct Record: Equatable {
        var inputs: String
        var output: String
        var articles: Int, pages: Int, files: Int, actors: Int, dates: Int
        var diagnostics: [Diagnostic]
        /// The inputs' `folders` and each entry, for a file whose stamps moved to be read.
        var folders = ""
        var inputFiles: [File] = []
    }

    static func file(in cache: URL, for output: URL) -> URL {
        cache.appendingPathComponent(CacheFile.name("unchanged", for: output))
    }

    /// The inputs of a build with these options (above).
    static func inputs(_ options: SiteBuilder.Options) -> Inputs {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let newest = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - settled
        var hasher = StableHasher(), folders = StableHasher()
        var entries: [Input] = []
        for (number, root) in [options.content, options.templates].enumerated() {
            let path = root.standardizedFileURL.path
            var sums: (UInt64, UInt64) = (0, 0)
            for entry in TreeStamps.entries(of: path, changeTimes: true) {
                sums = (sums.0 &+ entry.stamp.0, sums.1 &+ entry.stamp.1)
                var key = StableHasher()
                key.combine(number); key.combine(entry.path)
                entries.append(Input(root: path, relative: entry.path, path: Words(key.words), stamp: Words(entry.stamp), isFile: entry.isFile,
                                     settled: entry.time < newest, folder: number))
            }
            hasher.combine(path); hasher.combine(options.display(root))
            hasher.combine(sums.0); hasher.combine(sums.1)
            folders.combine(path); folders.combine(options.display(root))
        }
        hasher.combine(options.output.standardizedFileURL.path)
        folders.combine(options.output.standardizedFileURL.path)
        return Inputs(digest: hasher.finalize(), folders: folders.finalize(), entries: entries)
    }

    /// Every entry below the output directory, hidden ones too: its path, kind, and for a file
    /// its size, inode and modification time.
    static func output(_ directory: URL) -> String {
        let stamps = TreeStamps.digest(of: directory.standardizedFileURL.path, hidden: true, changeTimes: false)
        return StableHasher.text(stamps)
    }

    /// The last build's record, when it can be read.
    static func read(_ options: SiteBuilder.Options, cache: URL) -> Record? {
        CacheFile.read(file(in: cache, for: options.output), kind, owner: options.output, what: "record", decode).value
    }

    /// A build with nothing to do: the last build's record; the record to keep for the next
    /// build when files were read (their stamps moved, or were too new to be trusted) and are now
    /// recorded otherwise; how many were written again with the same bytes.
    struct Unchanged {
        var record: Record
        var update: Record?
        var rewritten: Int
    }

    /// The last build's record (`record`) when the inputs are the ones it was given, or differ
    /// only in files with the same bytes, and the output is the one it left.
    static func unchanged(_ options: SiteBuilder.Options, inputs: Inputs, record: Record?) -> Unchanged? {
        guard let record, record.folders == inputs.folders, inputs.entries.count == record.inputFiles.count else { return nil }
        var unchanged = Unchanged(record: record, update: nil, rewritten: 0)
        if !(inputs.settled && record.inputs == inputs.digest && record.inputFiles.allSatisfy(\.settled)) {
            guard let (files, rewritten) = sameBytes(inputs.entries, as: record.inputFiles) else { return nil }
            unchanged.rewritten = rewritten
            if files != record.inputFiles {
                (unchanged.record.inputs, unchanged.record.inputFiles) = (inputs.digest, files)
                unchanged.update = unchanged.record
            }
        }
        guard FileTree.isFolder(options.output.path), record.output == output(options.output) else { return nil }
        return unchanged
    }

    /// The inputs as a record keeps them, when each has the path of one of `recorded` and, if its
    /// stamp moved or is not to be trusted, is a regular file with the same bytes; and how many
    /// were written again (their stamps moved). Nil when one does not.
    private static func sameBytes(_ inputs: [Input], as recorded: [File]) -> (files: [File], moved: Int)? {
        let known = File.byPath(recorded)
        var files: [File] = [], moved = 0
        files.reserveCapacity(inputs.count)
        for input in inputs {
            guard let file = known[input.path] else { return nil }
            if file.stamp == input.stamp, file.settled { files.append(file); continue }
            guard input.isFile, let bytes = file.bytes, digest(of: input) == bytes else { return nil }
            files.append(File(path: input.path, stamp: input.stamp, bytes: bytes, settled: input.settled))
            if file.stamp != input.stamp { moved += 1 }
        }
        return (files, moved)
    }

    /// The digest of the bytes of each article file the last record holds settled with the stamp
    /// it has among these inputs, by its path from the content folder (`articles/x.txt`), as
    /// `StableHasher.digest` gives it: the file is unchanged since (its stamps are trusted as a
    /// build with nothing to do trusts them), and the loader need not read it to know its bytes.
    static func knownArticleDigests(_ inputs: Inputs, record: Record?) -> [String: String] {
        guard let record, record.folders == inputs.folders else { return [:] }
        let recorded = File.byPath(record.inputFiles)
        let articles = Array("/articles/".utf8)
        var known: [String: String] = [:]
        for input in inputs.entries where input.folder == 0 && input.isFile && input.settled && input.relative.starts(with: articles) {
            guard let file = recorded[input.path], file.settled, file.stamp == input.stamp, let bytes = file.bytes,
                  let path = input.relativePath else { continue }
            known[path] = StableHasher.text((bytes.first, bytes.second))
        }
        return known
    }

    /// The digest of an input file's bytes, when it still has the stamp it had among the inputs
    /// (then they are the bytes the build read): nil when it changed or cannot be read.
    static func digest(of input: Input) -> Words? {
        guard let (descriptor, info) = try? FileTree.openRegularFile(input.file, keeping: input.hasStamp) else { return nil }
        defer { close(descriptor) }
        guard let bytes = FileTree.read(Int(info.st_size), at: 0, from: descriptor) else { return nil }
        var after = stat()
        guard fstat(descriptor, &after) == 0, input.hasStamp(after) else { return nil }
        return Words(StableHasher.words(bytes))
    }

    /// Records what a build was given (`inputs`, taken before it read anything) and what it
    /// left, with the digest of each file's bytes (above): carried over from the last record
    /// (`earlier`) when its stamp did not move, the digest of the bytes the build read (`read`,
    /// by `readKey(folder:path:)`: every file it read or copied) for a file too new. Removes the
    /// last record when the inputs cannot be recorded: a file too new that the build did not read,
    /// or a file changed since the build read it.
    static func record(_ report: SiteBuilder.Report, inputs: Inputs?, earlier: Record?, read: [String: String],
                       options: SiteBuilder.Options, cache: URL) {
        let file = file(in: cache, for: options.output)
        guard let inputs, let files = recordedFiles(inputs.entries, earlier: earlier?.inputFiles ?? [], read: read) else {
            try? FileManager.default.removeItem(at: file)
            return
        }
        let record = Record(inputs: inputs.digest, output: output(options.output), articles: report.articles, pages: report.pages,
                            files: report.filesWritten, actors: report.actors, dates: report.dates, diagnostics: report.diagnostics,
                            folders: inputs.folders, inputFiles: files)
        write(record, options: options, cache: cache)
    }

    /// Writes a record; removes the last one when it cannot.
    static func write(_ record: Record, options: SiteBuilder.Options, cache: URL) {
        let file = file(in: cache, for: options.output)
        do {
            try CacheFile.write(kind, owner: options.output, to: file) { encode(record, to: &$0) }
        } catch {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The inputs as a record keeps them (`record`): each settled file's digest from `earlier`
    /// when its stamp is the same there, else the build's (`read`) when it still has the stamp
    /// taken before the build (no write since: the build read those bytes), else read (on every
    /// core); a file too new with the build's digest. Nil when a file no longer has its stamp, or
    /// one too new is not one the build tells the digest of (found before any file is read).
    private static func recordedFiles(_ inputs: [Input], earlier: [File], read: [String: String]) -> [File]? {
        @Sendable func loaded(_ input: Input) -> Words? { input.readKey.flatMap { read[$0] }.flatMap(Words.init(text:)) }
        guard inputs.allSatisfy({ $0.settled || !$0.isFile || loaded($0) != nil }) else { return nil }
        let known = File.byPath(earlier)
        let files = Parallel.map(inputs) { input -> File? in
            guard input.isFile else { return File(path: input.path, stamp: input.stamp, bytes: nil) }
            guard input.settled else { return loaded(input).map { File(path: input.path, stamp: input.stamp, bytes: $0, settled: false) } }
            if let file = known[input.path], file.stamp == input.stamp, file.settled, file.bytes != nil { return file }
            var info = stat()
            if let bytes = loaded(input), lstat(input.file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, input.hasStamp(info) {
                return File(path: input.path, stamp: input.stamp, bytes: bytes)
            }
            return digest(of: input).map { File(path: input.path, stamp: input.stamp, bytes: $0) }
        }
        guard !files.contains(where: { $0 == nil }) else { return nil }
        return files.compactMap { $0 }
    }

    static func encode(_ record: Record, to writer: inout BinaryWriter) {
        writer.string(record.inputs); writer.string(record.output)
        for count in [record.articles, record.pages, record.files, record.actors, record.dates] { writer.int(count) }
        writer.int(record.diagnostics.count)
        for diagnostic in record.diagnostics {
            writer.raw(diagnostic.severity); writer.string(diagnostic.file); writer.int(diagnostic.line ?? -1); writer.string(diagnostic.message)
        }
        writer.string(record.folders)
        writer.int(record.inputFiles.count)
        for file in record.inputFiles {
            writer.words((file.path.first, file.path.second)); writer.words((file.stamp.first, file.stamp.second))
            writer.int(file.bytes == nil ? 0 : file.settled ? 1 : 2)
            if let bytes = file.bytes { writer.words((bytes.first, bytes.second)) }
        }
    }

    static func decode(_ reader: inout BinaryReader) throws -> Record {
        let inputs = try reader.string(), output = try reader.string()
        let counts = try (0..<5).map { _ in try reader.int() }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw BinaryReader.Failure.invalid }
        let diagnostics = try (0..<reader.count()).map { _ in
            let severity = try reader.raw(Diagnostic.Severity.self), file = try reader.string(), line = try reader.int()
            return Diagnostic(severity, file: file, line: line < 0 ? nil : line, try reader.string())
        }
        let folders = try reader.string()
        let files = try (0..<reader.count()).map { _ in
            let path = Words(try reader.words()), stamp = Words(try reader.words())
            let kind = try reader.int()
            guard (0...2).contains(kind) else { throw BinaryReader.Failure.invalid }
            return File(path: path, stamp: stamp, bytes: kind == 0 ? nil : Words(try reader.words()), settled: kind != 2)
        }
        return Record(inputs: inputs, output: output, articles: counts[0], pages: counts[1], files: counts[2], actors: counts[3],
                      dates: counts[4], diagnostics: diagnostics, folders: folders, inputFiles: files)
    }
}
