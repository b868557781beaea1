import Foundation

/// A small HTML tag scanner for tests that inspect generated pages: every start tag with its
/// attributes (names lower-cased, values entity-decoded), as a browser's tokenizer would see them.
/// Text is skipped; comments are skipped; the content of `<script>` elements is kept as `text`.
struct HTMLTag: Equatable {
    var name: String
    var attributes: [(name: String, value: String)]
    /// For `<script>`: everything up to `</script`.
    var text: String = ""

    static func == (a: HTMLTag, b: HTMLTag) -> Bool {
        a.name == b.name && a.text == b.text && a.attributes.map(\.name) == b.attributes.map(\.name)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    static func scan(_ html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var i = 0
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = find(Array("-->".utf8), in: bytes, from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard i + 1 < bytes.count, isLetter(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            var tag = HTMLTag(name: String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased(), attributes: [])
            // Attributes, as the HTML tokenizer reads them.
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let nameStart = j
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "="),
                      !(bytes[j] == UInt8(ascii: "/") && j > nameStart) { j += 1 }
                if j == nameStart { j += 1; continue }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let end = bytes[(j + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[(j + 1)..<end], as: UTF8.self)
                        j = min(end + 1, bytes.count)
                    } else {
                        let start = j
                        while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[start..<j], as: UTF8.self)
                    }
                }
                tag.attributes.append((name, decodeEntities(value)))
            }
            i = j + 1
            if tag.name == "script" {
                let end = find(Array("</script".utf8), in: bytes, from: i) ?? bytes.count
                tag.text = String(decoding: bytes[min(i, end)..<end], as: UTF8.self)
                i = end
            }
            tags.append(tag)
        }
        return tags
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        for k in start...(bytes.count - needle.count) where bytes[k] == needle[0] && bytes[k..<(k + needle.count)].elementsEqual(needle) {
            return k
        }
        return nil
    }

    /// Numeric character references and the named ones that matter for URLs.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
                     "newline": "\n", "nbsp": "\u{A0}", "sol": "/", "lpar": "(", "rpar": ")"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let end = after.firstIndex { !($0.isLetter || $0.isNumber || $0 == "#") } ?? after.endIndex
            let body = String(after[..<end])
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[body.lowercased()]
            }
            if let decoded {
                out += decoded
                rest = end < after.endIndex && after[end] == ";" ? after[after.index(after: end)...] : after[end...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
