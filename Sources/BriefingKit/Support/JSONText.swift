import Foundation

/// JSON written piece by piece, byte for byte as `JSONEncoder` writes it with sorted keys and
/// unescaped slashes: large data files are streamed one entry at a time (`ByteStream`).
enum JSONText {
    private static let pretty: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` pretty-printed as the element of an array nested `depth` levels deep: every line
    /// indented by two spaces per level. (JSON strings hold no raw newlines, so lines are safe to split.)
    static func pretty<T: Encodable>(_ value: T, depth: Int) -> String {
        // Encoding plain strings and numbers cannot fail.
        let text = (try? pretty.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        let indent = String(repeating: "  ", count: depth)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    /// Writes `"key" : [ … ]` as a pretty-printed member of the top-level object, the `count`
    /// items made and encoded on every core, a batch at a time, and written in order.
    static func prettyArray<T: Encodable & SendableMetatype>(_ key: String, count: Int, last: Bool, to stream: ByteStream,
                                          _ item: @Sendable (Int) -> T) {
        prettyArray(key, count: count, last: last, to: stream, text: { pretty(item($0), depth: 2) })
    }

    /// The same, with each item's text (as `pretty(_:depth: 2)` would write it) made by `text`.
    static func prettyArray(_ key: String, count: Int, last: Bool, to stream: ByteStream, text: @Sendable (Int) -> String) {
        prettyArray(key, count: count, last: last, to: stream, parts: DataFileParts(), partKey: { _ in nil }, text: text)
    }

    /// The same, each item a part of the data file under `partKey` (nil: no key, always made):
    /// an item whose key the last build's file has is copied from it, not made.
    static func prettyArray(_ key: String, count: Int, last: Bool, to stream: ByteStream, parts: DataFileParts,
                            partKey: @Sendable (Int) -> String?, text: @Sendable (Int) -> String) {
        stream.write("  " + string(key) + " : [\n")
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
        stream.write("\n  ]")
        stream.write(last ? "\n" : ",\n")
    }

    /// Pretty JSON by hand, laid out as `JSONEncoder` lays it out, for the entries that make up
    /// most of a large file: an object of already written members, at nesting `level`.
    static func object(_ members: [(key: String, value: String)], level: Int) -> String {
        guard !members.isEmpty else { return "{\n\n" + indent(level) + "}" }
        let inner = indent(level + 1)
        var out = "{\n"
        for (n, member) in members.enumerated() {
            out += n == 0 ? inner : ",\n" + inner
            out += string(member.key)
            out += " : "
            out += member.value
        }
        return out + "\n" + indent(level) + "}"
    }

    /// An array of already written items, at nesting `level`.
    static func array(_ items: [String], level: Int) -> String {
        guard !items.isEmpty else { return "[\n\n" + indent(level) + "]" }
        let inner = indent(level + 1)
        var out = "[\n"
        for (n, item) in items.enumerated() {
            out += n == 0 ? inner : ",\n" + inner
            out += item
        }
        return out + "\n" + indent(level) + "]"
    }

    /// A JSON string literal (quotes included) decoded, or nil when it is not one.
    static func decodeString(_ literal: some Sequence<UInt8>) -> String? {
        try? JSONDecoder().decode(String.self, from: Data(literal))
    }

    static func nullable(_ text: String?) -> String { text.map { string($0) } ?? "null" }

    static func indent(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// A string literal: `"`, `\` and control characters escaped, as `JSONEncoder` does. Every
    /// escape is ASCII, so the work is done on UTF-8 bytes; text that needs none is quoted whole.
    static func string(_ text: String) -> String {
        func escaped(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
        guard text.utf8.contains(where: escaped) else { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            guard escaped(byte) else { out.append(byte); continue }
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
        return String(decoding: out, as: UTF8.self)
    }
}
