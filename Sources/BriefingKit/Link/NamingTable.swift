/// What finding mentions reads from the actor registry (`MentionFinder`, `Linker.linkArticle`):
/// every name and alias with its actors, the surname indexes, each actor's kind and surname, and
/// the longest name. The article memo keeps the last build's table, so that after a gazetteer
/// edit an article's mentions are found again only when its text holds a word whose reading
/// changed (`changes(since:)`), not in every article.
struct NamingTable: Sendable, Equatable {
    /// A digest of all the rest: the one `ArticleFacts.naming` holds.
    var digest: String
    /// Exact name or alias → sorted actor ids.
    var names: [String: [String]]
    /// Person surname → sorted ids.
    var surnames: [String: [String]]
    /// Spelling-variant key (lower case) → sorted ids.
    var variantSurnames: [String: [String]]
    /// Actor id → its kind and surname, as one string.
    var actors: [String: String]
    var longestName: Int

    init(_ registry: ActorRegistry) {
        func sorted(_ table: [String: Set<String>]) -> [String: [String]] {
            table.mapValues { $0.sorted { $0.bytesPrecede($1) } }
        }
        names = sorted(registry.names)
        surnames = sorted(registry.surnames)
        variantSurnames = sorted(registry.variantSurnames)
        actors = Dictionary(registry.actors.map { ($0.id, $0.kind.rawValue + " " + ($0.surname ?? "")) }) { first, _ in first }
        longestName = registry.longestName
        digest = ""
        digest = Self.digest(of: self)
    }

    /// The words an article must hold for its mentions to differ from those found with `old`; nil
    /// when any article's may (the longest name changed, or a changed variant key is not ASCII).
    func changes(since old: NamingTable) -> Changes? {
        guard longestName == old.longestName else { return nil }
        func differing(_ new: [String: [String]], _ old: [String: [String]]) -> Set<String> {
            Set(new.keys).union(old.keys).filter { new[$0] != old[$0] }
        }
        var exact = differing(names, old.names).union(differing(surnames, old.surnames))
        // An actor whose kind or surname changed reads differently wherever one of its names is.
        let changedActors = Set(actors.keys).union(old.actors.keys).filter { actors[$0] != old.actors[$0] }
        if !changedActors.isEmpty {
            for table in [names, old.names, surnames, old.surnames] {
                for (key, ids) in table where ids.contains(where: changedActors.contains) { exact.insert(key) }
            }
        }
        let folded = differing(variantSurnames, old.variantSurnames)
        guard folded.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        return Changes(exact: exact.sorted().map { Array($0.utf8) }, folded: folded.sorted().map { Array($0.lowercased().utf8) })
    }

    struct Changes: Sendable {
        /// Names and surnames, as the text writes them.
        var exact: [[UInt8]]
        /// Variant keys, matched without regard to ASCII case.
        var folded: [[UInt8]]

        var isEmpty: Bool { exact.isEmpty && folded.isEmpty }

        /// Whether the article's headline, text or quoted speaker holds one of the words (as bytes
        /// anywhere, so more often than as words: then its mentions are found again, which is safe).
        func touch(_ article: Article) -> Bool {
            if isEmpty { return false }
            // Text by text, with no list of them made: copying the texts into one was half of
            // this function's time (reference counting), once `ByteSearch.contains` was fast.
            func holds(_ text: String) -> Bool {
                var text = text
                return text.withUTF8 { bytes in
                    exact.contains { ByteSearch.contains(bytes, $0, foldingCase: false) }
                        || folded.contains { ByteSearch.contains(bytes, $0, foldingCase: true) }
                }
            }
            if holds(article.title) { return true }
            if let speaker = article.quote?.speaker, holds(speaker) { return true }
            return article.blocks.contains { holds($0.text) }
        }
    }
}

extension NamingTable: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(digest)
        writeTables(to: &writer)
    }

    /// Everything but the digest, in key order: what the digest is made of.
    fileprivate func writeTables(to writer: inout BinaryWriter) {
        func table(_ table: [String: [String]]) {
            let keys = table.keys.sorted { $0.bytesPrecede($1) }
            writer.int(keys.count)
            for key in keys { writer.string(key); writer.strings(table[key]!) }
        }
        table(names); table(surnames); table(variantSurnames)
        table(actors.mapValues { [$0] })
        writer.int(longestName)
    }

    init(from reader: inout BinaryReader) throws {
        func table() throws -> [String: [String]] {
            var table: [String: [String]] = [:]
            for _ in 0..<(try reader.count()) { table[try reader.string()] = try reader.strings() }
            return table
        }
        digest = try reader.string()
        names = try table(); surnames = try table(); variantSurnames = try table()
        actors = try table().compactMapValues(\.first)
        longestName = try reader.int()
        // The digest is what the memo's facts are matched by: it must be the tables', not any.
        guard digest == Self.digest(of: self) else { throw BinaryReader.Failure.invalid }
    }

    /// The digest of a table's names, surnames, actors and longest name.
    private static func digest(of table: NamingTable) -> String {
        var writer = BinaryWriter()
        table.writeTables(to: &writer)
        return StableHasher.digest(writer.bytes)
    }
}
