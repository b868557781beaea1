/// `Public/search/`: the search index split so that a query loads only what it needs. The whole
/// index (`SearchIndex`) grows with the text, 44.5 MB at 10,000 articles; the first search
/// loaded all of it. Now only the split is published: a query loads the manifest, the terms that
/// begin with its words' first letters, and the documents of the dozen results it shows: 0.5–2 MB
/// at 10,000.
///
/// ```
/// search/index.js   window.BRIEFING_SEARCH_SHARDS = {"perShard": 1000, "docs": 380516,
///                   "articles": "0,13,11,…" (each article's document, as gaps), "actors": 379900,
///                   "dates": 380166, "terms": "012…_ab…z"}
/// search/t-p.js     BRIEFING_SEARCH_PARTS["t-p"] = {"peskov": "3,6,z", …}   terms by first letter
/// search/d-12.js    BRIEFING_SEARCH_PARTS["d-12"] = [[kind, title, url, detail], …]   documents 12,000…
/// ```
/// A term's file is its first letter or digit, `_` for any other first character. The documents
/// and postings are the whole index's (`SearchIndex`), cut from its bytes: the split is made from
/// the file as written, whether its parts were made or copied from the last build.
enum SearchShards {
    static let folder = "search/"
    static let manifest = "search/index.js"
    static let perShard = 1000

    static func termKey(_ firstByte: UInt8) -> UInt8 {
        switch firstByte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): firstByte
        default: UInt8(ascii: "_")
        }
    }

    static func termShard(_ key: UInt8) -> String { folder + "t-" + String(UnicodeScalar(key)) + ".js" }
    static func docShard(_ number: Int) -> String { folder + "d-\(number).js" }

    /// The files of the split, in path order; nil when the bytes are not an index as
    /// `SearchIndex.write` writes it.
    static func split(_ whole: [UInt8], perShard: Int = SearchShards.perShard) -> [(path: String, bytes: [UInt8])]? {
        var files: [(path: String, bytes: [UInt8])] = []
        guard split(whole, perShard: perShard, into: { path, bytes in files.append((path, bytes)); return true }) else { return nil }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The same, each file handed to `write` as soon as it is made (a part of the documents, or
    /// the terms of one letter, is not kept once written); false when the bytes are not an index
    /// or `write` says it failed. `done(n)` says the first `n` bytes will not be read again: a
    /// caller that maps the file can give their pages back (the index is 44.5 MB at 10,000 articles).
    static func split(_ whole: [UInt8], perShard: Int = SearchShards.perShard, into write: (String, [UInt8]) -> Bool) -> Bool {
        whole.withUnsafeBufferPointer { split($0, perShard: perShard, done: { _ in }, into: write) }
    }

    static func split(_ whole: UnsafeBufferPointer<UInt8>, perShard: Int = SearchShards.perShard, done: (Int) -> Void,
                      into write: (String, [UInt8]) -> Bool) -> Bool {
        let head = Array(#"window.BRIEFING_SEARCH={"docs":["#.utf8), middle = Array(#"],"terms":{"#.utf8), tail = Array("}};\n".utf8)
        guard whole.starts(with: head), whole.count >= head.count + middle.count + tail.count,
              whole.suffix(tail.count).elementsEqual(tail) else { return false }
        var i = head.count
        // The documents: `[…]` rows of JSON strings, after commas; a part written each `perShard`.
        var rows = 0, shard: [UInt8] = []
        var articles: [UInt32] = [], firstActor: Int?, firstDate: Int?
        func closeShard() -> Bool {
            guard !shard.isEmpty else { return true }
            defer { shard = [] }
            done(i)
            return write(docShard((rows - 1) / perShard), shard + Array("];\n".utf8))
        }
        while i < whole.count, whole[i] != UInt8(ascii: "]") {
            if rows > 0 {
                guard whole[i] == UInt8(ascii: ",") else { return false }
                i += 1
            }
            guard i + 2 < whole.count, whole[i] == UInt8(ascii: "["), whole[i + 1] == UInt8(ascii: "\"") else { return false }
            let start = i
            switch whole[i + 2] {
            case UInt8(ascii: "a"): articles.append(UInt32(rows))
            case UInt8(ascii: "c"): if firstActor == nil { firstActor = rows }
            case UInt8(ascii: "d"): if firstDate == nil { firstDate = rows }
            default: break
            }
            i += 1
            while i < whole.count, whole[i] != UInt8(ascii: "]") {
                guard let (end, _) = SearchTerms.stringEnd(whole, from: i, to: whole.count) else { return false }
                i = end
                if i < whole.count, whole[i] == UInt8(ascii: ",") { i += 1 }
            }
            guard i < whole.count else { return false }
            i += 1
            if shard.isEmpty { shard = prefix("d-\(rows / perShard)") + Array("[".utf8) } else { shard.append(UInt8(ascii: ",")) }
            shard.append(contentsOf: whole[start..<i])
            rows += 1
            if rows % perShard == 0, !closeShard() { return false }
        }
        guard closeShard(), whole[i...].starts(with: middle) else { return false }
        i += middle.count
        // The terms: `"term":"gaps"` pairs after commas, each to its first letter's part. They are
        // sorted, so a letter's terms are one run, written when it ends; the rest ("_") are kept.
        var run: TermPart?, others: TermPart?
        var keys: [UInt8] = []
        func close(_ part: inout TermPart?) -> Bool {
            guard let finished = part else { return true }
            part = nil
            done(i)
            keys.append(finished.key)
            return write(termShard(finished.key), finished.bytes + Array("};\n".utf8))
        }
        func add(_ entry: SearchTerms.Entry, key: UInt8, to part: inout TermPart?) {
            if part == nil {
                part = TermPart(key: key, bytes: prefix("t-" + String(UnicodeScalar(key))) + Array("{".utf8))
            } else {
                part!.bytes.append(UInt8(ascii: ","))
            }
            part!.bytes.append(contentsOf: whole[entry.key.lowerBound..<entry.value.upperBound])
        }
        let terms = SearchTerms.scan(whole, from: i, to: whole.count - tail.count) { entry in
            i = entry.key.lowerBound
            let key = termKey(whole[entry.key.lowerBound + 1])
            if key == UInt8(ascii: "_") {
                add(entry, key: key, to: &others)
                return true
            }
            if run?.key != key, !close(&run) { return false }
            add(entry, key: key, to: &run)
            return true
        }
        guard terms, close(&run), close(&others) else { return false }
        var manifest = Array("window.BRIEFING_SEARCH_SHARDS={\"perShard\":\(perShard),\"docs\":\(rows),\"articles\":\"".utf8)
        SearchIndex.appendGaps(articles, to: &manifest)
        manifest += "\",\"actors\":\(firstActor ?? firstDate ?? rows),\"dates\":\(firstDate ?? rows),\"terms\":\"".utf8
        manifest += keys.sorted()
        manifest += "\"};\n".utf8
        return write(self.manifest, manifest)
    }

    /// The terms of one part as they are gathered, `prefix{"term":"gaps",…`, closed when written.
    private struct TermPart {
        let key: UInt8
        var bytes: [UInt8]
    }

    /// What each part's script begins with: it adds itself to the parts loaded so far.
    private static func prefix(_ key: String) -> [UInt8] {
        Array("(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})[\"\(key)\"]=".utf8)
    }
}

