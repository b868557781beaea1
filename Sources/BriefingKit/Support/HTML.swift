/// HTML escaping for the few strings the generator writes into HTML itself.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities, on the UTF-8 bytes: a text without them (most are)
    /// is returned as it is. A mark after one of them does not hide it (as it would when reading
    /// characters, where `&` and a combining mark are one character).
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes { append(byte, escapedTo: &out) }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// One byte, as its entity when it is one of the five.
    @inline(__always)
    static func append(_ byte: UInt8, escapedTo out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        case UInt8(ascii: "'"): out += "&#39;".utf8
        default: out.append(byte)
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
