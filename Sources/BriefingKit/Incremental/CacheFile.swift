import Foundation

/// The envelope of every file in `.briefing-cache/`: the kind of cache, the generator that wrote
/// it and the directory it belongs to, then the payload, then a checksum of all of it.
///
/// `open` returns the payload only when all of that matches: a cache from another generator
/// (another version, or another build of this one), for another directory, cut short or changed
/// in any byte is not read at all.
enum CacheFile {
    static let checksumLength = 32

    static func seal(_ kind: String, owner: URL, generator: String = Generator.identity,
                     _ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(kind)
        writer.string(generator)
        writer.string(owner.standardizedFileURL.path)
        write(&writer)
        writer.append(StableHasher.digest(writer.bytes).utf8)
        return writer.bytes
    }

    /// A reader over the payload, or nil.
    static func open(_ bytes: [UInt8], _ kind: String, owner: URL) -> BinaryReader? {
        guard bytes.count > checksumLength else { return nil }
        let end = bytes.count - checksumLength
        guard bytes[end...].elementsEqual(StableHasher.digest(bytes[..<end]).utf8) else { return nil }
        var reader = BinaryReader(bytes, to: end)
        guard (try? reader.string()) == kind, (try? reader.string()) == Generator.identity,
              (try? reader.string()) == owner.standardizedFileURL.path else { return nil }
        return reader
    }

    /// Writes atomically: a build killed while saving leaves the old file or none.
    static func write(_ bytes: [UInt8], to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file, options: .atomic)
    }

    /// `<prefix>-<16 hex digits of the directory's path>.cache`.
    static func name(_ prefix: String, for directory: URL) -> String {
        "\(prefix)-\(StableHasher.digest(Array(directory.standardizedFileURL.path.utf8)).prefix(16)).cache"
    }
}
