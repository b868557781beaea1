/// Block attributes in templates, in the style of Hugo and kramdown: a line `{#id .class}`.
///
/// - On the first line of a paragraph, they apply to that paragraph:
///   ```
///   {#{{anchor}} .body}
///   {{text}}
///   ```
/// - On a line of their own (a blank line before), they apply to the next block: a paragraph,
///   heading, list, quote or table (the last three are wrapped in a `<div>`).
///
/// A fenced container, in the style of Pandoc, wraps every block up to its closing fence in one
/// element (`div`, `aside` or `section`), with the same attributes:
///   ```
///   ::: aside {#{{anchor}} .sidenote}
///   Blocks…
///   :::
///   ```
///
/// Only ids and classes, made of letters, digits, `_`, `-` and `:`, are accepted; anything else is
/// dropped. Only template lines are attribute lines: the template loader marks them with reserved
/// characters before Mustache runs, and inserted values can never contain those characters.
struct BlockAttributes: Equatable {
    var id: String?
    var classes: [String] = []
    /// For a fence line: the element it opens (`div`, `aside`, `section`), or nil for a closing fence.
    var fence: Fence?

    enum Fence: Equatable { case open(String), close }
    static let containerTags: Set<String> = ["div", "aside", "section"]

    /// Replaces each attribute line of a template's source with the reserved markers, keeping the
    /// line count so that error line numbers stay right (Windows line ends too: `linesAtNewlineBytes`).
    static func markLines(in template: String) -> String {
        template.linesAtNewlineBytes.map { line -> String in
            let prefix = containerPrefix(of: line)
            let trimmed = line[prefix.endIndex...].trimmingWhitespace
            if trimmed.hasPrefix(":::") {
                return prefix + String(Character(MarkdownEscaping.attributeOpen)) + trimmed + String(Character(MarkdownEscaping.attributeClose))
            }
            guard trimmed.hasPrefix("{#") || trimmed.hasPrefix("{."), trimmed.hasSuffix("}"), !trimmed.hasPrefix("{{") else {
                return String(line)
            }
            let inner = trimmed.dropFirst().dropLast()
            return prefix + String(Character(MarkdownEscaping.attributeOpen)) + inner + String(Character(MarkdownEscaping.attributeClose))
        }.joined(separator: "\n")
    }

    /// The list markers and quote markers an attribute line may stand after: `- `, `1. `, `> `.
    private static func containerPrefix(of line: Substring) -> Substring {
        var index = line.startIndex
        var end = index
        while index < line.endIndex {
            while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
            var marker = index
            if marker < line.endIndex, "-*+>".contains(line[marker]) {
                marker = line.index(after: marker)
            } else {
                while marker < line.endIndex, line[marker].isASCII, line[marker].isNumber { marker = line.index(after: marker) }
                guard marker > index, marker < line.endIndex, ".)".contains(line[marker]) else { break }
                marker = line.index(after: marker)
            }
            if marker < line.endIndex, line[marker] == " " {
                marker = line.index(after: marker)
            } else if line[index] != ">" {
                break
            }
            index = marker
            end = index
        }
        return line[line.startIndex..<end]
    }

    init(id: String? = nil, classes: [String] = [], fence: Fence? = nil) {
        self.id = id
        self.classes = classes
        self.fence = fence
    }

    /// Parses a marked text node's literal: `\u{E000}#p3 .body\u{E001}`.
    init?(marker: String) {
        var marker = marker
        guard let parsed = marker.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    /// … from its UTF-8 bytes (cmark-gfm's literal), read as bytes when all between the markers is
    /// ASCII, as an id and classes always are (every page has hundreds of them: making a string of
    /// each and reading it by Unicode scalars took 1 CPU-s of an `article.md` edit at 10,000
    /// articles); otherwise as `init(scalarsOf:)`, which a test compares it with.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> BlockAttributes? {
        // U+E000 and U+E001 in UTF-8.
        guard bytes.count >= 6, bytes[0] == 0xEE, bytes[1] == 0x80, bytes[2] == 0x80,
              bytes[bytes.count - 3] == 0xEE, bytes[bytes.count - 2] == 0x80, bytes[bytes.count - 1] == 0x81 else { return nil }
        var inner = UnsafeBufferPointer(rebasing: bytes[3 ..< bytes.count - 3])
        guard inner.allSatisfy({ $0 < 0x80 }) else { return BlockAttributes(scalarsOf: String(decoding: bytes, as: UTF8.self)) }
        var attributes = BlockAttributes()
        if inner.starts(with: ":::".utf8) {
            let rest = trimmed(UnsafeBufferPointer(rebasing: inner.drop(while: { $0 == UInt8(ascii: ":") })))
            if rest.isEmpty { attributes.fence = .close; return attributes }
            let tag = rest.prefix(while: UTF8Bytes.isASCIILetter)
            let name = String(decoding: tag, as: UTF8.self)
            attributes.fence = .open(containerTags.contains(name) ? name : "div")
            inner = trimmed(UnsafeBufferPointer(rebasing: rest.dropFirst(tag.count)))
            if inner.first == UInt8(ascii: "{"), inner.last == UInt8(ascii: "}") {
                inner = inner.count < 2 ? UnsafeBufferPointer(rebasing: inner[0 ..< 0]) : UnsafeBufferPointer(rebasing: inner.dropFirst().dropLast())
            }
        }
        for token in inner.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            let name = token.dropFirst()
            guard isValidName(name) else { continue }
            let string = String(decoding: name, as: UTF8.self)
            if token.first == UInt8(ascii: "#") { attributes.id = string } else if token.first == UInt8(ascii: ".") { attributes.classes.append(string) }
        }
        return attributes
    }

    /// ASCII white space, as `trimmingWhitespace` trims it from ASCII text.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let start = bytes.firstIndex(where: { !UTF8Bytes.isASCIIWhitespace($0) }),
              let end = bytes.lastIndex(where: { !UTF8Bytes.isASCIIWhitespace($0) }) else {
            return UnsafeBufferPointer(rebasing: bytes[0 ..< 0])
        }
        return UnsafeBufferPointer(rebasing: bytes[start ... end])
    }

    /// The definition, by Unicode scalars and characters.
    init?(scalarsOf marker: String) {
        let scalars = marker.unicodeScalars
        guard scalars.first == MarkdownEscaping.attributeOpen, scalars.last == MarkdownEscaping.attributeClose else { return nil }
        var inner = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
        if inner.hasPrefix(":::") {
            let rest = inner.drop(while: { $0 == ":" }).trimmingWhitespace
            let tag = rest.prefix(while: { $0.isLetter })
            if rest.isEmpty { fence = .close; return }
            fence = .open(Self.containerTags.contains(String(tag)) ? String(tag) : "div")
            inner = String(rest.dropFirst(tag.count)).trimmingWhitespace
            if inner.hasPrefix("{"), inner.hasSuffix("}") { inner = String(inner.dropFirst().dropLast()) }
        }
        for token in inner.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let name = token.dropFirst()
            guard Self.isValidName(name) else { continue }
            if token.first == "#" { id = String(name) } else if token.first == "." { classes.append(String(name)) }
        }
    }

    /// 1 to 128 ASCII letters, digits, `_`, `-` and `:`, read as bytes (every page has hundreds of
    /// block attributes: asking each character for Unicode's properties took half a CPU-second).
    static func isValidName(_ name: Substring) -> Bool { isValidName(name.utf8) }

    static func isValidName<Bytes: Collection<UInt8>>(_ name: Bytes) -> Bool {
        !name.isEmpty && name.count <= 128 && name.allSatisfy { byte in
            UTF8Bytes.isASCIIWordByte(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }
    }

    var isEmpty: Bool { id == nil && classes.isEmpty }

    /// ` id="p3" class="body"`, or empty.
    var html: String {
        var out = ""
        if let id { out += " id=\"\(id)\"" }
        if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
        return out
    }
}
