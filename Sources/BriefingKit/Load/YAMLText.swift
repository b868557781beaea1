import Yams

/// YAML read with Yams, with line numbers that match the file's as the rest of Briefing counts
/// them (`SourceText`): CRLF and CR become LF, and NEL, LS and PS, which libyaml takes for line
/// breaks, become spaces.
enum YAMLText {
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: prepared(text))
    }

    /// What every reader says of a list or a mapping where one line of text belongs
    /// (`author: [A, B]`): it is not lost without a word.
    static func notOneLine(_ field: String) -> String { "`\(field)` must be a single line of text; ignored" }

    static func prepared(_ text: String) -> String {
        let text = text.utf8.contains(UInt8(ascii: "\r")) ? SourceText.unixLineEnds(text) : text
        let breaks: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]
        guard text.unicodeScalars.contains(where: breaks.contains) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { breaks.contains($0) ? " " : $0 }))
    }

    /// The number of the last line of `text`, as `SourceText` counts them (at least 1): the bound
    /// for the lines libyaml gives, which puts a problem, or an empty node, that it finds at the
    /// end of the text on the line after it (`---` with nothing after it is a node on line 2 of a
    /// one-line file).
    static func lastLine(of text: String) -> Int {
        let text = prepared(text)
        let newlines = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return max(1, text.utf8.last == 0x0A ? newlines : newlines + 1)
    }
}

extension YamlError {
    /// 1-based line of the problem within the YAML text, when Yams knows it.
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    /// `line`, but never past the last line of `text` (`YAMLText.lastLine(of:)`).
    func line(in text: String) -> Int? { line.map { min($0, YAMLText.lastLine(of: text)) } }

    var problemText: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(self)"
        }
    }
}
