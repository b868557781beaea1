/// A generated file that is not a page: `briefing.json`, the search index, the feed, the sitemap.
/// It is made when it is written, straight into the staging directory, one file at a time.
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

    static let inputsVersion = "data-file-inputs 2"

    init(path: String, parts make: @escaping @Sendable (ByteStream, DataFileParts) -> Void) {
        self.path = path
        self.make = make
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
