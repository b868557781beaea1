import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A build with nothing to do: no file below the content and template folders has changed since
/// the last build with the cache, and the output directory is as that build left it. Its site is
/// then the output as it is, and the build only tells what the last one told (its counts and
/// warnings), without reading an article, the memo or the build cache: at 10,000 articles
/// 0.07 s and 32 MiB instead of 0.9 s and 470 MiB.
///
/// A file is known unchanged by its stamps, not its bytes: its size, inode, and modification and
/// change times. Any write moves the change time, which no program can set back, so a build
/// started after a file's last write sees it. A build records its inputs only when every one of
/// them is older than `settled`: a file written in the same tick of the file system's clock as
/// the build started, after the build read it, would otherwise keep the times recorded. The output
/// directory is held to every entry's path, kind, size, inode and modification time (not the
/// change time: unlinking another link to a file of the site moves it). A record is a cache file
/// (`CacheFile`): written by another generator, for another output directory, or damaged, it is
/// not read.
enum UnchangedBuild {
    static let kind = "unchanged-build 1"
    /// How old, in nanoseconds, every input must be for a build to record them.
    static let settled: Int64 = 2_000_000_000

    /// What a build was given and what it left, and what it told.
    struct Record: Equatable {
        var inputs: String
        var output: String
        var articles: Int, pages: Int, files: Int, actors: Int, dates: Int
        var diagnostics: [Diagnostic]
    }

    static func file(in cache: URL, for output: URL) -> URL {
        cache.appendingPathComponent(CacheFile.name("unchanged", for: output))
    }

    /// The stamps of every file a build reads (the files `FileTree.files` lists in the content
    /// and template folders), with the folders as the options give them and as messages name
    /// them; nil when one was written less than `settled` ago.
    static func inputs(_ options: SiteBuilder.Options) -> String? {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let newest = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - settled
        var hasher = StableHasher()
        for root in [options.content, options.templates] {
            let path = root.standardizedFileURL.path
            guard let stamps = TreeStamps.digest(of: path, hidden: false, changeTimes: true, newest: newest) else { return nil }
            hasher.combine(path); hasher.combine(options.display(root))
            hasher.combine(stamps.0); hasher.combine(stamps.1)
        }
        hasher.combine(options.output.standardizedFileURL.path)
        return hasher.finalize()
    }

    /// Every entry below the output directory, hidden ones too: its path, kind, and for a file
    /// its size, inode and modification time.
    static func output(_ directory: URL) -> String {
        let stamps = TreeStamps.digest(of: directory.standardizedFileURL.path, hidden: true, changeTimes: false) ?? (0, 0)
        return StableHasher.text(stamps)
    }

    /// The last build's record, when the inputs are the ones it was given and the output the one
    /// it left.
    static func unchanged(_ options: SiteBuilder.Options, inputs: String?, cache: URL) -> Record? {
        guard let inputs,
              let record = CacheFile.read(file(in: cache, for: options.output), kind, owner: options.output, what: "record",
                                          decode).value,
              record.inputs == inputs, FileTree.isFolder(options.output.path), record.output == output(options.output) else {
            return nil
        }
        return record
    }

    /// Records what a build was given (`inputs`, taken before it read anything) and what it
    /// left; with no inputs, removes the last record.
    static func record(_ report: SiteBuilder.Report, inputs: String?, options: SiteBuilder.Options, cache: URL) {
        let file = file(in: cache, for: options.output)
        guard let inputs else { try? FileManager.default.removeItem(at: file); return }
        let record = Record(inputs: inputs, output: output(options.output), articles: report.articles, pages: report.pages,
                            files: report.filesWritten, actors: report.actors, dates: report.dates, diagnostics: report.diagnostics)
        do {
            try CacheFile.write(kind, owner: options.output, to: file) { encode(record, to: &$0) }
        } catch {
            try? FileManager.default.removeItem(at: file)
        }
    }

    static func encode(_ record: Record, to writer: inout BinaryWriter) {
        writer.string(record.inputs); writer.string(record.output)
        for count in [record.articles, record.pages, record.files, record.actors, record.dates] { writer.int(count) }
        writer.int(record.diagnostics.count)
        for diagnostic in record.diagnostics {
            writer.raw(diagnostic.severity); writer.string(diagnostic.file); writer.int(diagnostic.line ?? -1); writer.string(diagnostic.message)
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
        return Record(inputs: inputs, output: output, articles: counts[0], pages: counts[1], files: counts[2], actors: counts[3],
                      dates: counts[4], diagnostics: diagnostics)
    }
}
