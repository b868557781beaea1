/// Sentence boundaries in a paragraph, as UTF-8 byte ranges: a sentence ends at `.`, `!` or `?`
/// (with any closing quote) followed by a space, unless the full stop ends an abbreviation.
enum Sentences {
    static func ranges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8(ranges(in:))
    }

    private static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                var end = i + 1
                // Closing quotes: ” (E2 80 9D), ’ (E2 80 99), ".
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "\"") { end += 1 } else if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
                       bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 { end += 3 } else { break }
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: " "),
                   b != UInt8(ascii: ".") || !endsWithAbbreviation(bytes[start..<(i + 1)]) {
                    ranges.append(start..<end)
                    start = end + 1
                    i = end
                    continue
                }
            }
            i += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// `Abbreviations.kind(endingOf:)` of the text so far, on its bytes when its last words are
    /// ASCII (made a string only when they are not: a string of the sentence so far at every
    /// full stop was a third of finding the sentences).
    private static func endsWithAbbreviation(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if let read = Abbreviations.asciiKind(endingOf: bytes) { return read != nil }
        return Abbreviations.kind(endingOf: String(decoding: bytes, as: UTF8.self)) != nil
    }
}
