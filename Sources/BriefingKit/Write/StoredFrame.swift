/// A page's frame as the build cache keeps it (`BuildCache.Entry.frame`): made by this build, or
/// the bytes the last build's cache file had for it, made into a `PageFrame` only when a page is
/// made from its last file (`SiteBuilder.remake`, after a template edit) and written into the next
/// cache as they are. At 10,000 articles, the 11,600 frames made on every incremental build (six
/// strings and the segments each) were 20 MB of its peak memory.
///
/// Where the content lies is read when the cache is, and checked against the file's size then;
/// the rest is read when needed, and a frame that cannot be read is none (the page is rendered whole).
public struct StoredFrame: Sendable, Equatable {
    private let form: Stored<PageFrame>
    /// Where the page's content lies in its file, in bytes.
    public let contentOffset: Int
    public let contentLength: Int

    public init(_ frame: PageFrame) {
        form = .made(frame)
        (contentOffset, contentLength) = (frame.contentOffset, frame.contentLength)
    }

    /// The frame, made; nil when its bytes cannot be read as one.
    public var frame: PageFrame? { form.value }

    public static func == (a: StoredFrame, b: StoredFrame) -> Bool { a.frame == b.frame }
}

extension StoredFrame: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { form.write(to: &writer) }

    /// Walks past the frame as `PageFrame` writes it: the content's place, the page's six fields,
    /// and four numbers for each segment.
    public init(from reader: inout BinaryReader) throws {
        var place = (offset: 0, length: 0)
        form = .read(try reader.span { reader in
            place = (try reader.int(), try reader.int())
            guard place.offset >= 0, place.length >= 0 else { throw BinaryReader.Failure.invalid }
            for _ in 0..<4 { try reader.skipString() }
            if try reader.bool() { try reader.skipString() }
            try reader.skipString()
            let segments = try reader.int()
            guard segments >= 0, segments - 1 <= place.length else { throw BinaryReader.Failure.invalid }
            for _ in 0..<segments { for _ in 0..<4 { _ = try reader.int() } }
        })
        (contentOffset, contentLength) = place
    }
}
