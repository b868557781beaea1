/// Bytes made in pieces and handed on in large chunks: a file that is written as it is made, so
/// that a large one (`briefing.json` of 10,000 articles is 126 MB) never sits whole in memory.
public final class ByteStream {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let drain: ([UInt8]) -> Bool
    /// Set when `drain` failed; what follows is dropped, and the writer reports the failure.
    public private(set) var failed = false
    /// Bytes written so far, flushed or not: the offset in the file of what is written next.
    public private(set) var count = 0

    /// The file the stream drains into, when it drains into one (for `append(length:by:)`).
    public let descriptor: Int32?

    /// `drain` takes each chunk, in order; it returns false when the bytes could not be stored.
    public init(chunkSize: Int = 1 << 20, descriptor: Int32? = nil, drain: @escaping ([UInt8]) -> Bool) {
        self.chunkSize = chunkSize
        self.descriptor = descriptor
        self.drain = drain
        buffer.reserveCapacity(chunkSize)
    }

    /// `length` bytes that `copy` puts straight into the file after what is written so far (the
    /// kernel copying from another file), everything buffered handed on first; `copy` returns
    /// how many it put. False when it put none (the caller writes them otherwise); a copy that
    /// stopped half-way fails the stream, as a failed write does.
    public func append(length: Int, by copy: (Int32) -> Int) -> Bool {
        guard let descriptor else { return false }
        flush()
        guard !failed else { return false }
        let done = copy(descriptor)
        guard done > 0 || length == 0 else { return false }
        count += length
        if done != length { failed = true }
        return true
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
