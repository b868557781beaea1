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
    static func prettyArray<T: Encodable>(_ key: String, count: Int, last: Bool, to stream: ByteStream,
                                          _ item: @Sendable (Int) -> T) {
        stream.write("  " + string(key) + " : [\n")
        Parallel.forEachInOrder(count, { n in (n == 0 ? "" : ",\n") + pretty(item(n), depth: 2) }) { stream.write($0) }
        stream.write("\n  ]")
        stream.write(last ? "\n" : ",\n")
    }

    /// A string literal: `"`, `\` and control characters escaped, as `JSONEncoder` does.
    static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
