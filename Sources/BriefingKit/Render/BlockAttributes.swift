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
    /// line count so that error line numbers stay right.
    static func markLines(in template: String) -> String {
        template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
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

    /// Parses a marked text node's literal: `\u{E000}#p3 .body\u{E001}`.
    init?(marker: String) {
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
    static func isValidName(_ name: Substring) -> Bool {
        !name.isEmpty && name.utf8.count <= 128 && name.utf8.allSatisfy { byte in
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
