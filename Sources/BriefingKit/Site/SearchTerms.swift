/// The terms of the search index as `SearchIndex.write` writes them: `"term":"gaps"` pairs of JSON
/// strings, separated by commas. Read back twice: split into parts by first letter
/// (`SearchShards`), and decoded into postings for an incremental build (`parseTerms`); both
/// read them with this one scanner.
enum SearchTerms {
    /// One pair: each range covers its JSON string, quotes included.
    struct Entry {
        var key: Range<Int>
        /// Whether the key holds an escape (then it is decoded as JSON, not taken as it is).
        var keyEscaped: Bool
        var value: Range<Int>
    }

    /// Hands each pair in `bytes[start..<end]` to `body`, in order; false when the bytes are not
    /// such pairs, or `body` returns false.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil, _ body: (Entry) -> Bool) -> Bool {
        let end = min(end ?? bytes.count, bytes.count)
        var i = start
        while i < end {
            if i > start {
                guard bytes[i] == UInt8(ascii: ",") else { return false }
                i += 1
            }
            guard let (keyEnd, escaped) = stringEnd(bytes, from: i, to: end), keyEnd < end, bytes[keyEnd] == UInt8(ascii: ":"),
                  let (valueEnd, _) = stringEnd(bytes, from: keyEnd + 1, to: end),
                  body(Entry(key: i..<keyEnd, keyEscaped: escaped, value: (keyEnd + 1)..<valueEnd))
            else { return false }
            i = valueEnd
        }
        return true
    }

    /// The index just past the JSON string that starts at `start` (a quote), and whether it holds
    /// an escape; nil when there is none before `end`.
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (end: Int, escaped: Bool)? {
        guard start < end, bytes[start] == UInt8(ascii: "\"") else { return nil }
        var i = start + 1, escaped = false
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "\\"): escaped = true; i += 2
            case UInt8(ascii: "\""): return (i + 1, escaped)
            default: i += 1
            }
        }
        return nil
    }
}
