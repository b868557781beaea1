/// A generated file that is not a page: `briefing.json`, the search index, the feed, the sitemap.
/// It is made when it is written, straight into the staging directory, one file at a time.
public struct DataFile: Sendable {
    public let path: String
    let make: @Sendable (ByteStream) -> Void

    init(path: String, make: @escaping @Sendable (ByteStream) -> Void) {
        self.path = path
        self.make = make
    }

    init(path: String, bytes: @escaping @Sendable () -> [UInt8]) {
        self.init(path: path) { $0.write(bytes()) }
    }

    /// The whole file in memory.
    public var bytes: [UInt8] { ByteStream.collect(make) }
}
