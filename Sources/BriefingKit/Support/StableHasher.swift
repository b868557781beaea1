/// A 128-bit hash that is the same in every process and on every run, for cache keys. Swift's
/// `Hasher` is seeded per process, so it cannot key anything that is written to disk.
///
/// Two 64-bit lanes, each a multiply–rotate mix over 8-byte words (in the manner of MurmurHash and
/// xxHash), finished with the length. Not cryptographic: it detects change, it does not resist
/// an attacker who wants two pages to collide.
public struct StableHasher: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0
    private var pending: UInt64 = 0
    private var pendingBytes: UInt64 = 0

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in combine(UnsafeRawBufferPointer(buffer)) }
        if done == nil { for byte in bytes { add(byte) } }
    }

    /// The same as byte by byte, eight bytes at a time (a word is read little-endian, as `add` builds it).
    private mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        var i = 0
        while pendingBytes != 0, i < buffer.count { add(buffer[i]); i += 1 }
        while i + 8 <= buffer.count {
            pending = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            mixWord()
            i += 8
        }
        while i < buffer.count { add(buffer[i]); i += 1 }
    }

    @inline(__always)
    private mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) << (pendingBytes * 8)
        pendingBytes += 1
        if pendingBytes == 8 { mixWord() }
    }

    @inline(__always)
    private mutating func mixWord() {
        a = ((a ^ pending) &* 0x87C3_7B91_1142_53D5).rotated(31) &* 0x4CF5_AD43_2745_937F
        b = ((b ^ (pending &+ 0x5851_F42D_4C95_7F2D)) &* 0x52DC_E729_DA3E_D0F9).rotated(27) &+ a
        length &+= 8
        pending = 0
        pendingBytes = 0
    }

    /// A string, with its length first, so that "ab" + "c" and "a" + "bc" differ.
    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            combine(UInt64(utf8.count))
            combine(utf8)
        }
    }

    public mutating func combine(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    /// A one-byte tag that separates kinds of values (a nil, the start of a list).
    public mutating func tag(_ value: UInt8) { add(value) }

    /// 32 hexadecimal digits: `words`, the first then the second, each in 16.
    public func finalize() -> String {
        let (x, y) = words
        return Self.hex(x) + Self.hex(y)
    }

    /// The digest as two numbers, without making its text.
    public var words: (UInt64, UInt64) {
        var copy = self
        let total = copy.length &+ copy.pendingBytes
        if copy.pendingBytes > 0 { copy.mixWord() }
        var x = copy.a ^ total, y = copy.b ^ (total &* 0x9E37_79B9_7F4A_7C15)
        x = Self.avalanche(x &+ y)
        y = Self.avalanche(y ^ x)
        return (x, y)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var v = value
        v ^= v >> 33; v = v &* 0xFF51_AFD7_ED55_8CCD
        v ^= v >> 33; v = v &* 0xC4CE_B9FE_1A85_EC53
        v ^= v >> 33
        return v
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of some bytes, in one call.
    public static func digest(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    /// The same as two numbers (`words`), without making its text.
    public static func words(_ bytes: some Sequence<UInt8>) -> (UInt64, UInt64) {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.words
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotated(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
