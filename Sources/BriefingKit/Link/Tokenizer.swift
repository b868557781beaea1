/// A word of a text block, with its UTF-8 byte range in the block.
struct Token: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    /// Followed by `'s` or `’s` (not part of `text` nor of the range).
    var isPossessive: Bool

    var isCapitalized: Bool { text.first?.isUppercase == true }
}

/// Splits text into word tokens. Letters, digits and inner hyphens and apostrophes make a word;
/// initialisms keep their dots ("U.S."); a possessive `'s` is noted and left out of the word.
enum Tokenizer {
    static func tokens(in text: String) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            guard let (scalar, width) = decode(bytes, at: i), isWordScalar(scalar) else {
                i += max(1, decode(bytes, at: i)?.1 ?? 1)
                continue
            }
            _ = width
            let start = i
            var end = i
            var j = i
            while j < bytes.count, let (s, w) = decode(bytes, at: j) {
                if isWordScalar(s) {
                    j += w
                    end = j
                } else if s == "-" || s == "'" || s == "’" || s == ".", let (next, _) = decode(bytes, at: j + w), isWordScalar(next) {
                    if s == ".", !isInitialism(bytes, start: start, dot: j) { break }
                    j += w
                } else {
                    break
                }
            }
            // "U.S." keeps its final dot.
            if end < bytes.count, bytes[end] == UInt8(ascii: "."), isInitialism(bytes, start: start, dot: end) { end += 1 }
            var word = String(decoding: bytes[start..<end], as: UTF8.self)
            var possessive = false
            for suffix in ["'s", "’s"] where word.hasSuffix(suffix) && word.count > 2 {
                word.removeLast(2)
                end -= suffix.utf8.count
                possessive = true
            }
            if word.hasSuffix("s'") || word.hasSuffix("s’") {
                word.removeLast()
                end -= 1
                possessive = true
            }
            tokens.append(Token(text: word, start: start, end: end, isPossessive: possessive))
            i = max(j, end)
        }
        return tokens
    }

    /// A dot inside "U.S" or "a.m": single letters between dots.
    private static func isInitialism(_ bytes: [UInt8], start: Int, dot: Int) -> Bool {
        let piece = bytes[start..<dot]
        return piece.split(separator: UInt8(ascii: ".")).allSatisfy { $0.count == 1 && (($0.first! | 0x20) >= 0x61 && ($0.first! | 0x20) <= 0x7A) }
    }

    /// ASCII first: Unicode's property tables are the slowest part of tokenizing plain English.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value | 0x20
            return (scalar.value >= 0x30 && scalar.value <= 0x39) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always)
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < bytes.count else { return nil }
        if bytes[index] < 0x80 { return (Unicode.Scalar(bytes[index]), 1) }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return nil
    }
}
