/// Bytes made in pieces and handed on in large chunks: a file that is written as it is made, so
/// that a large one (`briefing.json` of 10,000 articles is 240 MB) never sits whole in memory.
public final class ByteStream {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let drain: ([UInt8]) -> Bool
    /// Set when `drain` failed; what follows is dropped, and the writer reports the failure.
    public private(set) var failed = false
    /// Bytes written so far, flushed or not: the offset in the file of what is written next.
    public private(set) var count = 0

    /// `drain` takes each chunk, in order; it returns false when the bytes could not be stored.
    public init(chunkSize: Int = 1 << 20, drain: @escaping ([UInt8]) -> Bool) {
        self.chunkSize = chunkSize
        self.drain = drain
        buffer.reserveCapacity(chunkSize)
    }

    public func write(_ text: String) {
        count += text.utf8.count
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { flush() }
    }

    public func write(_ bytes: [UInt8]) {
        count += bytes.count
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands on what is buffered; call once at the end.
    public func flush() {
        guard !buffer.isEmpty else { return }
        if !failed && !drain(buffer) { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything a maker writes, in memory (for tests and small files).
    public static func collect(_ make: (ByteStream) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        let stream = ByteStream { bytes.append(contentsOf: $0); return true }
        make(stream)
        stream.flush()
        return bytes
    }
}
