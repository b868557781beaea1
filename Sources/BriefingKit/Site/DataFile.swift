/// A generated file that is not a page: `briefing.json`, the search index, the feed, the sitemap.
/// It is made when it is written, straight into the staging directory, one file at a time.
///
/// A file that only the files derived from it are made from (the whole search index, which the
/// site publishes split) is not `published`: once they are made, it goes to the build cache's
/// folder for the next build to copy parts from (`StagedSite.stash`), or is deleted.
///
/// A large one is made of parts known by a key (an article's entry, keyed by the article's
/// digest): an incremental build copies a part whose key it finds in the last build's file
/// instead of making it again (`DataFileParts`).
public struct DataFile: Sendable {
    public let path: String
    let make: @Sendable (ByteStream, DataFileParts) -> Void
    /// A digest of everything the file is made from (the generator, the settings, the whole
    /// graph: `GraphDigest`), when there is one: a build that finds the same digest and the
    /// same file in the output keeps the file whole, without making it.
    var inputs: String?
    /// Files made from this one's bytes once it is written, all in `folder` (the search index's
    /// split, `SearchShards`): kept with it when it is kept whole, made again from it otherwise.
    var derived: Derived?
    /// Whether the file is part of the site; false for one published only as its derived files.
    public var published = true

    struct Derived: Sendable {
        let folder: String
        /// Hands each file to the writer as it is made, and says how far through the bytes it is
        /// (`done`: the bytes before will not be read again); false when the bytes cannot be split
        /// or the writer says it failed (then there are none).
        let make: @Sendable (_ bytes: UnsafeBufferPointer<UInt8>, _ done: (Int) -> Void, _ write: (String, [UInt8]) -> Bool) -> Bool
    }

    static let inputsVersion = "data-file-inputs 2"

    init(path: String, parts make: @escaping @Sendable (ByteStream, DataFileParts) -> Void, derived: Derived? = nil,
         published: Bool = true) {
        self.path = path
        self.make = make
        self.derived = derived
        self.published = published
    }

    init(path: String, make: @escaping @Sendable (ByteStream) -> Void) {
        self.init(path: path, parts: { stream, _ in make(stream) })
    }

    init(path: String, bytes: @escaping @Sendable () -> [UInt8]) {
        self.init(path: path) { $0.write(bytes()) }
    }

    /// The whole file in memory, every part made.
    public var bytes: [UInt8] { ByteStream.collect { make($0, DataFileParts()) } }
}
