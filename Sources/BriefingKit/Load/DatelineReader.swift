/// Reads the dateline format (sample 000):
///
/// ```
///  date 2024-11-07 Lead sentence…
///
/// Source: RIA Novosti, a Kremlin-aligned Russian news outlet
///
/// Quote from Peskov: "…"
///
/// Details: However, …
///
/// Background:
///
/// …
/// ```
/// The labels are structure: they become the outlet, the quote, and the details and background blocks.
public enum DatelineReader {
    /// Whether a text looks like this format: its first non-blank line starts with `date`.
    public static func sniff(_ source: SourceText) -> Bool {
        guard let first = source.lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        let words = first.split(whereSeparator: { $0.isWhitespace })
        return words.first == "date"
    }

    public static func read(_ source: SourceText, id: String, sourceFile: String) -> ReadResult {
        guard let headerIndex = source.lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .failed(LoadProblem(line: nil, "empty file"))
        }
        let headerLine = headerIndex + 1
        let words = source.lines[headerIndex].split(maxSplits: 2, whereSeparator: { $0.isWhitespace })
        guard words.count >= 2 else {
            return .failed(LoadProblem(line: headerLine, "missing date after `date`; expected ` date YYYY-MM-DD lead sentence`"))
        }
        guard let published = CalendarDay(iso: words[1]) else {
            return .failed(LoadProblem(line: headerLine, "impossible or malformed date `\(words[1])`; expected YYYY-MM-DD"))
        }
        var problems: [LoadProblem] = []
        let lead = words.count > 2 ? ParagraphRepair.clean(words[2]) : ""
        if lead.isEmpty {
            problems.append(LoadProblem(line: headerLine, "no lead sentence after the date"))
        }

        var outlet: Outlet?
        var quote: Quote?
        var section = TextBlock.Role.body
        var pending: [(text: String, info: Int)] = []
        var blocks = BlockList()
        blocks.append(.lead, lead, line: headerLine)

        func flush() {
            blocks.appendRepaired(section, pending)
            pending = []
        }

        for group in LineGroups.split(source.lines[(headerIndex + 1)...], firstLine: headerLine + 1) {
            let text = group.text.trimmingWhitespace
            if let rest = text.dropLabel("Source:") {
                if outlet != nil { problems.append(LoadProblem(line: group.line, "second `Source:` label ignored")) }
                outlet = outlet ?? Outlet(sourceLine: rest.collapsingWhitespace)
            } else if let (speaker, said) = text.quoteLabel() {
                flush()
                let cleaned = ParagraphRepair.clean(said.unquoted)
                quote = Quote(text: cleaned, speaker: speaker.isEmpty ? nil : speaker)
                blocks.append(.quote, cleaned, line: group.line)
            } else if let rest = text.dropLabel("Details:") {
                flush()
                section = .details
                if !rest.isEmpty { pending.append((rest, group.line)) }
            } else if let rest = text.dropLabel("Background:") {
                flush()
                section = .background
                if !rest.isEmpty { pending.append((rest, group.line)) }
            } else {
                pending.append((text, group.line))
            }
        }
        flush()
        guard !blocks.blocks.isEmpty else {
            return .failed(LoadProblem(line: headerLine, "no text after the date; the article is skipped"), after: problems)
        }

        let article = Article(id: id, sourceFile: sourceFile, format: .dateline, title: lead.isEmpty ? id : lead,
                              published: published, outlet: outlet, blocks: blocks.finished, quote: quote)
        return ReadResult(article: article, problems: problems)
    }
}

extension String {
    /// The text after a leading label such as `Source:`, or nil when the text does not start with it.
    func dropLabel(_ label: String) -> String? {
        guard hasPrefix(label) else { return nil }
        return String(dropFirst(label.count)).trimmingWhitespace
    }

    /// `Quote from NAME: text` → (NAME, text).
    func quoteLabel() -> (speaker: String, text: String)? {
        guard let rest = dropLabel("Quote from"), let colon = rest.firstIndex(of: ":") else { return nil }
        let speaker = String(rest[..<colon]).trimmingWhitespace
        guard speaker.split(separator: " ").count <= 6 else { return nil }
        return (speaker, String(rest[rest.index(after: colon)...]).trimmingWhitespace)
    }

    /// Without one pair of enclosing straight or curly double quotes.
    var unquoted: String {
        let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("«", "»")]
        for (open, close) in pairs where count >= 2 && first == open && last == close {
            let inner = dropFirst().dropLast()
            // Only when the quote marks enclose the whole text, not two separate quotations.
            if !inner.contains(open) || open != close { return String(inner).trimmingWhitespace }
        }
        return self
    }
}
