/// Why a file could not be read as an article, or what was wrong but could be recovered.
/// The loader turns these into `Diagnostic`s naming the file and line.
public struct LoadProblem: Error, Sendable, Equatable {
    public var line: Int?
    public var message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }
}

/// The result of reading one file: an article (or none) and the problems met on the way.
public struct ReadResult: Sendable, Equatable {
    public var article: Article?
    public var problems: [LoadProblem]

    public init(article: Article?, problems: [LoadProblem]) {
        self.article = article
        self.problems = problems
    }

    static func failed(_ problem: LoadProblem, after earlier: [LoadProblem] = []) -> ReadResult {
        ReadResult(article: nil, problems: earlier + [problem])
    }
}

/// Blank-line-separated groups of lines, each with the line number where it starts.
struct LineGroups {
    struct Group {
        var line: Int
        var lines: [Substring]
        var text: String { lines.joined(separator: "\n") }
    }

    /// - Parameter firstLine: the 1-based number of `lines[0]` in the file.
    static func split(_ lines: some Collection<Substring>, firstLine: Int) -> [Group] {
        var groups: [Group] = []
        var current: Group?
        for (offset, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                if let group = current { groups.append(group) }
                current = nil
            } else if current == nil {
                current = Group(line: firstLine + offset, lines: [line])
            } else {
                current!.lines.append(line)
            }
        }
        if let group = current { groups.append(group) }
        return groups
    }
}

/// Keeps an article's outward link only when it is a plain http(s) address.
enum ExternalURL {
    static func sanitize(_ raw: String) -> String? {
        let text = raw.trimmingWhitespace
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.count > 8 else { return nil }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "\"": out += "%22"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "`": out += "%60"
            default:
                if scalar.properties.generalCategory == .control { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Builds the numbered blocks of an article in reading order.
struct BlockList {
    private(set) var blocks: [TextBlock] = []

    /// The blocks for the article, which keeps them for the whole build: without the room left
    /// for more that appending them leaves.
    var finished: [TextBlock] { blocks.withExactCapacity() }

    mutating func append(_ role: TextBlock.Role, _ text: String, line: Int, markdown: Bool = false) {
        guard !text.isEmpty else { return }
        blocks.append(TextBlock(number: blocks.count + 1, role: role, text: text, isMarkdown: markdown, line: line))
    }

    /// Appends paragraphs after rejoining those split after an abbreviation.
    mutating func appendRepaired(_ role: TextBlock.Role, _ paragraphs: [(text: String, info: Int)]) {
        let cleaned = paragraphs.map { (text: ParagraphRepair.clean($0.text), info: $0.info) }.filter { !$0.text.isEmpty }
        for paragraph in ParagraphRepair.joinSplitParagraphs(cleaned) {
            append(role, paragraph.text, line: paragraph.info)
        }
    }
}
