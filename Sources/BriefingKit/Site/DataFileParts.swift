import Foundation

/// The keyed parts of a data file: the ones the last build wrote (to copy), and the ones this
/// build writes (to remember for the next). A maker asks `earlierPart(_:)` whether there is one
/// before making a part, `copy`s it into its stream if so, and `record`s each keyed part it
/// writes, with its place in the file.
///
/// The last build's bytes come from its file in the output directory, which the Write stage
/// opens only when its size and time are still the ones the build cache remembers; a part
/// whose bytes cannot be read whole is made again. Without a cache nothing is ever copied.
public final class DataFileParts: @unchecked Sendable {
    public struct Part: Sendable, Equatable {
        public var key: String
        /// Byte range in the file.
        public var offset: Int
        public var length: Int
        /// A number the maker keeps with the part (the search index: the part's first document).
        public var extra: Int = 0
    }

    private let earlierParts: [String: Part]
    private let read: (@Sendable (Part) -> [UInt8]?)?
    private let copyPart: (@Sendable (Part, ByteStream) -> Bool)?
    private let lock = NSLock()
    private var written: [Part] = []
    private var copiedCount = 0

    /// No earlier file: every part is made.
    public convenience init() { self.init(earlier: [], read: nil) }

    /// `read` gives the bytes of one of the `earlier` parts, or nil when it cannot; `copy`, when
    /// given, puts them straight into a stream's file (`ByteStream.copy(_:from:)`), or
    /// says it could not.
    public init(earlier: [Part], read: (@Sendable (Part) -> [UInt8]?)?, copy: (@Sendable (Part, ByteStream) -> Bool)? = nil) {
        earlierParts = Dictionary(earlier.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.read = read
        copyPart = copy
    }

    /// Writes the last build's part with this key into the stream, by the kernel when it can:
    /// false (nothing written) when there is no such part or it cannot be read whole.
    public func copy(_ key: String, into stream: ByteStream) -> Bool {
        guard let part = earlierPart(key) else { return false }
        if copyPart?(part, stream) != true {
            guard let bytes = readBack(key) else { return false }
            stream.write(bytes)
        }
        lock.lock(); defer { lock.unlock() }
        copiedCount += 1
        return true
    }

    /// The last build's part with this key, if there was one.
    public func earlierPart(_ key: String) -> Part? { read == nil ? nil : earlierParts[key] }

    /// The bytes of the last build's part with this key, when they can be read whole (safe from
    /// any thread); reading one back is not copying it (not counted in `copied`).
    public func readBack(_ key: String) -> [UInt8]? {
        guard let part = earlierPart(key), let bytes = read?(part), bytes.count == part.length else { return nil }
        return bytes
    }

    /// How many parts were copied from the last build's file.
    public var copied: Int {
        lock.lock(); defer { lock.unlock() }
        return copiedCount
    }

    /// Remembers a part this build wrote, in file order.
    public func record(_ part: Part) {
        lock.lock(); defer { lock.unlock() }
        written.append(part)
    }

    /// The parts this build wrote, in file order.
    public var parts: [Part] {
        lock.lock(); defer { lock.unlock() }
        return written
    }
}
