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

    /// The file the stream drains into, when it drains into one (for `copy(_:from:)`).
    public let descriptor: Int32?

    /// A run of another file to copy after what is buffered, not copied yet (`copy(_:from:)`),
    /// and what was written after it, held until the next run tells whether it is the file's too.
    private var run: (source: CopySource, range: Range<Int>)?
    private var tail: [UInt8] = []
    /// Past this many bytes written after a run, the run is copied and they are buffered.
    private static let longestTail = 1 << 16

    /// `drain` takes each chunk, in order; it returns false when the bytes could not be stored.
    public init(chunkSize: Int = 1 << 20, descriptor: Int32? = nil, drain: @escaping ([UInt8]) -> Bool) {
        self.chunkSize = chunkSize
        self.descriptor = descriptor
        self.drain = drain
        buffer.reserveCapacity(chunkSize)
    }

    /// The bytes of `range` in `source`, put into the file after what is written so far by the
    /// kernel, without coming up to the program (or, for a stream into no file, as bytes). The
    /// copy waits for what follows: when the next run comes from the same file and what was
    /// written in between is what the file has between the two, the two are copied as one (a
    /// data file's unchanged parts, each article's, are most often copied as a few long runs
    /// with the separators between them: one call of the kernel for 20,000 parts took a third
    /// of the time of one call each). False, with nothing written, when the file does not reach
    /// to the range's end.
    public func copy(_ range: Range<Int>, from source: CopySource) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= source.count else { return false }
        if let run, run.source === source, run.range.upperBound + tail.count == range.lowerBound,
           source.holds(tail, at: run.range.upperBound) {
            self.run = (source, run.range.lowerBound..<range.upperBound)
            tail.removeAll(keepingCapacity: true)
        } else {
            settle()
            run = (source, range)
        }
        count += range.count
        return true
    }

    /// Copies the waiting run, after what is buffered; what was written after it is buffered then.
    private func settle() {
        guard let (source, range) = run else { return }
        run = nil
        flushBuffer()
        if !failed {
            // Into the file by the kernel; into no file, as bytes.
            let copied = descriptor.map { source.copy(range, to: $0) == range.count } ?? source.read(range).map(drain) ?? false
            if !copied { failed = true }
        }
        buffer.append(contentsOf: tail)
        tail.removeAll(keepingCapacity: true)
        if buffer.count >= chunkSize { flushBuffer() }
    }

    public func write(_ text: String) {
        count += text.utf8.count
        append(text.utf8)
    }

    public func write(_ bytes: [UInt8]) {
        count += bytes.count
        append(bytes)
    }

    private func append(_ bytes: some Collection<UInt8>) {
        guard run == nil else {
            tail.append(contentsOf: bytes)
            if tail.count > Self.longestTail { settle() }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flushBuffer() }
    }

    /// Hands on what is buffered, and copies a waiting run; call once at the end.
    public func flush() {
        settle()
        flushBuffer()
    }

    private func flushBuffer() {
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
