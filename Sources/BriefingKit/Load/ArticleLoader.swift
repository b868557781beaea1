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

    /// An article's id: its file's name without the extension, as Foundation's
    /// `lastPathComponent` and `deletingPathExtension` give it. Read on the bytes for an ASCII
    /// path whose name does not start with a dot (hidden files are skipped), which Foundation's
    /// path methods took 30 ms of a build for, at 10,000 articles; any other by them, which read
    /// characters (a combining accent after a slash or a dot makes it no separator).
    static func id(of relative: String) -> String {
        let utf8 = relative.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard nameStart < utf8.endIndex, utf8[nameStart] != UInt8(ascii: "."), utf8.allSatisfy({ $0 < 0x80 }) else {
            return ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        let end = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return String(decoding: utf8[nameStart..<end], as: UTF8.self)
    }

    /// Loads every file under `directory` (hidden ones, editors' backups and folders of either
    /// skipped: `FileTree.isSkipped`), in path order.
    /// - Parameter displayRoot: how the content directory is named in diagnostics (e.g. `Content`).
    /// - Parameter earlier: the files an earlier build read, in any order; one whose bytes have
    ///   the same digest as its source file's there is not parsed again. Given, the result lists
    ///   every file read (`files`).
    /// - Parameter known: the digest of a file's bytes known without reading it, by source file
    ///   (`UnchangedBuild.knownArticleDigests`): one with the digest of its earlier file is not
    ///   read at all.
    public static func load(directory: URL, displayRoot: String, reusing earlier: [LoadedFile]? = nil,
                            known: [String: String] = [:]) -> Result {
        // Files are read and parsed on every core; ids are then checked in path order. Their paths
        // are strings: `URL.appendingPathComponent` would ask the file system whether each is a folder.
        let root = directory.standardizedFileURL.path
        // Each earlier file by its position: a dictionary of the files would copy each one on one core.
        let place = earlier.map { earlier in
            Dictionary(earlier.indices.map { (earlier[$0].sourceFile, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let outcomes = Parallel.map(FileTree.files(under: directory)) { relative -> (displayPath: String, result: ReadResult?, file: LoadedFile?, reused: Bool) in
            let displayPath = displayRoot + "/articles/" + relative
            let id = Self.id(of: relative)
            guard !id.isEmpty else { return (displayPath, nil, nil, false) }
            if let earlier, let place, let digest = known["articles/" + relative], let position = place["articles/" + relative],
               earlier[position].digest == digest {
                return (displayPath, earlier[position].read, earlier[position], true)
            }
            guard let bytes = try? FileTree.read(path: root + "/" + relative) else {
                return (displayPath, .failed(LoadProblem(line: nil, "cannot read file")), nil, false)
            }
            let sourceFile = "articles/" + relative
            guard let earlier, let place else { return (displayPath, read(bytes: bytes, id: id, sourceFile: sourceFile), nil, false) }
            let digest = StableHasher.digest(bytes)
            if let position = place[sourceFile], earlier[position].digest == digest {
                return (displayPath, earlier[position].read, earlier[position], true)
            }
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
