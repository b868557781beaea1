/// Sentence boundaries in a paragraph, as UTF-8 byte ranges: a sentence ends at `.`, `!` or `?`
/// (with any closing quote) followed by a space, unless the full stop ends an abbreviation.
enum Sentences {
    static func ranges(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
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
                   b != UInt8(ascii: ".") || Abbreviations.kind(endingOf: String(decoding: bytes[start..<(i + 1)], as: UTF8.self)) == nil {
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
}
