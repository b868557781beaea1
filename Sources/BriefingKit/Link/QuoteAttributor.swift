/// Finds direct quotations and attributes them to their speaker when a rule is sure:
///
/// - `“…,” X said` / `“…,” said X` / `“…,” spokesman X told reporters`;
/// - `X said: “…”` (and other speech verbs: `X explained how …: “…”`);
/// - `according to X, “…”`;
/// - `he/she added` (or said) right after a quotation of a named speaker.
///
/// Straight and curly quotes both count, and a quotation may run over paragraphs. When unsure, the
/// quotation stays unattributed. The dateline `Quote from X:` label is attributed by the linker.
struct QuoteAttributor {
    /// Person mentions of one block: UTF-8 offset range → actor id.
    typealias PersonMentions = [(range: Range<Int>, actorID: String)]

    struct Span {
        var block: Int
        var text: String
        /// Byte offsets of the opening and closing marks in their blocks.
        var open: Int
        var closeBlock: Int
        var close: Int
    }

    static func quotations(in blocks: [TextBlock]) -> [Span] {
        var spans: [Span] = []
        var current: (block: Int, open: Int, text: String, mark: UInt8)?
        for block in blocks {
            let bytes = Array(block.text.utf8)
            var i = 0
            var segmentStart = 0
            while i < bytes.count {
                let isCurlyOpen = bytes[i...].starts(with: [0xE2, 0x80, 0x9C])   // “
                let isCurlyClose = bytes[i...].starts(with: [0xE2, 0x80, 0x9D])  // ”
                let isStraight = bytes[i] == UInt8(ascii: "\"")
                let width = isStraight ? 1 : 3
                if current == nil, isCurlyOpen || isStraight {
                    current = (block.number, i, "", isStraight ? 0x22 : 0x9D)
                    segmentStart = i + width
                } else if let open = current, (isCurlyClose && open.mark == 0x9D) || (isStraight && open.mark == 0x22) {
                    var text = open.text
                    if !text.isEmpty { text += " " }
                    text += String(decoding: bytes[segmentStart..<i], as: UTF8.self)
                    var quoted = text.trimmingWhitespace
                    while let last = quoted.last, last == "," { quoted.removeLast() }
                    spans.append(Span(block: open.block, text: quoted, open: open.open, closeBlock: block.number, close: i + width))
                    current = nil
                }
                i += (isCurlyOpen || isCurlyClose) ? 3 : 1
            }
            if var open = current {
                if !open.text.isEmpty { open.text += " " }
                open.text += String(decoding: bytes[segmentStart...].prefix(bytes.count - segmentStart), as: UTF8.self)
                current = open
            }
        }
        return spans
    }

    static func attribute(_ spans: [Span], blocks: [TextBlock], people: [Int: PersonMentions], articleID: String) -> [AttributedQuote] {
        let texts = Dictionary(uniqueKeysWithValues: blocks.map { ($0.number, Array($0.text.utf8)) })
        var quotes: [AttributedQuote] = []
        var lastSpeaker: (id: String, block: Int)?
        var previous: (span: Span, speaker: String?)?
        for span in spans {
            // "he"/"she" is the last person named before the quotation in its paragraph, or else the
            // speaker of a quotation in the paragraph before.
            let named = (people[span.block] ?? []).last { $0.range.upperBound <= span.open }?.actorID
            let referent = named.map { (id: $0, block: span.block) } ?? lastSpeaker
            var speaker: String?
            if let bytes = texts[span.closeBlock] {
                speaker = after(bytes[span.close...], offset: span.close, people: people[span.closeBlock] ?? [], last: referent, block: span.closeBlock)
            }
            if speaker == nil, let bytes = texts[span.block] {
                speaker = before(bytes[..<span.open], people: people[span.block] ?? [], last: referent, block: span.block)
            }
            // “A,” X said. “B.”: a quotation that follows an attributed one in the same paragraph,
            // with nobody else named between them, continues it.
            if speaker == nil, let last = previous?.span, let lastID = previous?.speaker, last.closeBlock == span.block,
               !(people[span.block] ?? []).contains(where: { $0.range.lowerBound >= last.close && $0.range.lowerBound < span.open && $0.actorID != lastID }) {
                speaker = lastID
            }
            quotes.append(AttributedQuote(speakerID: speaker, text: span.text, articleID: articleID, block: span.block))
            if let speaker { lastSpeaker = (speaker, span.closeBlock) }
            previous = (span, speaker)
        }
        return quotes
    }

    /// `, X said`, `, said X`, `, spokesman X told`, `, he added`. Read on the bytes: it runs after
    /// every quotation of every article.
    static func after(_ rest: ArraySlice<UInt8>, offset: Int, people: PersonMentions, last: (id: String, block: Int)?, block: Int) -> String? {
        let space = UInt8(ascii: " "), comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        // The first two words, without their full stops.
        let words = Self.words(rest.prefix(120), limit: 2) { $0 == space || $0 == comma }
            .map { String(decoding: $0.lazy.filter { $0 != dot }, as: UTF8.self) }
        if words.isEmpty { return nil }
        if ["he", "she"].contains(words[0].lowercased()), words.count > 1, NameLexicon.speechVerbs.contains(words[1]),
           let last, block - last.block <= 1 {
            return last.id
        }
        // The first person named within a few words, next to a speech verb.
        let window = offset..<(offset + min(rest.count, 80))
        guard let person = people.first(where: { window.contains($0.range.lowerBound) }) else { return nil }
        let between = rest.prefix(person.range.lowerBound - offset)
        let betweenWords = Self.words(between, limit: 5) { $0 == space || $0 == comma }
        guard betweenWords.count <= 4, !between.contains(dot), !between.contains(UInt8(ascii: "\"")),
              !between.withUnsafeBufferPointer({ ByteSearch.contains($0, Self.openingCurlyQuote, foldingCase: false) }) else { return nil }
        let verbBefore = betweenWords.contains { NameLexicon.speechVerbs.contains(String(decoding: $0, as: UTF8.self)) }
        let afterName = rest.dropFirst(person.range.upperBound - offset).prefix(30)
        let nextWord = Self.words(afterName, limit: 1) { $0 == space || $0 == comma || $0 == dot }.first
        let verbAfter = nextWord.map { NameLexicon.speechVerbs.contains(String(decoding: $0, as: UTF8.self)) } ?? false
        return verbBefore || verbAfter ? person.actorID : nil
    }

    /// “ in UTF-8.
    static let openingCurlyQuote: [UInt8] = [0xE2, 0x80, 0x9C]

    /// The first `limit` words of `bytes`, split at the (ASCII) bytes `isSeparator` accepts, empty
    /// ones left out: what `split(whereSeparator:)` finds in their text.
    static func words(_ bytes: ArraySlice<UInt8>, limit: Int, isSeparator: (UInt8) -> Bool) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for i in bytes.indices where isSeparator(bytes[i]) {
            if i > start { words.append(bytes[start..<i]) }
            if words.count == limit { return words }
            start = i + 1
        }
        if start < bytes.endIndex { words.append(bytes[start...]) }
        return words
    }

    /// `X said: “`, `X explained how …: “`, `according to X, “`, `He added that “`.
    static func before(_ head: ArraySlice<UInt8>, people: PersonMentions, last: (id: String, block: Int)?, block: Int) -> String? {
        // The clause the quotation is part of: from the last sentence end or closing quote.
        var clauseStart = head.startIndex
        for i in head.indices {
            let b = head[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "\"") {
                clauseStart = i + 1
            } else if b == 0x9D, i >= head.startIndex + 2, head[i - 1] == 0x80, head[i - 2] == 0xE2 {
                clauseStart = i + 1
            }
        }
        let clause = String(decoding: head[clauseStart...], as: UTF8.self).trimmingWhitespace
        let words = clause.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if words.count >= 2, ["He", "She"].contains(words[0]), NameLexicon.speechVerbs.contains(words[1]), let last, block - last.block <= 1 {
            return last.id
        }
        let inClause = people.filter { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= head.endIndex }
        if clause.hasSuffix(","), words.suffix(4).contains(where: { $0.lowercased() == "according" }), let person = inClause.last {
            return person.actorID
        }
        // "X said: “…”", "X said the outcome was “…”", "X told reporters that … “…”": the first person
        // of the sentence who is the subject of a speech verb.
        // An appositive between the name and the verb is skipped: "X, who chaired the meeting, said".
        for person in inClause {
            let afterName = String(decoding: head[person.range.upperBound...], as: UTF8.self)
            let next = afterName.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(2).map(String.init)
            if next.contains(where: { NameLexicon.speechVerbs.contains($0) }) { return person.actorID }
            if afterName.hasPrefix(","), let close = afterName.dropFirst().range(of: ", "),
               let verb = afterName[close.upperBound...].split(separator: " ").first, NameLexicon.speechVerbs.contains(String(verb)),
               !inClause.contains(where: { $0.range.lowerBound > person.range.upperBound && $0.range.lowerBound < person.range.upperBound + afterName.utf8.distance(from: afterName.startIndex, to: close.lowerBound) }) {
                return person.actorID
            }
        }
        return nil
    }
}
