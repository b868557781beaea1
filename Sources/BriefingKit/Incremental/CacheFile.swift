import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The envelope of every file in `.briefing-cache/`: the kind of cache, the generator that wrote
/// it and the directory it belongs to, then the payload, then a checksum of all of it.
///
/// `open` returns the payload only when all of that matches: a cache from another generator
/// (another version, or another build of this one), for another directory, cut short or changed
/// in any byte is not read at all.
enum CacheFile {
    static let checksumLength = 32

    /// The whole file in memory (for tests).
    static func seal(_ kind: String, owner: URL, generator: String = Generator.identity,
                     _ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        stream(kind, owner: owner, generator: generator, to: { bytes += $0 }, write)
        return bytes
    }

    /// The header, the payload and the checksum, handed to `sink` a megabyte at a time, so that
    /// a large cache is never held whole in memory.
    static func stream(_ kind: String, owner: URL, generator: String = Generator.identity, to sink: @escaping ([UInt8]) -> Void,
                       _ write: (inout BinaryWriter) -> Void) {
        let hasher = Box(StableHasher())
        var writer = BinaryWriter { chunk in
            hasher.value.combine(chunk)
            sink(chunk)
        }
        writer.string(kind)
        writer.string(generator)
        writer.string(owner.standardizedFileURL.path)
        write(&writer)
        writer.finish()
        sink(Array(hasher.value.finalize().utf8))
    }

    /// A reader over the payload, or nil.
    static func open(_ bytes: [UInt8], _ kind: String, owner: URL) -> BinaryReader? {
        open(FileBytes(copying: bytes), kind, owner: owner)
    }

    static func open(_ buffer: FileBytes, _ kind: String, owner: URL) -> BinaryReader? {
        guard buffer.count > checksumLength else { return nil }
        let end = buffer.count - checksumLength
        guard buffer.withBytes({ $0[end...].elementsEqual(StableHasher.digest(UnsafeBufferPointer(rebasing: $0[..<end])).utf8) }) else {
            return nil
        }
        var reader = BinaryReader(buffer, to: end)
        guard (try? reader.string()) == kind, (try? reader.string()) == Generator.identity,
              (try? reader.string()) == owner.standardizedFileURL.path else { return nil }
        return reader
    }

    /// A cache file's payload decoded by `decode`, which must read all of it; or nil, and why
    /// when a file was there (`what` names it in the note: "the build cache").
    static func read<T>(_ file: URL, _ kind: String, owner: URL, what: String,
                        _ decode: (inout BinaryReader) throws -> T) -> (value: T?, note: String?) {
        guard let buffer = try? FileBytes(mapping: file.path) else { return (nil, nil) }
        guard var reader = open(buffer, kind, owner: owner), let value = try? decode(&reader), reader.isAtEnd else {
            return (nil, "ignored \(what) \(file.lastPathComponent): written by another generator or damaged")
        }
        return (value, nil)
    }

    /// Why no file can be written in the cache folder, or nil when one can. The folder is made
    /// if it is not there, and a file made in it and removed: that tells a read-only file system,
    /// a folder of another user and a file in the folder's place alike.
    static func cannotWrite(in folder: URL) -> String? {
        let path = folder.standardizedFileURL.path
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        }
        // A link to a folder is followed, as the cache's files are written through it.
        guard FileTree.exists(folder, directory: true) else { return "it is not a folder" }
        let probe = path + "/.write-check-\(getpid())"
        let descriptor = Glibc.open(probe, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// Writes a cache file atomically (into a temporary file beside it, then renamed): a build
    /// killed while saving leaves the old file or none.
    static func write(_ kind: String, owner: URL, to file: URL, _ write: (inout BinaryWriter) -> Void) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = temporaryFile(for: file)
        guard manager.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            let failure = Box<Error?>(nil)
            stream(kind, owner: owner, to: { chunk in
                guard failure.value == nil else { return }
                do { try handle.write(contentsOf: chunk) } catch { failure.value = error }
            }, write)
            try handle.close()
            if let error = failure.value { throw error }
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }

    /// The file a new version of `file` is written into before it is renamed over it, beside it:
    /// `.<name>.<pid>.tmp`. What a killed build left half written there is removed first.
    static func temporaryFile(for file: URL) -> URL {
        let directory = file.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where name.hasPrefix("." + file.lastPathComponent + ".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        return directory.appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    final class Box<T> {
        var value: T
        init(_ value: T) { self.value = value }
    }

    /// `<prefix>-<16 hex digits of the directory's path>.cache`, or another suffix.
    static func name(_ prefix: String, for directory: URL, suffix: String = ".cache") -> String {
        "\(prefix)-\(StableHasher.digest(Array(directory.standardizedFileURL.path.utf8)).prefix(16))\(suffix)"
    }
}
