import Foundation

/// JSON written piece by piece, byte for byte as `JSONEncoder` writes it with sorted keys and
/// unescaped slashes, without spaces: large data files are streamed one entry at a time
/// (`ByteStream`), each entry of their arrays on a line of its own.
enum JSONText {
    private static let compact: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as `JSONEncoder` writes it, on one line (JSON strings hold no raw newlines).
    static func compact<T: Encodable>(_ value: T) -> String {
        // Encoding plain strings and numbers cannot fail.
        (try? compact.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Writes `"key":[` and the `count` items, one a line, as a member of the top-level object:
    /// made and encoded on every core, a batch at a time, and written in order.
    static func entries<T: Encodable & SendableMetatype>(_ key: String, count: Int, last: Bool, to stream: ByteStream,
                                                         _ item: @Sendable (Int) -> T) {
        entries(key, count: count, last: last, to: stream, text: { compact(item($0)) })
    }

    /// The same, with each item's text (as `compact(_:)` would write it) made by `text`.
    static func entries(_ key: String, count: Int, last: Bool, to stream: ByteStream, text: @Sendable (Int) -> String) {
        entries(key, count: count, last: last, to: stream, parts: DataFileParts(), partKey: { _ in nil }, text: text)
    }

    /// The same, each item a part of the data file under `partKey` (nil: no key, always made):
    /// an item whose key the last build's file has is copied from it, not made.
    ///
    /// Taking out the newlines gives `JSONEncoder`'s compact text of the whole file.
    static func entries(_ key: String, count: Int, last: Bool, to stream: ByteStream, parts: DataFileParts,
                        partKey: @Sendable (Int) -> String?, text: @Sendable (Int) -> String) {
        stream.write(string(key) + ":[\n")
        var n = 0
        Parallel.forEachInOrder(count, { n -> (n: Int, key: String?, made: String?) in
            let key = partKey(n)
            if let key, parts.earlierPart(key) != nil { return (n, key, nil) }
            return (n, key, text(n))
        }) { item in
            if n > 0 { stream.write(",\n") }
            n += 1
            let offset = stream.count
            if let made = item.made { stream.write(made) } else if !parts.copy(item.key!, into: stream) { stream.write(text(item.n)) }
            if let key = item.key { parts.record(DataFileParts.Part(key: key, offset: offset, length: stream.count - offset)) }
        }
        stream.write(n > 0 ? "\n]" : "]")
        stream.write(last ? "\n" : ",\n")
    }

    /// A JSON string literal (quotes included) decoded, or nil when it is not one.
    static func decodeString(_ literal: some Sequence<UInt8>) -> String? {
        try? JSONDecoder().decode(String.self, from: Data(literal))
    }

    /// A string literal: `"`, `\` and control characters escaped, as `JSONEncoder` does. Every
    /// escape is ASCII, so the work is done on UTF-8 bytes; text that needs none is quoted whole.
    static func string(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return "\"" + text + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `string(text)` written at the end of `out`.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        guard text.utf8.contains(where: needsEscape) else {
            out.append(0x22)
            out.append(contentsOf: text.utf8)
            out.append(0x22)
            return
        }
        appendEscaped(text, to: &out)
    }

    /// The string literal of a text known to need escapes, byte by byte: the callers have looked.
    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            guard needsEscape(byte) else { out.append(byte); continue }
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            default:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
        out.append(0x22)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// JSON written into one byte buffer, piece by piece, as `JSONEncoder` writes it: for the
    /// entries of a large file, which made a string of every member and joined them before.
    struct Bytes {
        private(set) var bytes: [UInt8] = []

        /// Text written as it is: punctuation and keys, already JSON.
        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) { JSONText.appendString(text, to: &bytes) }

        mutating func nullable(_ text: String?) {
            if let text { string(text) } else { raw("null") }
        }

        mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

        mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

        /// `[…]` of `items`, each written by `write`, with commas between.
        mutating func array<T>(_ items: [T], _ write: (T, inout Bytes) -> Void) {
            raw("[")
            for (n, item) in items.enumerated() {
                if n > 0 { raw(",") }
                write(item, &self)
            }
            raw("]")
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }
}
