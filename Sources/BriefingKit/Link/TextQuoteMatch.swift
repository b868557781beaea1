/// Finds a W3C TextQuoteSelector (`exact`, with optional `prefix` and `suffix`) in an article's
/// repaired text, ignoring differences in white space. A passage lies within one block.
public enum TextQuoteMatch {
    public enum Result: Sendable, Equatable {
        case found(Passage)
        /// Found this many times, in these paragraphs; prefix and suffix did not decide.
        case ambiguous(Int, [Int])
        /// Not found; the closest passage of about the same length, if half its words match.
        case notFound(NearMiss?)
    }

    public struct NearMiss: Sendable, Equatable {
        public var block: Int
        public var text: String
    }

    public static func find(_ quote: TextQuote, in article: Article) -> Result {
        let exact = normalize(quote.exact)
        guard !exact.isEmpty else { return .notFound(nil) }
        let blocks = article.blocks.map { (number: $0.number, text: Array(normalize($0.text).utf8)) }
        let needle = Array(exact.utf8)
        // Every occurrence: (index in blocks, byte offset, occurrence number within its block).
        var hits: [(block: Int, offset: Int, occurrence: Int)] = []
        for (index, block) in blocks.enumerated() {
            for (occurrence, offset) in occurrences(of: needle, in: block.text).enumerated() { hits.append((index, offset, occurrence)) }
        }
        if hits.isEmpty { return .notFound(nearMiss(exact, in: article)) }
        var chosen = hits
        if hits.count > 1, quote.prefix != nil || quote.suffix != nil {
            let prefix = Array(normalize(quote.prefix ?? "").utf8), suffix = Array(normalize(quote.suffix ?? "").utf8)
            // The text around a hit runs on across blocks, as a reader sees it.
            func before(_ hit: (block: Int, offset: Int, occurrence: Int)) -> [UInt8] {
                blocks[..<hit.block].flatMap { $0.text + [0x20] } + blocks[hit.block].text[..<hit.offset]
            }
            func after(_ hit: (block: Int, offset: Int, occurrence: Int)) -> [UInt8] {
                Array(blocks[hit.block].text[(hit.offset + needle.count)...]) + blocks[(hit.block + 1)...].flatMap { [0x20] + $0.text }
            }
            let scores = hits.map { hit in
                commonSuffix(trimmed(prefix), trimmed(before(hit))) + commonPrefix(trimmed(suffix), trimmed(after(hit)))
            }
            let best = scores.max()!
            chosen = zip(hits, scores).filter { $0.1 == best }.map(\.0)
        }
        guard chosen.count == 1, let hit = chosen.first else {
            return .ambiguous(hits.count, hits.map { blocks[$0.block].number })
        }
        return .found(Passage(articleID: article.id, block: blocks[hit.block].number, occurrence: hit.occurrence, text: exact, quote: quote))
    }

    /// White space collapsed to single spaces and trimmed; control and reserved characters
    /// dropped: the text as a reader sees it on the page.
    public static func normalize(_ text: String) -> String {
        MarkdownEscaping.collapsing(text)
    }

    /// Byte offsets of every occurrence, overlapping ones included.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { found.append(start) }
        }
        return found
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return slice
    }

    private static func commonSuffix(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }

    private static func commonPrefix(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    /// The run of words most like the passage, for the editor to paste: the one that has the
    /// most of the passage's words in the passage's order (their longest common subsequence),
    /// of about its length (up to three words more or fewer), starting and ending on one of
    /// its words; of those, the nearest in length, then the first. A passage of more than
    /// `orderedLimit` words is compared as a bag of words over runs of its length, which costs
    /// a walk over the text instead of one comparison of the two runs per word of it.
    static func nearMiss(_ exact: String, in article: Article) -> NearMiss? {
        let wanted = words(exact).map { $0.lowercased() }
        guard !wanted.isEmpty else { return nil }
        let wantedSet = Set(wanted)
        let ordered = wanted.count <= orderedLimit
        let widths = ordered ? max(1, wanted.count - 3)...(wanted.count + 3) : wanted.count...wanted.count
        var best: (score: Int, gap: Int, block: Int, text: String)?
        for block in article.blocks {
            let all = normalize(block.text).split(separator: " ")
            let keys = all.map { Self.word($0).lowercased() }
            for start in keys.indices where wantedSet.contains(keys[start]) {
                let run = keys[start..<min(keys.count, start + widths.upperBound)]
                // The score of every width from this start, from one comparison of the longest run.
                let scores = ordered ? commonSubsequences(wanted, run) : bagCounts(wantedSet, run)
                for width in widths where width <= run.count && wantedSet.contains(keys[start + width - 1]) {
                    let score = scores[width], gap = abs(width - wanted.count)
                    if let best, score < best.score || (score == best.score && gap >= best.gap) { continue }
                    best = (score, gap, block.number, all[start..<(start + width)].joined(separator: " "))
                }
            }
        }
        guard let best, best.score * 2 >= wanted.count else { return nil }
        return NearMiss(block: best.block, text: best.text)
    }

    static let orderedLimit = 80

    /// For each length `j` of a prefix of `b`, the length of the longest common subsequence of
    /// `a` and that prefix.
    private static func commonSubsequences(_ a: [String], _ b: ArraySlice<String>) -> [Int] {
        // Columns are b's words: after every word of a, row[j] is the answer for a so far and b's first j words.
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j], above)
                diagonal = above
            }
        }
        return row
    }

    /// For each length `j` of a prefix of `b`, how many of its words are among `wanted`.
    private static func bagCounts(_ wanted: Set<String>, _ b: ArraySlice<String>) -> [Int] {
        var counts = [0]
        for y in b { counts.append(counts.last! + (wanted.contains(y) ? 1 : 0)) }
        return counts
    }

    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(word).filter { !$0.isEmpty }
    }

    private static func word(_ token: Substring) -> String {
        String(token.unicodeScalars.filter(UTF8Bytes.isWordScalar).map(Character.init))
    }
}
