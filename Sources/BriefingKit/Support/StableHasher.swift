/// A 128-bit hash that is the same in every process and on every run, for cache keys. Swift's
/// `Hasher` is seeded per process, so it cannot key anything that is written to disk.
///
/// Four 64-bit lanes, each taking every fourth 8-byte word of the input, a 32-byte stripe at a
/// time, in the manner of xxHash64: the multiplications of a stripe do not wait on each other, so
/// it reads a 126 MB cache file about four times as fast as one lane would. Finished with the
/// length and the bytes of the last, unfinished stripe. Not cryptographic: it detects change, it
/// does not resist an attacker who wants two pages to collide.
public struct StableHasher: Sendable {
    private var v0: UInt64 = Self.seed &+ Self.p1 &+ Self.p2
    private var v1: UInt64 = Self.seed &+ Self.p2
    private var v2: UInt64 = Self.seed
    private var v3: UInt64 = Self.seed &- Self.p1
    /// The bytes of the stripe not yet complete, as they came (`buffered` of them).
    private var stripe: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var buffered = 0
    /// Bytes in the stripes mixed so far.
    private var length: UInt64 = 0

    private static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in combine(UnsafeRawBufferPointer(buffer)) }
        if done == nil { for byte in bytes { add(byte) } }
    }

    /// The same as byte by byte, a stripe at a time where a whole one is there. The bytes of an
    /// unfinished stripe are copied into it at once: most values hashed are a few bytes (a tag, a
    /// length, a short string), and went in one by one.
    private mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var i = 0
        if buffered != 0 || buffer.count < 32 {
            i = min(32 - buffered, buffer.count)
            withUnsafeMutableBytes(of: &stripe) { $0.baseAddress!.advanced(by: buffered).copyMemory(from: base, byteCount: i) }
            buffered += i
            guard buffered == 32 else { return }
            mix(UInt64(littleEndian: stripe.0), UInt64(littleEndian: stripe.1), UInt64(littleEndian: stripe.2), UInt64(littleEndian: stripe.3))
            buffered = 0
        }
        while i + 32 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)),
                UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)),
                UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)),
                UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        if i < buffer.count {
            withUnsafeMutableBytes(of: &stripe) { $0.baseAddress!.copyMemory(from: base + i, byteCount: buffer.count - i) }
            buffered = buffer.count - i
        }
    }

    @inline(__always)
    private mutating func add(_ byte: UInt8) {
        let at = buffered
        withUnsafeMutableBytes(of: &stripe) { $0[at] = byte }
        buffered += 1
        if buffered == 32 {
            mix(UInt64(littleEndian: stripe.0), UInt64(littleEndian: stripe.1), UInt64(littleEndian: stripe.2), UInt64(littleEndian: stripe.3))
            buffered = 0
        }
    }

    @inline(__always)
    private mutating func mix(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        v0 = Self.round(v0, w0); v1 = Self.round(v1, w1); v2 = Self.round(v2, w2); v3 = Self.round(v3, w3)
        length &+= 32
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        (lane &+ word &* p2).rotated(31) &* p1
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
        withUnsafeBytes(of: value.littleEndian) { combine($0) }
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    /// A one-byte tag that separates kinds of values (a nil, the start of a list).
    public mutating func tag(_ value: UInt8) { add(value) }

    /// 32 hexadecimal digits: `words`, the first then the second, each in 16.
    public func finalize() -> String { Self.text(words) }

    /// The text form of a digest's two numbers (`words`): what `finalize()` gives.
    public static func text(_ words: (UInt64, UInt64)) -> String { hex(words.0) + hex(words.1) }

    /// The digest as two numbers, without making its text. The first is xxHash64's ending (the
    /// lanes merged, the length, the unfinished stripe's bytes, an avalanche); the second merges
    /// the lanes and takes the bytes another way, so that it does not follow from the first.
    public var words: (UInt64, UInt64) {
        let total = length &+ UInt64(buffered)
        var h: UInt64, g: UInt64
        if length > 0 {
            h = v0.rotated(1) &+ v1.rotated(7) &+ v2.rotated(12) &+ v3.rotated(18)
            func merge(_ lane: UInt64) { h = (h ^ Self.round(0, lane)) &* Self.p1 &+ Self.p4 }
            merge(v0); merge(v1); merge(v2); merge(v3)
            g = (v0 ^ v1.rotated(23)) &* Self.p3 &+ (v2 ^ v3.rotated(43)) &* Self.p5
        } else {
            h = Self.seed &+ Self.p5
            g = Self.seed ^ Self.p3
        }
        h &+= total
        g ^= total &* Self.p2
        withUnsafeBytes(of: stripe) { tail in
            var i = 0
            while i + 8 <= buffered {
                let word = UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h ^= Self.round(0, word)
                h = h.rotated(27) &* Self.p1 &+ Self.p4
                g = (g ^ word &* Self.p3).rotated(29) &* Self.p2
                i += 8
            }
            while i < buffered {
                h ^= UInt64(tail[i]) &* Self.p5
                h = h.rotated(11) &* Self.p1
                g = (g ^ UInt64(tail[i]) &* Self.p1).rotated(13) &* Self.p4
                i += 1
            }
        }
        let x = Self.avalanche(h)
        return (x, Self.avalanche(g ^ x.rotated(32)))
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
