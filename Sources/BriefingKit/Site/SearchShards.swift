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

    /// The files of the split, in path order; nil when the bytes are not an index as
    /// `SearchIndex.write` writes it.
    static func split(_ whole: [UInt8], perShard: Int = SearchShards.perShard) -> [(path: String, bytes: [UInt8])]? {
        var files: [(path: String, bytes: [UInt8])] = []
        guard split(whole, perShard: perShard, into: { path, bytes in files.append((path, bytes)); return true }) else { return nil }
        return files.sorted { $0.path.bytesPrecede($1.path) }
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
        // Writes a part (a letter's terms, or `perShard` documents) once it is complete.
        func close(_ part: inout Part?) -> Bool {
            guard let finished = part else { return true }
            part = nil
            done(i)
            return write(folder + finished.name + ".js", finished.closed)
        }
        // The documents: `[…]` rows of JSON strings, after commas; a part written each `perShard`.
        var rows = 0, shard: Part?
        var articles: [UInt32] = [], firstActor: Int?, firstDate: Int?
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
            shard.add(whole[start..<i], to: "d-\(rows / perShard)", list: true)
            rows += 1
            if rows % perShard == 0, !close(&shard) { return false }
        }
        guard close(&shard), whole[i...].starts(with: middle) else { return false }
        i += middle.count
        // The terms: `"term":"gaps"` pairs after commas, each to its first letter's part. They are
        // sorted, so a letter's terms are one run, written when it ends; the rest ("_") are kept.
        var run: Part?, others: Part?
        var keys: [UInt8] = []
        let terms = SearchTerms.scan(whole, from: i, to: whole.count - tail.count) { entry in
            i = entry.key.lowerBound
            let key = termKey(whole[entry.key.lowerBound + 1]), pair = whole[entry.key.lowerBound..<entry.value.upperBound]
            let name = "t-" + String(UnicodeScalar(key))
            if key == UInt8(ascii: "_") {
                if others == nil { keys.append(key) }
                others.add(pair, to: name, list: false)
                return true
            }
            if run?.name != name {
                guard close(&run) else { return false }
                keys.append(key)
            }
            run.add(pair, to: name, list: false)
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

    /// One part's script as it is gathered: it adds itself, a list of documents (`[…]`) or an
    /// object of terms (`{…}`), to the parts loaded so far.
    fileprivate struct Part {
        let name: String
        private var bytes: [UInt8]
        private let closing: UInt8

        init(_ name: String, list: Bool) {
            self.name = name
            bytes = Array("(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})[\"\(name)\"]=".utf8)
            bytes.append(UInt8(ascii: list ? "[" : "{"))
            closing = UInt8(ascii: list ? "]" : "}")
        }

        /// Adds an item (a document's row, a term's pair) after a comma unless it is the first.
        mutating func add(_ item: Slice<UnsafeBufferPointer<UInt8>>) {
            if bytes.last != UInt8(ascii: "[") && bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item)
        }

        var closed: [UInt8] { bytes + [closing] + Array(";\n".utf8) }
    }
}

private extension Optional where Wrapped == SearchShards.Part {
    /// Adds an item to the part, opening it as `name` if there is none (the name is worked out
    /// only then: a document's part is named once, not for each of its thousand rows).
    mutating func add(_ item: Slice<UnsafeBufferPointer<UInt8>>, to name: @autoclosure () -> String, list: Bool) {
        if self == nil { self = SearchShards.Part(name(), list: list) }
        self!.add(item)
    }
}

