import Foundation

/// The search index: what the search box reads, as a script so that it loads over file:// too.
/// The site publishes it split (`SearchShards`, `search/`), loaded part by part as queries need
/// them; the whole file is kept in the build cache's folder for the next build to copy parts from
/// (`DataFile.published`). It is an inverted index, not a copy of the site: each paragraph
/// keeps a short preview for the result snippet, and words map to the documents that hold them.
///
/// ```
/// window.BRIEFING_SEARCH = {"docs": [[kind, title, url, detail], …], "terms": {"peskov": "3,6,z", …}}
/// ```
/// Kinds: `a` article (detail: date · outlet), `p` paragraph (title: how many docs back its article is,
/// url: the block number, detail: a preview), `c` actor (detail: kind · role · counts), `d` date
/// (detail: counts). URLs are relative to the site root. Each term's documents are a string of
/// base-36 gaps between ascending doc numbers ("3,6,z" is 3, 9, 44).
enum SearchIndex {
    static let previewLength = 64
    static let stopWords: Set<String> = ["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with",
                                         "from", "that", "this", "is", "was", "were", "be", "been", "has", "have", "had",
                                         "it", "its", "as", "but", "not", "he", "she", "they", "his", "her", "their", "we",
                                         "said", "would", "will", "which", "who", "s"]

    /// Ascending numbers as base-36 gaps: [3, 9, 44] → "3,6,z".
    static func gaps(_ numbers: [UInt32]) -> String {
        var bytes: [UInt8] = []
        appendGaps(numbers, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `gaps` written as bytes at the end of `bytes` (the terms are written this way: a string
    /// for each of two million numbers was a third of an unchanged build's search index).
    static func appendGaps(_ numbers: [UInt32], to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + numbers.count * 4)
        var previous: UInt32 = 0
        for (k, n) in numbers.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            var gap = n - previous
            previous = n
            // The digits, last first, each shifted above the ones after it: the lowest byte is the
            // first digit (a `UInt32` has at most seven in base 36).
            var digits: UInt64 = 0, count = 0
            repeat {
                let digit = UInt8(gap % 36)
                digits = digits << 8 | UInt64(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                count += 1
                gap /= 36
            } while gap > 0
            for _ in 0..<count {
                bytes.append(UInt8(truncatingIfNeeded: digits))
                digits >>= 8
            }
        }
    }

    /// Writes the script: each document as it is made, then the terms, sorted. Only the postings
    /// are held until the end. The articles' documents (most of the index) are made on every core,
    /// a batch of articles at a time, and numbered and written in order.
    ///
    /// With `digests`, each article's documents are a part of the file under its article's digest,
    /// and so are the terms. An article the last build's index holds is copied from it, and its
    /// postings are taken from the last build's terms, renumbered (`earlierPostings`): only the
    /// changed articles, the actors and the dates are made again.
    static func write(_ index: GraphIndex, digests: ArticleDigests? = nil, to stream: ByteStream, parts: DataFileParts = DataFileParts()) {
        var count: UInt32 = 0
        stream.write("window.BRIEFING_SEARCH={\"docs\":[")
        // Each article's document number, known before any is made: an article, then its blocks.
        let articles = Array(index.graph.articles.reversed())
        var next: UInt32 = 0
        let firstDoc = articles.map { article in
            defer { next += 1 + UInt32(article.blocks.count) }
            return next
        }
        let keys = articles.map { article in digests.map { "search " + $0[article.id] } }
        let earlier = earlierPostings(parts, keys: keys, firstDoc: firstDoc, docCounts: articles.map { 1 + $0.blocks.count })
        // The kept articles' postings, and apart from them the made documents' (appending to the
        // long lists of the earlier ones would double them: tens of megabytes at 10,000 articles).
        let terms = earlier?.terms ?? []
        var fresh: [String: [UInt32]] = [:]
        var written = 0
        func add(_ fields: [String], words: String) {
            stream.write(row(fields, first: count == 0))
            for term in Set(self.terms(in: words)) { fresh[term, default: []].append(count) }
            count += 1
        }
        Parallel.forEachInOrder(articles.count, { n -> (rows: String?, words: [Set<String>]?) in
            // A kept article is copied, and its postings are in `terms` already.
            if earlier?.kept[n] ?? false { return (nil, nil) }
            let docs = documents(articles[n], index)
            return (rows(docs), docs.map(\.words))
        }) { docs in
            let n = written
            written += 1
            if count > 0 { stream.write(",") }
            let offset = stream.count
            if let rows = docs.rows {
                stream.write(rows)
            } else if !parts.copy(keys[n]!, into: stream) {
                stream.write(rows(documents(articles[n], index)))
            }
            if let key = keys[n] { parts.record(DataFileParts.Part(key: key, offset: offset, length: stream.count - offset, extra: Int(count))) }
            for (k, words) in (docs.words ?? []).enumerated() {
                for term in words { fresh[term, default: []].append(count + UInt32(k)) }
            }
            count += 1 + UInt32(articles[n].blocks.count)
        }
        for actor in index.actorsWithPages {
            // The names it is mentioned by: a few, among thousands of mentions, which come in runs.
            var texts = Set<String>()
            var last: String?
            index.mentionsByActor.forEach(actor.id) { mention in
                guard mention.text != last else { return }
                last = mention.text
                texts.insert(mention.text)
            }
            let names = ([actor.name] + actor.aliases + texts.sorted()).joined(separator: " ")
            add(["c", actor.name, index.actorPath(actor.id), actorDetail(actor, index)], words: names)
        }
        for value in index.dateValues {
            let label = TimexValue.label(value)
            add(["d", label, index.datePath(value), dateDetail(value, index)], words: label + " " + value)
        }
        stream.write("],\"terms\":{")
        let offset = stream.count
        var entry: [UInt8] = [], first = true
        func write(_ term: String, _ postings: [UInt32]) {
            // Kept and made articles' postings come in apart, the kept ones renumbered: in document
            // order only when sorted (gaps are between ascending numbers).
            let postings = zip(postings, postings.dropFirst()).allSatisfy({ $0 < $1 }) ? postings : postings.sorted()
            entry.removeAll(keepingCapacity: true)
            if !first { entry.append(UInt8(ascii: ",")) }
            first = false
            entry += scriptString(term).utf8
            entry += #":""#.utf8
            appendGaps(postings, to: &entry)
            entry.append(UInt8(ascii: "\""))
            stream.write(entry)
        }
        // The kept terms come in the order of their bytes: the made ones, sorted so, are merged in.
        let made = fresh.sorted { $0.key.bytesPrecede($1.key) }
        var k = 0
        for (term, postings) in made {
            while k < terms.count, terms[k].term.bytesPrecede(term) {
                write(terms[k].term, terms[k].documents)
                k += 1
            }
            let kept = k < terms.count && terms[k].term.utf8.elementsEqual(term.utf8)
            write(term, kept ? terms[k].documents + postings : postings)
            if kept { k += 1 }
        }
        for rest in terms[k...] { write(rest.term, rest.documents) }
        if digests != nil { parts.record(DataFileParts.Part(key: termsKey, offset: offset, length: stream.count - offset)) }
        stream.write("}};\n")
    }

    /// What a search result and a link preview say of an actor: "person · Kremlin spokesman · 5
    /// mentions in 2 articles".
    static func actorDetail(_ actor: Actor, _ index: GraphIndex) -> String {
        let role = (actor.roles.first ?? actor.roleSightings.first?.role).map { " · " + $0 } ?? ""
        return actor.kind.rawValue + role + " · " + index.countPhrase(actor)
    }

    /// … and of a date: its counts, or "dates within" for a month or year named only through its days.
    static func dateDetail(_ value: String, _ index: GraphIndex) -> String {
        let mentions = index.datesByValue[value]
        return mentions.isEmpty ? "dates within" : DatePages.counts(value, index)
    }

    /// `Public/previews.js`: what the link previews show, for every actor and date page, by its
    /// path from the site root. Every page loads it; it is small (the actors and dates, not the
    /// text), while the search index, which grows with the text (44 MB at 10,000 articles), is
    /// loaded only when the search box is first used.
    ///
    /// ```
    /// window.BRIEFING_PREVIEWS = {"actors/dmitry-peskov.html": ["Dmitry Peskov", "person · …"], …}
    /// ```
    static func previews(_ index: GraphIndex) -> [UInt8] {
        var out = Array("window.BRIEFING_PREVIEWS={".utf8)
        var first = true
        func add(_ path: String, _ title: String, _ detail: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out += scriptString(path).utf8
            out += ":[".utf8
            out += scriptString(title).utf8
            out.append(UInt8(ascii: ","))
            out += scriptString(detail).utf8
            out.append(UInt8(ascii: "]"))
        }
        for actor in index.actorsWithPages { add(index.actorPath(actor.id), actor.name, actorDetail(actor, index)) }
        for value in index.dateValues { add(index.datePath(value), TimexValue.label(value), dateDetail(value, index)) }
        out += "};\n".utf8
        return out
    }

    /// The part that holds the terms: read back, never copied.
    static let termsKey = "search terms"

    /// An article's documents: the article, then each block. A block's title field is how many
    /// documents back its article is, so that the rows do not depend on where the article is.
    static func documents(_ article: Article, _ index: GraphIndex) -> [(row: String, words: Set<String>)] {
        let detail = [article.published.longForm, article.outlet?.name].compactMap { $0 }.joined(separator: " · ")
        var docs = [(row(["a", article.shortTitle, index.articlePath(article.id), detail], first: true),
                     Set(SearchIndex.terms(in: article.title + " " + (article.author ?? ""))))]
        for (k, block) in article.blocks.enumerated() {
            let plain = block.isMarkdown ? block.text.collapsingWhitespace : block.text
            docs.append((row(["p", String(k + 1), String(block.number), preview(plain)], first: true), Set(SearchIndex.terms(in: plain))))
        }
        return docs
    }

    /// An article's documents as the script lists them, one part of the file.
    static func rows(_ documents: [(row: String, words: Set<String>)]) -> String {
        documents.map(\.row).joined(separator: ",")
    }

    /// One document as the script lists it, after a comma unless it is the first.
    static func row(_ fields: [String], first: Bool) -> String {
        (first ? "[" : ",[") + fields.map(scriptString).joined(separator: ",") + "]"
    }

    /// A JSON string that can never end a script element: "<" is escaped too.
    static func scriptString(_ text: String) -> String {
        let json = JSONText.string(text)
        return json.utf8.contains(0x3C) ? json.replacingOccurrences(of: "<", with: "\\u003c") : json
    }

    static func preview(_ text: String) -> String {
        // Longer than `previewLength` characters: found by walking that many, not counting all.
        guard let end = text.index(text.startIndex, offsetBy: previewLength, limitedBy: text.endIndex), end < text.endIndex else { return text }
        let cut = text[..<end]
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    /// Lower-case words without accents, as the search box folds its query.
    ///
    /// Text is cut at ASCII bytes that are not letters or digits, and at a few common typographic
    /// marks (`separatorLength`), none of them a letter or a number in Unicode either. A piece of ASCII letters and digits is lower-cased byte by byte; only a
    /// piece holding other bytes is folded by Foundation, on its own. Folding piece by piece gives
    /// what folding the whole text gives (`ReaderFeatureTests` compares them), in a fraction of the time.
    ///
    /// A word is a run of the text's bytes, kept as its start: a nested function closing words
    /// over captured variables had every access to them checked at run time (a third of the time).
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            var i = 0
            while i <= bytes.count {
                let byte: UInt8 = i < bytes.count ? bytes[i] : 0
                let lower = byte | 0x20
                var cut = 1
                if i == bytes.count {
                    cut = 0
                } else if byte >= 0x80 {
                    // Typographic punctuation cuts words as ASCII punctuation does; a word is not
                    // sent to Foundation for a curly quote (’s, “word”) or a dash beside it.
                    guard let length = separatorLength(bytes, at: i) else {
                        ascii = false
                        i += 1
                        continue
                    }
                    cut = length
                } else if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    i += 1
                    continue
                }
                if i > start {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if !ascii {
                        terms += foldedTerms(in: String(decoding: word, as: UTF8.self))
                    } else if word.count >= 2, !isStopWord(word) {
                        terms.append(lowercasedASCII(word))
                    }
                }
                i += max(cut, 1)
                start = i
                ascii = true
            }
        }
        return terms
    }

    /// ASCII letters and digits, the letters made small.
    private static func lowercasedASCII(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { out in
            for (k, byte) in word.enumerated() { out[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return word.count
        }
    }

    /// The length of the no-break space (U+00A0), a dash (U+2013, U+2014), a curly quote (U+2018,
    /// U+2019, U+201C, U+201D) or an ellipsis (U+2026) at `i`, or nil: none of them is a letter or
    /// a number, so folding cuts words there too.
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else { return nil }
        switch bytes[i + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: return 3
        default: return nil
        }
    }

    /// Whether lower-case ASCII bytes spell a stop word: looked up as a number among the stop
    /// words' numbers (each at most eight bytes), not hashed as a string; a word longer than
    /// every stop word is none.
    static func isStopWord(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer(isStopWord)
    }

    /// The same, of ASCII letters and digits in either case.
    static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= stopWordLength else { return false }
        let key = word.reduce(0) { $0 << 8 | UInt64($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
        let at = GraphIndex.firstIndex(in: stopWordKeys, notBelow: key) { $0 }
        return at < stopWordKeys.count && stopWordKeys[at] == key
    }

    /// Up to eight bytes as one number, the first byte highest; distinct for distinct words
    /// without a zero byte.
    private static func packed(_ word: some Collection<UInt8>) -> UInt64 {
        word.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static let stopWordLength = stopWords.map(\.utf8.count).max() ?? 0
    private static let stopWordKeys: [UInt64] = {
        precondition(stopWordLength <= 8 && stopWords.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } })
        return stopWords.map { packed(Array($0.utf8)) }.sorted()
    }()

    /// `terms(in:)` by Foundation's folding and Unicode's letters and numbers.
    static func foldedTerms(in text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            .filter { $0.count >= 2 && !stopWords.contains($0) }
    }
}
