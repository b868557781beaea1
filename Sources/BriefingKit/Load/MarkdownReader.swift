import Yams

/// Reads an article an editor writes by hand: Markdown with YAML front matter.
///
/// ```
/// ---
/// title: Kremlin welcomes talks
/// date: 2025-01-12
/// source: Reuters, a British news agency
/// url: https://example.com/story
/// author: Jane Doe
/// summary:            # one line, or a list of bullets
///   - First point
/// ---
/// Body paragraphs in Markdown…
/// ```
public enum MarkdownReader {
    /// The front matter's fields; any other is reported and ignored.
    public static let fields = ["title", "date", "source", "url", "author", "summary"]

    public static func sniff(_ source: SourceText) -> Bool {
        source.lines.first.map { $0.trimmingWhitespace == "---" } ?? false
    }

    public static func read(_ source: SourceText, id: String, sourceFile: String) -> ReadResult {
        guard let close = source.lines.indices.dropFirst().first(where: { source.lines[$0].trimmingWhitespace == "---" }) else {
            return .failed(LoadProblem(line: 1, "front matter is not closed by a `---` line"))
        }
        let yaml = source.lines[1..<close].joined(separator: "\n")
        var fields: [String: Node]
        var keyLines: [String: Int] = [:]
        var problems: [LoadProblem] = []
        do {
            guard let node = try YAMLText.compose(yaml) else {
                return .failed(LoadProblem(line: 1, "empty front matter; `title` and `date` are required"))
            }
            guard let mapping = node.mapping else {
                return .failed(LoadProblem(line: 2, "front matter must be a mapping of `key: value` lines"))
            }
            var byKey: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                keyLines[name] = (key.mark?.line ?? 0) + 1
                if Self.fields.contains(name) { byKey[name] = value } else {
                    problems.append(LoadProblem(line: keyLines[name], "unknown front matter field `\(name)` ignored; expected one of \(Self.fields.joined(separator: ", "))"))
                }
            }
            fields = byKey
        } catch let error as YamlError {
            return .failed(LoadProblem(line: 1 + (error.line ?? 0), "invalid YAML front matter: \(error.problemText)"))
        } catch {
            return .failed(LoadProblem(line: 1, "invalid YAML front matter: \(error)"))
        }
        func line(_ key: String) -> Int { (fields[key]?.mark?.line ?? 0) + 1 }
        // A list or a mapping where one line of text belongs (`author: [A, B]`) is said, not lost.
        let notText = Self.fields.filter { $0 != "summary" && fields[$0] != nil && fields[$0]?.scalar == nil }
        for name in notText.sorted(by: { keyLines[$0, default: 0] < keyLines[$1, default: 0] }) {
            problems.append(LoadProblem(line: keyLines[name], YAMLText.notOneLine(name)))
            fields[name] = nil
        }

        guard let dateText = fields["date"]?.string?.trimmingWhitespace, !dateText.isEmpty else {
            return .failed(LoadProblem(line: 1, "missing `date` in front matter; the article is skipped"), after: problems)
        }
        // A timestamp such as `2025-01-12 10:00` keeps its day.
        let dayText = String(dateText.prefix(10))
        guard let published = CalendarDay(iso: dayText) else {
            return .failed(LoadProblem(line: line("date"), "impossible or malformed date `\(dateText)`; expected YYYY-MM-DD"), after: problems)
        }

        var blocks = BlockList()
        switch fields["summary"] {
        case .scalar(let scalar)?:
            blocks.append(.lead, ParagraphRepair.clean(scalar.string), line: line("summary"))
        case .sequence(let items)?:
            for item in items where item.scalar == nil {
                problems.append(LoadProblem(line: (item.mark?.line ?? 0) + 1, "a `summary` item must be a single line of text; ignored"))
            }
            blocks.appendRepaired(.summary, items.compactMap { item in item.string.map { ($0, (item.mark?.line ?? 0) + 1) } })
        case .some:
            problems.append(LoadProblem(line: keyLines["summary"], "`summary` must be one line of text or a list of them; ignored"))
        case nil:
            break
        }
        let bodyStart = close + 2
        for group in markdownBlocks(source.lines[(close + 1)...], firstLine: bodyStart) {
            blocks.append(.body, group.text, line: group.line, markdown: true)
        }
        guard !blocks.blocks.isEmpty else {
            // At the closing `---`: the line after it may be past the end of the file.
            return .failed(LoadProblem(line: close + 1, "no text after the front matter; the article is skipped"), after: problems)
        }

        var title = fields["title"]?.string.map(ParagraphRepair.clean) ?? ""
        if title.isEmpty {
            problems.append(LoadProblem(line: 1, "missing `title` in front matter; using the first sentence"))
            title = blocks.blocks[0].text.collapsingWhitespace.firstSentence
        }
        var url: String?
        if let raw = fields["url"]?.string, !raw.isEmpty {
            url = ExternalURL.sanitize(raw)
            if url == nil { problems.append(LoadProblem(line: line("url"), "`url` is not an http(s) address; ignored")) }
        }
        let author = fields["author"]?.string.map(ParagraphRepair.clean).flatMap { $0.isEmpty ? nil : $0 }
        let outlet = fields["source"]?.string.flatMap { Outlet(sourceLine: $0) }
        let article = Article(id: id, sourceFile: sourceFile, format: .markdown, title: title, published: published,
                              url: url, author: author, outlet: outlet, blocks: blocks.finished)
        return ReadResult(article: article, problems: problems)
    }

    /// Blank-line-separated Markdown blocks; a fenced code block stays whole even across blank lines.
    /// Plain paragraphs are repaired like the other formats; other blocks keep their lines.
    static func markdownBlocks(_ lines: some Collection<Substring>, firstLine: Int) -> [LineGroups.Group] {
        var groups: [LineGroups.Group] = []
        var current: LineGroups.Group?
        var fence: Substring?
        for (offset, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                current?.lines.append(line)
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            }
            if line.allSatisfy(\.isWhitespace) && fence == nil {
                if let group = current { groups.append(group) }
                current = nil
            } else if current == nil {
                current = LineGroups.Group(line: firstLine + offset, lines: [line])
            } else {
                current!.lines.append(line)
            }
        }
        if let group = current { groups.append(group) }
        let plain = groups.map { group -> (text: String, info: LineGroups.Group) in
            (isPlainParagraph(group.text) ? ParagraphRepair.clean(group.text) : group.text, group)
        }
        return ParagraphRepair.joinSplitParagraphs(plain).map { LineGroups.Group(line: $0.info.line, lines: [Substring($0.text)]) }
    }

    static func isPlainParagraph(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if "#>-*+|`~<:[".contains(first) || text.hasPrefix("    ") || text.hasPrefix("\t") { return false }
        if let dot = text.firstIndex(where: { !$0.isNumber }), dot != text.startIndex, ".)".contains(text[dot]) { return false }
        return !text.contains("\n    ") && !text.contains("\n-") && !text.contains("\n*")
    }
}
