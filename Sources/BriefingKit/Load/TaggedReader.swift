/// Reads the tagged format (sample 003): `<TITLE>`, `<PUBLISHED_DATE>`, `<URL>`, `<AUTHOR>`,
/// `<SUMMARY>` (a first line plus `-` bullets), `<HIGHLIGHTS>` (`-` bullets) and `<CONTENT>`.
/// Tags may come in any order and with extra white space (`< TITLE >`, `</ TITLE>`).
public enum TaggedReader {
    public static let knownTags = ["TITLE", "PUBLISHED_DATE", "URL", "AUTHOR", "SUMMARY", "HIGHLIGHTS", "CONTENT"]

    public static func sniff(_ source: SourceText) -> Bool {
        guard let first = source.text.first(where: { !$0.isWhitespace }), first == "<" else { return false }
        return Tag.scan(source.text, limit: 1).first.map { !$0.isClosing } ?? false
    }

    /// One element's content and the line where the content starts.
    struct Element {
        var name: String
        var content: Substring
        var line: Int
    }

    public static func read(_ source: SourceText, id: String, sourceFile: String) -> ReadResult {
        var problems: [LoadProblem] = []
        let elements = elements(in: source.text, problems: &problems)
        var fields: [String: Element] = [:]
        for element in elements {
            if fields[element.name] != nil {
                problems.append(LoadProblem(line: element.line, "second <\(element.name)> ignored"))
            } else {
                fields[element.name] = element
            }
        }

        guard let dateElement = fields["PUBLISHED_DATE"] else {
            return .failed(LoadProblem(line: nil, "missing <PUBLISHED_DATE> tag; the article is skipped"), after: problems)
        }
        let dateText = dateElement.content.trimmingWhitespace
        guard let published = CalendarDay(iso: dateText) else {
            return .failed(LoadProblem(line: dateElement.line, "impossible or malformed date `\(dateText)` in <PUBLISHED_DATE>; expected YYYY-MM-DD"), after: problems)
        }

        var blocks = BlockList()
        if let summary = fields["SUMMARY"] {
            let (lead, bullets) = bulletList(summary)
            if let lead { blocks.append(.lead, ParagraphRepair.clean(lead.text), line: lead.info) }
            blocks.appendRepaired(.summary, bullets)
        }
        if let highlights = fields["HIGHLIGHTS"] {
            let (intro, bullets) = bulletList(highlights)
            if let intro { blocks.appendRepaired(.highlight, [intro]) }
            blocks.appendRepaired(.highlight, bullets)
        }
        if let content = fields["CONTENT"] {
            let lines = content.content.lineSlices
            let paragraphs = LineGroups.split(lines, firstLine: content.line).map { (text: $0.text, info: $0.line) }
            blocks.appendRepaired(.body, paragraphs)
        } else {
            problems.append(LoadProblem(line: nil, "missing <CONTENT> tag"))
        }
        guard !blocks.blocks.isEmpty else {
            return .failed(LoadProblem(line: nil, "no text in <SUMMARY>, <HIGHLIGHTS> or <CONTENT>; the article is skipped"), after: problems)
        }

        var title = fields["TITLE"].map { ParagraphRepair.clean($0.content) } ?? ""
        if title.isEmpty {
            problems.append(LoadProblem(line: fields["TITLE"]?.line, "missing <TITLE>; using the first sentence"))
            title = blocks.blocks[0].text.firstSentence
        }
        var url: String?
        if let raw = fields["URL"] {
            let text = raw.content.trimmingWhitespace
            url = ExternalURL.sanitize(text)
            if url == nil, !text.isEmpty {
                problems.append(LoadProblem(line: raw.line, "<URL> is not an http(s) address; ignored"))
            }
        }
        let author = fields["AUTHOR"].map { ParagraphRepair.clean($0.content) }.flatMap { $0.isEmpty ? nil : $0 }
        let article = Article(id: id, sourceFile: sourceFile, format: .tagged, title: title, published: published,
                              url: url, author: author, blocks: blocks.finished)
        return ReadResult(article: article, problems: problems)
    }

    /// Pairs each opening tag with its closing tag. An unclosed tag is reported and runs to the next
    /// opening tag, so that the rest of the article is still read.
    ///
    /// Only the known tags are structure. Any other upper-case tag inside an element is text (an
    /// article may quote `<SCRIPT>`); outside every element it is reported and ignored.
    static func elements(in text: String, problems: inout [LoadProblem]) -> [Element] {
        let scanned = Tag.scan(text)
        let tags = scanned.filter { knownTags.contains($0.name) }
        var elements: [Element] = []
        // What the known tags take, each with the line where it ends: their elements, and the
        // stray closing tags. The rest of the text lies outside every element.
        var taken: [(range: Range<String.Index>, line: Int)] = []
        var index = 0
        while index < tags.count {
            let open = tags[index]
            if open.isClosing {
                problems.append(LoadProblem(line: open.line, "closing </\(open.name)> without an opening tag"))
                taken.append((open.range, open.line))
                index += 1
                continue
            }
            let next = tags[(index + 1)...].firstIndex { !$0.isClosing || $0.name == open.name }
            if let next, tags[next].isClosing {
                elements.append(Element(name: open.name, content: text[open.range.upperBound..<tags[next].range.lowerBound], line: open.line))
                taken.append((open.range.lowerBound..<tags[next].range.upperBound, tags[next].line))
                index = next + 1
            } else {
                problems.append(LoadProblem(line: open.line, "unclosed <\(open.name)> tag"))
                let end = next.map { tags[$0].range.lowerBound } ?? text.endIndex
                elements.append(Element(name: open.name, content: text[open.range.upperBound..<end], line: open.line))
                taken.append((open.range.lowerBound..<end, next.map { tags[$0].line } ?? open.line))
                index = next ?? tags.count
            }
        }
        let unknown = scanned.filter { tag in
            !knownTags.contains(tag.name)
                && !elements.contains(where: { $0.content.startIndex <= tag.range.lowerBound && tag.range.upperBound <= $0.content.endIndex })
        }
        for tag in unknown where !tag.isClosing {
            problems.append(LoadProblem(line: tag.line, "unknown tag <\(tag.name)> ignored"))
        }
        problems += strayText(in: text, outside: taken, unknown: unknown)
        return elements
    }

    /// Text outside every element is not part of the article: it is reported, once for each
    /// stretch between elements, at the line where it starts. Unknown tags there (an opening one is
    /// reported on its own, a closing one is not) and white space are not text.
    static func strayText(in text: String, outside taken: [(range: Range<String.Index>, line: Int)], unknown: [Tag]) -> [LoadProblem] {
        var problems: [LoadProblem] = []
        var unknown = unknown[...]
        var position = text.startIndex
        var line = 1
        for next in taken + [(text.endIndex..<text.endIndex, 0)] {
            while position < next.range.lowerBound {
                while let tag = unknown.first, tag.range.lowerBound < position { unknown = unknown.dropFirst() }
                if let tag = unknown.first, tag.range.lowerBound == position {
                    position = tag.range.upperBound
                    continue
                }
                let character = text[position]
                if !character.isWhitespace {
                    let stray = String(text[position..<next.range.lowerBound].prefix { $0 != "\n" }).trimmingWhitespace
                    let shown = stray.count > 40 ? String(stray.prefix(40)) + "…" : stray
                    problems.append(LoadProblem(line: line, "text outside the tags ignored: `\(shown)`; put it inside <CONTENT> to keep it"))
                    break
                }
                if character == "\n" { line += 1 }
                position = text.index(after: position)
            }
            position = next.range.upperBound
            line = next.line
        }
        return problems
    }

    /// A first line (if any) and the `-` bullets that follow; a bullet's continuation lines join it.
    static func bulletList(_ element: Element) -> (lead: (text: String, info: Int)?, bullets: [(text: String, info: Int)]) {
        var lead: (text: String, info: Int)?
        var bullets: [(text: String, info: Int)] = []
        for (offset, line) in element.content.lineSlices.enumerated() {
            let trimmed = line.trimmingWhitespace
            let number = element.line + offset
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed == "-" {
                bullets.append((String(trimmed.dropFirst()).trimmingWhitespace, number))
            } else if !bullets.isEmpty {
                bullets[bullets.count - 1].text += " " + trimmed
            } else if lead != nil {
                lead!.text += " " + trimmed
            } else {
                lead = (trimmed, number)
            }
        }
        return (lead, bullets)
    }
}

/// An opening or closing tag such as `<TITLE>` or `</ CONTENT >`: upper-case letters and `_` only.
struct Tag {
    var name: String
    var isClosing: Bool
    var range: Range<String.Index>
    var line: Int

    /// The tags of `text`, at most `limit` of them. Reads the UTF-8 bytes; a `<` or `>` that a
    /// following mark makes part of another character is not one (as when reading characters).
    static func scan(_ text: String, limit: Int = .max) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex, tags.count < limit {
            let byte = utf8[index]
            if byte == 0x0A { line += 1 }
            if byte == UInt8(ascii: "<"), let tag = parse(text, at: index, line: line) {
                tags.append(tag)
                index = tag.range.upperBound
                continue
            }
            utf8.formIndex(after: &index)
        }
        return tags
    }

    private static func parse(_ text: String, at start: String.Index, line: Int) -> Tag? {
        guard isCharacter(text, at: start, "<") else { return nil }
        let utf8 = text.utf8
        var i = utf8.index(after: start)
        func skipSpaces() { while i < utf8.endIndex, utf8[i] == 0x20 || utf8[i] == 0x09 { utf8.formIndex(after: &i) } }
        skipSpaces()
        var closing = false
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "/") {
            closing = true
            utf8.formIndex(after: &i)
            skipSpaces()
        }
        let nameStart = i
        while i < utf8.endIndex, (utf8[i] >= UInt8(ascii: "A") && utf8[i] <= UInt8(ascii: "Z")) || utf8[i] == UInt8(ascii: "_") {
            utf8.formIndex(after: &i)
        }
        let name = String(text[nameStart..<i])
        skipSpaces()
        guard name.utf8.count >= 2, i < utf8.endIndex, isCharacter(text, at: i, ">") else { return nil }
        return Tag(name: name, isClosing: closing, range: start..<utf8.index(after: i), line: line)
    }

    /// Whether the character at byte `index` starts there and is `character` (ASCII) alone, with
    /// no mark after it: only then is the byte what it looks like.
    private static func isCharacter(_ text: String, at index: String.Index, _ character: Character) -> Bool {
        guard text.utf8[index] == character.asciiValue, String.Index(index, within: text) != nil else { return false }
        // An ASCII byte followed by another ASCII byte other than CR is a character of its own.
        let next = text.utf8.index(after: index)
        if next == text.utf8.endIndex || (text.utf8[next] < 0x80 && text.utf8[next] != 0x0D) { return true }
        return text[index] == character
    }
}

extension String {
    /// Up to the first full stop that ends a sentence, or the whole text.
    var firstSentence: String {
        var sentence = ""
        for word in split(separator: " ") {
            sentence += sentence.isEmpty ? String(word) : " " + word
            if word.hasSuffix("."), Abbreviations.kind(endingOf: sentence) == nil { break }
        }
        return sentence
    }
}
