/// Repairs of real-input defects, applied before any later stage reads the text.
public enum ParagraphRepair {
    /// Joins "paragraphs" that end in an abbreviation and continue in the next one
    /// ("on Jan." / "20." becomes "on Jan. 20."). Genuine paragraphs are never joined: the next
    /// paragraph must start the way that abbreviation is continued (see `Abbreviations.Kind`).
    ///
    /// Each paragraph carries a value (e.g. its source line); a joined paragraph keeps the first one's.
    public static func joinSplitParagraphs<Info>(_ paragraphs: [(text: String, info: Info)]) -> [(text: String, info: Info)] {
        var out: [(text: String, info: Info)] = []
        for paragraph in paragraphs {
            if let previous = out.last, continues(previous.text, with: paragraph.text) {
                out[out.count - 1].text = previous.text + " " + paragraph.text
            } else {
                out.append(paragraph)
            }
        }
        return out
    }

    public static func joinSplitParagraphs(_ paragraphs: [String]) -> [String] {
        joinSplitParagraphs(paragraphs.map { (text: $0, info: ()) }).map(\.text)
    }

    /// Whether `next` is the continuation of a paragraph `text` that was split after an abbreviation.
    public static func continues(_ text: String, with next: String) -> Bool {
        if splitInsideQuotation(text, next) { return true }
        guard let kind = Abbreviations.kind(endingOf: text), let first = next.first else { return false }
        switch kind {
        case .title: return first.isLetter
        case .month: return first.isNumber || first.isLowercase
        case .other: return first.isNumber || first.isLowercase
        }
    }

    /// A quotation opened in `text` and closed in `next`, which does not open a quotation first:
    /// "“We see that Mr. Trump … dialogue." / "We welcome that.” The Kremlin …". A quotation that
    /// really runs over paragraphs reopens with “ at the start of the next one, and is left alone.
    static func splitInsideQuotation(_ text: String, _ next: String) -> Bool {
        let opens = text.filter { $0 == "“" }.count
        let closes = text.filter { $0 == "”" }.count
        guard opens > closes, let firstMark = next.first(where: { $0 == "“" || $0 == "”" }) else { return false }
        return firstMark == "”" && next.first != "“"
    }

    /// Removes white space before `,` `.` `;` `:` ("officials , just" becomes "officials, just"),
    /// leaving alone an ellipsis, a decimal (".5") and a leading dot in a name (".NET").
    public static func removeSpaceBeforePunctuation(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == " " || ch == "\t" {
                var j = i
                while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                if j < chars.count, ",.;:".contains(chars[j]), !out.isEmpty, isEndOfToken(chars, after: j) {
                    i = j
                    continue
                }
                out.append(contentsOf: chars[i..<j])
                i = j
                continue
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    private static func isEndOfToken(_ chars: [Character], after index: Int) -> Bool {
        let next = index + 1
        guard next < chars.count else { return true }
        let following = chars[next]
        if chars[index] == ".", following == "." { return false }
        return following.isWhitespace || "\"”’')]".contains(following)
    }

    /// One block of text as later stages should see it: spaces repaired, lines joined.
    public static func clean(_ text: some StringProtocol) -> String {
        removeSpaceBeforePunctuation(text.collapsingWhitespace)
    }
}
