/// A compact binary form for what the build cache keeps between builds: integers as variable-length
/// zigzag numbers, strings as a length and their UTF-8 bytes, lists as a count and their items.
/// It is written and read by hand, type by type (`BinaryCodable`), because `Codable` through
/// `JSONEncoder` spends more time than the work the cache saves.
///
/// The reader never trusts its input: a length past the end, a bad tag or a wrong enum value
/// throws `BinaryReader.Failure`, and the cache that held it is ignored.
public protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

/// A 32-bit number (a position in one of the cache's flat arrays) as an integer; one that does not
/// fit 32 bits is invalid.
extension Int32: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.int(Int(self)) }

    public init(from reader: inout BinaryReader) throws {
        guard let value = Int32(exactly: try reader.int()) else { throw BinaryReader.Failure.invalid }
        self = value
    }
}

/// A `Double` by its bits, as an integer: read back to the bit.
extension Double: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.int(Int(Int64(bitPattern: bitPattern))) }

    public init(from reader: inout BinaryReader) throws {
        self = Double(bitPattern: UInt64(bitPattern: Int64(try reader.int())))
    }
}

public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    /// Takes the bytes a megabyte at a time when the writer streams (to a file); nil keeps them all.
    private let sink: (([UInt8]) -> Void)?

    public init() { sink = nil }

    /// A writer that hands its bytes to `sink` in chunks; `finish()` hands on the rest.
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(1 << 20)
    }

    public mutating func finish() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if sink != nil, bytes.count >= 1 << 20 { finish() }
    }

    public mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A digest's two numbers (`StableHasher.words`), sixteen bytes.
    public mutating func words(_ value: (UInt64, UInt64)) {
        withUnsafeBytes(of: value.0.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: value.1.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        flushIfFull()
    }

    public mutating func string(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    public mutating func value(_ value: some BinaryCodable) { value.write(to: &self) }

    public mutating func value(_ value: (some BinaryCodable)?) {
        bool(value != nil)
        if let value { value.write(to: &self) }
    }

    public mutating func values(_ values: some Collection<some BinaryCodable>) {
        int(values.count)
        for value in values { value.write(to: &self) }
    }

    /// An enum by its raw value, so that reordering cases never changes what a digest is fed.
    public mutating func raw<E: RawRepresentable>(_ value: E) where E.RawValue == String { string(value.rawValue) }

    /// An enum case by its place among `allCases`: what the cache keeps of the enums it holds
    /// half a million times (a date's granularity, a block's role), which were each a string to
    /// make and match when read. A cache is read only by the executable that wrote it
    /// (`Generator.identity`), so the order of the cases cannot change in between.
    public mutating func `case`<E: CaseIterable & Equatable>(_ value: E) {
        int(E.allCases.distance(from: E.allCases.startIndex, to: E.allCases.firstIndex(of: value)!))
    }

    /// Bytes read before (`BinaryReader.span(_:)`), as they were.
    public mutating func raw(_ span: BinarySpan) {
        withExtendedLifetime(span.buffer) { bytes.append(contentsOf: span.bytes) }
        flushIfFull()
    }
}

/// A run of bytes a reader walked over without making values of them, to be read later by a
/// reader of its own (`BinaryReader(_:)`) or written again as they are (`BinaryWriter.raw(_:)`).
/// It shares the buffer it was read from.
public struct BinarySpan: Sendable {
    let buffer: FileBytes
    let range: Range<Int>

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer.bytes[range]) }
}

/// What `BinaryReader` and `ByteWalker` read alike: numbers, counts, flags, and past strings.
protocol ByteCursor {
    var position: Int { get set }
    var end: Int { get }
    func byte(at position: Int) -> UInt8
}

extension ByteCursor {
    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw BinaryReader.Failure.truncated }
            let byte = byte(at: position)
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        return Int(value)
    }

    /// A count of items that must each take at least one byte: a damaged count fails here,
    /// instead of reserving memory for billions of items.
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= end - position else { throw BinaryReader.Failure.invalid }
        return count
    }

    mutating func bool() throws -> Bool {
        guard position < end else { throw BinaryReader.Failure.truncated }
        defer { position += 1 }
        switch byte(at: position) {
        case 0: return false
        case 1: return true
        default: throw BinaryReader.Failure.invalid
        }
    }

    /// Past a string, without its bytes looked at.
    mutating func skipString() throws { position += try count() }
}

/// A reader of bytes in place (`BinaryReader.walking(_:)`), for a walk that only looks at them
/// (`PageLinks.walk`): it passes strings without a slice of the array made, retained and
/// released for each, as a `BinaryReader` would.
struct ByteWalker: ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    let end: Int

    func byte(at position: Int) -> UInt8 { bytes[position] }

    /// A string's UTF-8 bytes, in place (valid while the walk lasts), read past.
    mutating func stringBytes() throws -> UnsafeRawBufferPointer {
        let length = try count()
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
    }
}

public struct BinaryReader: ByteCursor {
    public enum Failure: Error { case truncated, invalid }

    /// The bytes read, kept alive by `buffer`: read in place, each string made straight from them.
    private let buffer: FileBytes
    private let bytes: UnsafeBufferPointer<UInt8>
    public internal(set) var position: Int
    /// Where reading stops: the bytes after it are not the reader's.
    public let end: Int
    /// A string that recurs in what is read next (an article's id, in each of its half-hundred
    /// mentions): `string()` gives this very string, its storage shared, when the bytes are its
    /// bytes, instead of making a new one each time.
    public var recurring: String? {
        didSet { recurringBytes = recurring.map { Array($0.utf8) } ?? [] }
    }
    private var recurringBytes: [UInt8] = []

    /// A reader of a copy of `bytes`.
    public init(_ bytes: [UInt8], from position: Int = 0, to end: Int? = nil) {
        self.init(FileBytes(copying: bytes), from: position, to: end)
    }

    /// A reader of `buffer`'s bytes from `position` to `end` (kept inside them: the bytes are
    /// read in place, and every read checks that it stays before `end`).
    public init(_ buffer: FileBytes, from position: Int = 0, to end: Int? = nil) {
        self.buffer = buffer
        bytes = buffer.bytes
        self.end = max(0, min(end ?? buffer.count, buffer.count))
        self.position = max(0, position)
    }

    /// A reader of the bytes a span holds.
    public init(_ span: BinarySpan) {
        self.init(span.buffer, from: span.range.lowerBound, to: span.range.upperBound)
    }

    public var isAtEnd: Bool { position == end }

    func byte(at position: Int) -> UInt8 { bytes[position] }

    /// `body` reads the same bytes in place, from where this reader is; this reader goes on from
    /// where it stopped.
    mutating func walking<R>(_ body: (inout ByteWalker) throws -> R) throws -> R {
        var walker = ByteWalker(bytes: UnsafeRawBufferPointer(bytes), position: position, end: end)
        let result = try withExtendedLifetime(buffer) { try body(&walker) }
        position = walker.position
        return result
    }

    /// The bytes `walk` reads, as a span (the walk checks them; no value need be made).
    public mutating func span(_ walk: (inout BinaryReader) throws -> Void) throws -> BinarySpan {
        let start = position
        try walk(&self)
        return BinarySpan(buffer: buffer, range: start..<position)
    }

    public mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        let read = UnsafeBufferPointer(rebasing: bytes[position..<(position + length)])
        return withExtendedLifetime(buffer) {
            if let recurring, length == recurringBytes.count, isRecurring(read) { return recurring }
            return String(decoding: read, as: UTF8.self)
        }
    }

    /// Whether these bytes are the recurring string's, compared by `memcmp`: the generic
    /// `elementsEqual` of a slice and an array went byte by byte, through iterators, and was a
    /// tenth of the memo's decoding (half a million mentions carry their article's id).
    private func isRecurring(_ read: UnsafeBufferPointer<UInt8>) -> Bool {
        recurringBytes.withUnsafeBufferPointer { ByteSearch.same(read, $0) }
    }

    /// A digest's two numbers, as `BinaryWriter.words(_:)` wrote them.
    public mutating func words() throws -> (UInt64, UInt64) {
        guard end - position >= 16 else { throw Failure.truncated }
        defer { position += 16 }
        return withExtendedLifetime(buffer) {
            let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[position..<(position + 16)]))
            return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }

    public mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    public mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// Strings read before, by their text: `internedStrings` gives each text one copy.
    private var interned: [String: String] = [:]

    /// Strings that recur across the values read (the site paths every page links to): each text
    /// is kept once, however many times it is read, as a build that makes them keeps it once.
    public mutating func internedStrings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let value = try string()
            if let known = interned[value] {
                values.append(known)
            } else {
                interned[value] = value
                values.append(value)
            }
        }
        return values
    }

    public mutating func value<T: BinaryCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    public mutating func optional<T: BinaryCodable>(_: T.Type = T.self) throws -> T? {
        try bool() ? try T(from: &self) : nil
    }

    public mutating func values<T: BinaryCodable>(_: T.Type = T.self) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    public mutating func raw<E: RawRepresentable>(_: E.Type = E.self) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try string()) else { throw Failure.invalid }
        return value
    }

    /// An enum case written by `BinaryWriter.case(_:)`.
    public mutating func `case`<E: CaseIterable>(_: E.Type = E.self) throws -> E {
        let place = try int(), cases = E.allCases
        guard place >= 0, place < cases.count else { throw Failure.invalid }
        return cases[cases.index(cases.startIndex, offsetBy: place)]
    }
}
