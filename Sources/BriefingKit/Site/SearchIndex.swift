import Foundation

/// `Public/search-index.js`: what the search box and the link previews read, as a script so that
/// it loads over file:// too. It is an inverted index, not a copy of the site: each paragraph
/// keeps a short preview for the result snippet, and words map to the documents that hold them.
///
/// ```
/// window.BRIEFING_SEARCH = {"docs": [[kind, title, url, detail], …], "terms": {"peskov": "3,6,z", …}}
/// ```
/// Kinds: `a` article (detail: date · outlet), `p` paragraph (title: the article's doc number,
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
        var previous: UInt32 = 0
        return numbers.map { n in
            defer { previous = n }
            return String(n - previous, radix: 36)
        }.joined(separator: ",")
    }

    /// Writes the script: each document as it is made, then the terms, sorted. Only the postings
    /// are held until the end. The articles' documents (most of the index) are made on every core,
    /// a batch of articles at a time, and numbered and written in order.
    static func write(_ index: GraphIndex, to stream: ByteStream) {
        var terms: [String: [UInt32]] = [:]
        var count: UInt32 = 0
        stream.write("window.BRIEFING_SEARCH={\"docs\":[")
        func add(_ fields: [String], words: String) -> UInt32 {
            addDocument(row(fields, first: count == 0), Set(self.terms(in: words)))
        }
        func addDocument(_ row: String, _ words: Set<String>) -> UInt32 {
            let number = count
            count += 1
            stream.write(row)
            for term in words { terms[term, default: []].append(number) }
            return number
        }
        // Each article's document number, known before any is made: an article, then its blocks.
        let articles = Array(index.graph.articles.reversed())
        var next: UInt32 = 0
        let firstDoc = articles.map { article in
            defer { next += 1 + UInt32(article.blocks.count) }
            return next
        }
        Parallel.forEachInOrder(articles.count, { n -> [(row: String, words: Set<String>)] in
            let article = articles[n]
            let detail = [article.published.longForm, article.outlet?.name].compactMap { $0 }.joined(separator: " · ")
            var docs = [(row(["a", article.shortTitle, index.articlePath(article.id), detail], first: firstDoc[n] == 0),
                         Set(SearchIndex.terms(in: article.title + " " + (article.author ?? ""))))]
            for block in article.blocks {
                let plain = block.isMarkdown ? block.text.collapsingWhitespace : block.text
                docs.append((row(["p", String(firstDoc[n]), String(block.number), preview(plain)], first: false), Set(SearchIndex.terms(in: plain))))
            }
            return docs
        }) { docs in
            for doc in docs { _ = addDocument(doc.row, doc.words) }
        }
        for actor in index.actorsWithPages {
            let role = (actor.roles.first ?? actor.roleSightings.first?.role).map { " · " + $0 } ?? ""
            let names = ([actor.name] + actor.aliases + Set((index.mentionsByActor[actor.id] ?? []).map(\.text)).sorted()).joined(separator: " ")
            _ = add(["c", actor.name, index.actorPath(actor.id), actor.kind.rawValue + role + " · " + index.countPhrase(actor)], words: names)
        }
        for value in index.dateValues {
            let mentions = index.datesByValue[value] ?? []
            let label = TimexValue.label(value)
            _ = add(["d", label, index.datePath(value), mentions.isEmpty ? "dates within" : DatePages.counts(mentions)], words: label + " " + value)
        }
        stream.write("],\"terms\":{")
        for (number, term) in terms.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            stream.write((number == 0 ? "" : ",") + scriptString(term) + ":\"" + gaps(terms[term]!) + "\"")
        }
        stream.write("}};\n")
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
        guard text.count > previewLength else { return text }
        let cut = text.prefix(previewLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    /// Lower-case words without accents, as the search box folds its query.
    ///
    /// Text is cut at ASCII bytes that are not letters or digits (never a letter or a number in
    /// Unicode either). A piece of ASCII letters and digits is lower-cased byte by byte; only a
    /// piece holding other bytes is folded by Foundation, on its own. Folding piece by piece gives
    /// what folding the whole text gives (`ReaderFeatureTests` compares them), in a fraction of the time.
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var word: [UInt8] = []
        var ascii = true
        func close() {
            defer { word.removeAll(keepingCapacity: true); ascii = true }
            guard !word.isEmpty else { return }
            if ascii {
                guard word.count >= 2 else { return }
                let term = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(term) { terms.append(term) }
            } else {
                terms += foldedTerms(in: String(decoding: word, as: UTF8.self))
            }
        }
        for byte in text.utf8 {
            let lower = byte | 0x20
            if byte >= 0x80 {
                ascii = false
                word.append(byte)
            } else if lower >= 0x61 && lower <= 0x7A {
                word.append(lower)
            } else if byte >= 0x30 && byte <= 0x39 {
                word.append(byte)
            } else {
                close()
            }
        }
        close()
        return terms
    }

    /// `terms(in:)` by Foundation's folding and Unicode's letters and numbers.
    static func foldedTerms(in text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            .filter { $0.count >= 2 && !stopWords.contains($0) }
    }
}
