/// A word of a text block, with its UTF-8 byte range in the block.
struct Token: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    /// Followed by `'s` or `’s` (not part of `text` nor of the range).
    var isPossessive: Bool

    /// The first character is upper case; an ASCII letter is read from its byte, without Unicode's
    /// property tables (a character that starts with an ASCII byte and is more than that byte,
    /// such as "E" with a combining accent, is read as a character).
    var isCapitalized: Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        // Two ASCII scalars never make one character: the first is the whole first character.
        if first < 0x80, utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true {
            return first >= 0x41 && first <= 0x5A
        }
        return text.first?.isUppercase == true
    }
}

/// Splits text into word tokens. Letters, digits and inner hyphens and apostrophes make a word;
/// initialisms keep their dots ("U.S."), and a name its closing plus ("OPEC+"); a possessive
/// `'s` is noted and left out of the word.
enum Tokenizer {
    static func tokens(in text: String) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        forEachWord(in: bytes) { start, end in
            // A possessive `'s`, then `’s`, read on the bytes: an apostrophe is in a word only
            // before a letter, so there is always a letter before it.
            var end = end
            var possessive = false
            if end - start > 2, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
                end -= 2
                possessive = true
            }
            if end - start > 4, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 {
                end -= 4
                possessive = true
            }
            tokens.append(Token(text: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end, isPossessive: possessive))
        }
        return tokens
    }

    /// Calls `body` with the byte range of each word, possessive included.
    static func forEachWord(in bytes: [UInt8], _ body: (_ start: Int, _ end: Int) -> Void) {
        bytes.withUnsafeBufferPointer { forEachWord(in: $0, body) }
    }

    /// The same on the bytes in place: every block is read so, twice a build (discovery and dates
    /// share their reading; mentions read again).
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Void) {
        var i = 0
        while i < bytes.count {
            guard let (scalar, _) = decode(bytes, at: i), UTF8Bytes.isWordScalar(scalar) else {
                i += max(1, decode(bytes, at: i)?.1 ?? 1)
                continue
            }
            let start = i
            var end = i
            var j = i
            while j < bytes.count, let (s, w) = decode(bytes, at: j) {
                if UTF8Bytes.isWordScalar(s) {
                    j += w
                    end = j
                } else if s == "-" || s == "'" || s == "’" || s == ".", let (next, _) = decode(bytes, at: j + w), UTF8Bytes.isWordScalar(next) {
                    if s == ".", !isInitialism(bytes, start: start, dot: j) { break }
                    j += w
                } else {
                    break
                }
            }
            // "U.S." keeps its final dot.
            if end < bytes.count, bytes[end] == UInt8(ascii: "."), isInitialism(bytes, start: start, dot: end) { end += 1 }
            // "OPEC+", "Disney+": a plus or two that end a word are the name's, so that "OPEC+"
            // and "OPEC" can be two actors. Not before a word or a number ("5+3").
            if end == j {
                var plus = end
                while plus < bytes.count, plus - end < 2, bytes[plus] == UInt8(ascii: "+") { plus += 1 }
                if plus > end, plus == bytes.count || decode(bytes, at: plus).map({ !UTF8Bytes.isWordScalar($0.0) && $0.0 != "+" }) ?? true {
                    end = plus
                    j = plus
                }
            }
            body(start, end)
            i = max(j, end)
        }
    }

    /// A dot inside "U.S" or "a.m": single letters between dots.
    private static func isInitialism(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, dot: Int) -> Bool {
        // Every other byte a letter, every other a dot, from the start to the dot: "U.S", "a.m".
        guard (dot - start) % 2 == 1 else { return false }
        for k in start..<dot where (k - start) % 2 == 0 ? !UTF8Bytes.isASCIILetter(bytes[k]) : bytes[k] != UInt8(ascii: ".") {
            return false
        }
        return true
    }

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < bytes.count else { return nil }
        if bytes[index] < 0x80 { return (Unicode.Scalar(bytes[index]), 1) }
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return nil
    }
}
