import Foundation

/// Stable ASCII slugs for file names and URLs.
///
/// A slug keeps ASCII letters, digits, `-` and `_`; other scripts are transliterated to Latin and
/// letters lose their accents ("Śmigły" becomes "smigly"); everything else becomes `-`. Slugs are lower case so that
/// two pages never collide on a case-insensitive file system. Long names are cut and given a short
/// checksum of the original so they stay unique. A slug is never a name that a folder's list page
/// uses (`index`) or that Windows reserves for a device (`con`, `nul`, `com1`, …): those get `-1`.
public enum Slug {
    public static let maximumLength = 80
    public static let reserved: Set<String> = Set(["index", "con", "prn", "aux", "nul"]
        + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    public static func make(_ text: String, fallback: String = "item") -> String {
        // ASCII is what the transliteration and the decomposition make of it (`SlugTests` checks):
        // most slugs are made from ASCII (every article's file name), and ICU took 10 µs a slug.
        // Other text is transliterated and decomposed, its marks dropped, and what is still not
        // ASCII separates words as a space does.
        var out = text.utf8.allSatisfy { $0 < 0x80 } ? words(text.utf8) : words(latinFolded(text).unicodeScalars.lazy
            .filter { $0.properties.generalCategory != .nonspacingMark }
            .map { $0.value < 0x80 ? UInt8($0.value) : UInt8(ascii: " ") })
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = fallback }
        if out.utf8.count > maximumLength {
            let checksum = String(fnv1a(text) & 0xFFFF_FFFF, radix: 16)
            out = String(out.prefix(maximumLength - checksum.count - 1)) + "-" + checksum
        }
        if reserved.contains(out) { out += "-1" }
        return out
    }

    /// ASCII bytes to a slug's words: letters (lower-cased), digits and `_` kept, every run of
    /// anything else one `-`, none first. On the bytes, not scalars: every article's page name is
    /// made from its id each build, and asking each scalar for its general category was most of
    /// the time.
    private static func words(_ text: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.underestimatedCount)
        var lastWasDash = true
        for byte in text {
            if UTF8Bytes.isASCIIWordByte(byte) || byte == 0x5F {
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                lastWasDash = false
            } else if !lastWasDash {
                bytes.append(UInt8(ascii: "-"))
                lastWasDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ICU transliteration, then compatibility decomposition: "Śmigły" → "Smigły" → "Smigly" (the
    /// marks are dropped by `make`), "Зеленський" → "Zelens'kij", "北京" → "bei jing".
    static func latinFolded(_ text: String) -> String {
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
        return latin.decomposedStringWithCompatibilityMapping
    }

    /// FNV-1a over UTF-8: a small, stable hash (Swift's `Hasher` is seeded per process).
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Gives each key a slug that no other key has, in the order given: the first keeps the plain
    /// slug, later ones get `-2`, `-3`, ….
    public static func unique<Key: Hashable>(_ items: [(key: Key, text: String)]) -> [Key: String] {
        var taken = Set<String>()
        var result: [Key: String] = [:]
        for item in items {
            let base = make(item.text)
            var candidate = base
            var n = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            taken.insert(candidate)
            result[item.key] = candidate
        }
        return result
    }
}

