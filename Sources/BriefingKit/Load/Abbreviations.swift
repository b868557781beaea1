/// The one list of abbreviations that end in a full stop without ending a sentence.
///
/// Paragraph repair uses it to rejoin "paragraphs" that real input splits after "Jan." or "U.S.".
/// Each abbreviation says what may follow it across a false paragraph break.
public enum Abbreviations {
    public enum Kind: Sendable {
        /// Always followed by a name: "Mr." / "Trump". Joined before an upper- or lower-case word.
        case title
        /// Followed by a day: "Jan." / "20.". Joined before a digit or a lower-case word.
        case month
        /// "U.S." / "president", "a.m.": joined only before a lower-case word or a digit.
        case other
    }

    public static let titles: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Sgt.",
        "Adm.", "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Rev.", "Fr.", "St.", "Hon.", "Supt.", "Insp.",
    ]

    public static let months: Set<String> = [
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]

    public static let others: Set<String> = [
        "U.S.", "U.K.", "U.N.", "E.U.", "U.S.S.R.", "D.C.", "a.m.", "p.m.", "e.g.", "i.e.", "etc.", "vs.",
        "No.", "Nos.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "approx.", "est.", "Dept.", "Ave.",
    ]

    static let openingPunctuation: Set<Character> = ["“", "\"", "'", "‘", "(", "—", "–"]

    /// The kind of the abbreviation a text ends with, if it ends with one.
    ///
    /// A single capital initial ("John F.") counts as a title, but only after a capitalised word, so
    /// that "plan B." still ends a paragraph.
    public static func kind(endingOf text: some StringProtocol) -> Kind? {
        // The last two words, read from the end: splitting a long paragraph into words was most
        // of the time paragraph repair took.
        let (word, wordStart) = lastWord(of: text, before: text.endIndex)
        guard !word.isEmpty, word.hasSuffix(".") else { return nil }
        let previous = lastWord(of: text, before: wordStart).word
        var last = String(word)
        // Opening punctuation glued to the word: “(Jan.”
        while let first = last.first, Self.openingPunctuation.contains(first) { last.removeFirst() }
        if titles.contains(last) { return .title }
        if months.contains(last) { return .month }
        if others.contains(last) { return .other }
        if last.count == 2, let initial = last.first, initial.isUppercase, initial.isLetter,
           let previous = previous.first, previous.isUppercase {
            return .title
        }
        return nil
    }

    /// The last run of non-white-space characters before `end`, and where it starts.
    private static func lastWord<S: StringProtocol>(of text: S, before end: S.Index) -> (word: S.SubSequence, start: S.Index) {
        var end = end
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        var start = end
        while start > text.startIndex, !text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
        return (text[start..<end], start)
    }
}
