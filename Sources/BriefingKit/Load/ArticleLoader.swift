import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Load stage: files in `Content/articles/` → `Article` values.
///
/// The reader is picked by sniffing the content, never by the file extension. Bad input gives one
/// diagnostic naming the file and line, and never stops the other articles.
public enum ArticleLoader {
    public struct Result: Sendable {
        /// Ordered by source file path.
        public var articles: [Article]
        public var diagnostics: [Diagnostic]
        /// Every file read, with the digest of its bytes, when the caller keeps them for the next build.
        public var files: [LoadedFile] = []
        /// The source files whose earlier read was taken over, their bytes being the same.
        public var reused: Set<String> = []
    }

    /// One file as it was read: the digest of its bytes and what they gave. Reading is a function
    /// of the bytes and the path, so a file with the same digest gives the same result again.
    public struct LoadedFile: Sendable, Equatable {
        public var sourceFile: String
        public var digest: String
        public var read: ReadResult
    }

    /// Reads one file's bytes; `sourceFile` (relative to the content directory) is kept on the article.
    public static func read(bytes: [UInt8], id: String, sourceFile: String) -> ReadResult {
        let source: SourceText
        do {
            source = try SourceText(path: sourceFile, bytes: bytes)
        } catch {
            return .failed(LoadProblem(line: error.line, error.message))
        }
        if TaggedReader.sniff(source) { return TaggedReader.read(source, id: id, sourceFile: sourceFile) }
        if DatelineReader.sniff(source) { return DatelineReader.read(source, id: id, sourceFile: sourceFile) }
        if MarkdownReader.sniff(source) { return MarkdownReader.read(source, id: id, sourceFile: sourceFile) }
        return .failed(LoadProblem(line: 1, "unknown format: expected a ` date YYYY-MM-DD` line, `<TITLE>`-style tags, or `---` YAML front matter"))
    }

    /// Loads every file under `directory` (hidden files and folders skipped), in path order.
    /// - Parameter displayRoot: how the content directory is named in diagnostics (e.g. `Content`).
    /// - Parameter earlier: the files an earlier build read, by source file; one whose bytes have
    ///   the same digest is not parsed again. Given, the result lists every file read (`files`).
    public static func load(directory: URL, displayRoot: String, reusing earlier: [String: LoadedFile]? = nil) -> Result {
        // Files are read and parsed on every core; ids are then checked in path order. Their paths
        // are strings: `URL.appendingPathComponent` would ask the file system whether each is a folder.
        let root = directory.standardizedFileURL.path
        let outcomes = Parallel.map(FileTree.files(under: directory)) { relative -> (displayPath: String, result: ReadResult?, file: LoadedFile?, reused: Bool) in
            let displayPath = displayRoot + "/articles/" + relative
            let id = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
            guard !id.isEmpty else { return (displayPath, nil, nil, false) }
            guard let bytes = try? FileTree.read(path: root + "/" + relative) else {
                return (displayPath, .failed(LoadProblem(line: nil, "cannot read file")), nil, false)
            }
            let sourceFile = "articles/" + relative
            guard let earlier else { return (displayPath, read(bytes: bytes, id: id, sourceFile: sourceFile), nil, false) }
            let digest = StableHasher.digest(bytes)
            if let known = earlier[sourceFile], known.digest == digest { return (displayPath, known.read, known, true) }
            let result = read(bytes: bytes, id: id, sourceFile: sourceFile)
            return (displayPath, result, LoadedFile(sourceFile: sourceFile, digest: digest, read: result), false)
        }
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        var seenIDs: [String: String] = [:]
        for (displayPath, outcome, _, _) in outcomes {
            guard let result = outcome else { continue }
            diagnostics += result.problems.map { Diagnostic(file: displayPath, line: $0.line, $0.message) }
            guard let article = result.article else { continue }
            if let other = seenIDs[article.id] {
                let form = seenIDs.keys.contains { $0 == article.id && !$0.utf8.elementsEqual(article.id.utf8) } ? " (the same name in another Unicode form)" : ""
                diagnostics.append(Diagnostic(file: displayPath, "article id `\(article.id)` is already used by \(other)\(form); this file is skipped"))
                continue
            }
            seenIDs[article.id] = displayPath
            articles.append(article)
        }
        return Result(articles: articles, diagnostics: diagnostics, files: outcomes.compactMap(\.file),
                      reused: Set(outcomes.lazy.filter(\.reused).compactMap(\.file?.sourceFile)))
    }
}

/// Small file-system helpers shared by the stages that read directories.
public enum FileTree {
    /// Regular files under `directory`, as paths relative to it, sorted bytewise; hidden entries
    /// skipped, symbolic links neither listed nor followed (nor a `directory` that is one).
    ///
    /// Read with `readdir`, whose entries carry their type: Foundation's enumerator asked for
    /// each file's properties, which was half a second of every build of 10,000 articles.
    public static func files(under directory: URL) -> [String] {
        let root = directory.standardizedFileURL.path
        var info = stat()
        guard lstat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [] }
        var paths: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            for (name, kind) in entries(of: folder.isEmpty ? root : root + "/" + folder) where !name.hasPrefix(".") {
                let path = folder.isEmpty ? name : folder + "/" + name
                if kind == .file { paths.append(path) } else if kind == .folder { folders.append(path) }
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        var bytes: [UInt8] = []
        // One byte more than the size: a read that fills the room means the file grew since
        // `fstat`, and it is read on to its end. The room is not zeroed first (a cache file is
        // 100 MB).
        var room = Int(info.st_size) + 1
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

    public static func exists(_ url: URL, directory: Bool? = nil) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return false }
        return directory.map { $0 == isDirectory.boolValue } ?? true
    }
}
