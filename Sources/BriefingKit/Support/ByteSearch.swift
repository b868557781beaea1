import Foundation

/// Whether a run of bytes occurs in a text, exactly or without regard to ASCII case; where a byte
/// is first.
enum ByteSearch {
    /// Where `byte` is first in `bytes` from `start`, or nil: `memchr`, which reads many bytes at a
    /// time, for the searches that run over every page or every file of a build.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, Int32(byte), bytes.count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the run `needle` (not empty) is first in `bytes` from `start`, or nil: `memmem`, which
    /// skips ahead by more than a byte where the needle cannot start (the first byte found by
    /// `memchr` and the rest compared by `memcmp` stopped at every space of a page for ` id="`).
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, start >= 0, start + needle.count <= bytes.count, let base = bytes.baseAddress else { return nil }
        if let memmem {
            return memmem(base + start, bytes.count - start, needle.baseAddress, needle.count)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        var at = start
        while at + needle.count <= bytes.count, let found = firstIndex(of: first, in: bytes, from: at) {
            guard found + needle.count <= bytes.count else { return nil }
            if same(UnsafeBufferPointer(rebasing: bytes[found..<(found + needle.count)]), needle) { return found }
            at = found + 1
        }
        return nil
    }

    /// glibc's `memmem`, looked up at run time: a GNU extension, which Glibc's Swift module does not
    /// declare. Elsewhere the first byte is found by `memchr` and the rest compared by `memcmp`.
    private typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?
    private static let memmem: MemMem? = {
        #if canImport(Glibc)
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem").map { unsafeBitCast($0, to: MemMem.self) }
        #else
        nil
        #endif
    }()

    static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { firstIndex(of: $0, in: bytes, from: start) }
    }

    /// Whether two runs of bytes are the same, by `memcmp` (which compares many bytes at a time).
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// Whether `needle` occurs in `haystack`: exactly by `memmem`; folding case, at each place
    /// `memchr` finds its first byte in either case, the rest compared folded. A walk over every
    /// byte took 7% of an incremental build after a gazetteer edit (`NamingTable.Changes.touch`
    /// looks for the changed names in every article).
    /// - Parameter foldingCase: `needle` is lower case, and ASCII letters of the text match it in
    ///   either case.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], foldingCase: Bool) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        guard foldingCase else { return firstIndex(of: needle, in: haystack) != nil }
        let upper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        let last = haystack.count - needle.count
        var lower = firstIndex(of: first, in: haystack), capital = upper == first ? nil : firstIndex(of: upper, in: haystack)
        while true {
            let at: Int
            switch (lower, capital) {
            case let (lower?, capital?): at = min(lower, capital)
            case let (lower?, nil): at = lower
            case let (nil, capital?): at = capital
            case (nil, nil): return false
            }
            guard at <= last else { return false }
            var k = 1
            while k < needle.count {
                let byte = haystack[at + k]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == needle[k] else { break }
                k += 1
            }
            if k == needle.count { return true }
            if lower == at { lower = firstIndex(of: first, in: haystack, from: at + 1) }
            if capital == at { capital = firstIndex(of: upper, in: haystack, from: at + 1) }
        }
    }
}
