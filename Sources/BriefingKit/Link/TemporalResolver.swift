/// Finds date expressions in text and normalises them to TIMEX3-style values relative to the
/// article's publication date (the DCT). A pure function of the text, the DCT and the anchor.
///
/// Precision first: "May" and "March" are dates only after a word such as "in" or with a day or a
/// year; numbers are years only when they look like years and are not counts ("1,000 troops",
/// "28-point plan").
public struct TemporalResolver {
    public let dct: CalendarDay
    /// The last day resolved in the text, for "the day before" and "the next day".
    public var anchor: CalendarDay?
    /// Whether the rules are tried only at words that can start an expression (`Scan.canStart`).
    /// Off, they are tried at every word: the definition a test compares the filter with.
    var filtersStarts = true

    public init(dct: CalendarDay) {
        self.dct = dct
    }

    /// Every date expression in `text`, in order.
    public mutating func resolve(_ text: String) -> [DateReference] {
        resolve(text, words: Tokenizer.tokens(in: text))
    }

    /// … with the words of `text` already read (`Tokenizer.tokens`).
    mutating func resolve(_ text: String, words: [Token]) -> [DateReference] {
        let bytes = Array(text.utf8)
        let lower = words.map { $0.text.lowercased() }
        let facts = lower.map(Scan.WordFacts.init)
        var found: [DateReference] = []
        var i = 0
        while i < words.count {
            // Most words start no date expression: the rules are not tried at them.
            guard !filtersStarts || Scan.canStart(lower[i]) else { i += 1; continue }
            let scan = Scan(words: words, lower: lower, facts: facts, bytes: bytes, index: i, resolver: self)
            if let (length, reference) = scan.match() {
                found.append(reference)
                if reference.granularity == .day, let day = CalendarDay(iso: reference.value) { anchor = day }
                i += length
            } else {
                i += 1
            }
        }
        return found
    }

    /// Resolves one text against a DCT, without an anchor from earlier text.
    public static func resolve(_ text: String, dct: CalendarDay) -> [DateReference] {
        var resolver = TemporalResolver(dct: dct)
        return resolver.resolve(text)
    }
}
