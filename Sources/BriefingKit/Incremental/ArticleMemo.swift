import Foundation

/// What the last build read from each article file and found in each article, kept in
/// `.briefing-cache/articles-…/`: the next build parses, scans for dates and actors, and links
/// again only what changed (`ArticleLoader.load(…reusing:)`, `Linker.link(…reusing:)`).
///
/// On disk it is sharded by source file (`00.cache` to `1f.cache`, plus `names.cache` for the
/// `NamingTable`): shards are read on every core, and a build writes again only the shards whose
/// files or facts changed, not the whole memo (180 MB at 10,000 articles) after one edit.
///
/// Nothing in it is trusted blindly. A file's read is reused only when the file's bytes have the
/// same digest; an article's facts only when the article is equal to the one they were found in,
/// and its mentions only when the actors' names are the same. Each shard is sealed by
/// `CacheFile`: another generator's shard, or a damaged one, is not read.
public struct ArticleMemo: Sendable, Equatable {
    public var files: [ArticleLoader.LoadedFile]
    public var facts: [ArticleFacts]
    /// The names the facts' mentions were found with.
    var naming: NamingTable?
    /// The shards this memo was read from, sound: the others must be written again.
    var shardsRead: Set<Int> = []

    static let kind = "briefing-articles 4"
    static let shardCount = 32

    public init(files: [ArticleLoader.LoadedFile] = [], facts: [ArticleFacts] = []) {
        self.files = files
        self.facts = facts
    }

    init(files: [ArticleLoader.LoadedFile], facts: [ArticleFacts], naming: NamingTable?) {
        self.init(files: files, facts: facts)
        self.naming = naming
    }

    /// The memo's folder for a content directory, inside the cache directory.
    public static func file(in directory: URL, for content: URL) -> URL {
        let name = CacheFile.name("articles", for: content)
        return directory.appendingPathComponent(String(name.dropLast(".cache".count)), isDirectory: true)
    }

    /// The shard of a source file: its digest's first four hexadecimal digits, modulo the count
    /// (read from the digest's first number, without making its text: 20,000 of them a build).
    static func shard(of sourceFile: String) -> Int {
        Int(StableHasher.words(sourceFile.utf8).0 >> 48) % shardCount
    }

    static func shardName(_ shard: Int) -> String {
        String(format: "%02x.cache", shard)
    }

    /// The files by source file, for the loader.
    public var filesBySource: [String: ArticleLoader.LoadedFile] {
        Dictionary(files.map { ($0.sourceFile, $0) }) { first, _ in first }
    }

    /// The facts by article id, for the linker.
    public var factsByArticle: [String: ArticleFacts] {
        Dictionary(facts.map { ($0.article.id, $0) }) { first, _ in first }
    }

    /// The memo, or nil when there is none (and why, when shards were there but are another
    /// generator's or damaged: the sound ones are still used).
    public static func load(_ folder: URL, content: URL) -> (memo: ArticleMemo?, note: String?) {
        let shards = Parallel.map(Array(0..<shardCount)) { shard in
            CacheFile.read(folder.appendingPathComponent(shardName(shard)), kind, owner: content, what: "the article cache's shard") {
                try ArticleMemo(from: &$0)
            }
        }
        var memo = ArticleMemo()
        for (shard, read) in shards.enumerated() {
            guard let part = read.value else { continue }
            memo.files += part.files
            memo.facts += part.facts
            memo.shardsRead.insert(shard)
        }
        memo.naming = CacheFile.read(folder.appendingPathComponent("names.cache"), kind, owner: content, what: "the article cache's names") {
            try NamingTable(from: &$0)
        }.value
        let notes = shards.compactMap(\.note)
        let note = notes.isEmpty ? nil : notes.count == 1 ? notes[0]
            : "ignored \(notes.count) of the article cache's shards: written by another generator or damaged"
        return (memo.shardsRead.isEmpty ? nil : memo, note)
    }

    /// What `save` needs to know of the memo a build read, once its files and facts have gone to
    /// the loader and the linker (and can be let go): the shards read soundly, the source files
    /// each held, in order, and the names.
    struct Outline: Sendable {
        var shardsRead: Set<Int> = []
        var files: [Int: [String]] = [:]
        var facts: [Int: [String]] = [:]
        var naming: NamingTable?
    }

    var outline: Outline {
        Outline(shardsRead: shardsRead, files: Self.byShard(files.map(\.sourceFile)) { $0 },
                facts: Self.byShard(facts.map(\.article.sourceFile)) { $0 }, naming: naming)
    }

    /// Items by the shard of their source file, in their order.
    static func byShard<Item>(_ items: [Item], sourceFile: (Item) -> String) -> [Int: [Item]] {
        var shards: [Int: [Item]] = [:]
        for item in items { shards[shard(of: sourceFile(item)), default: []].append(item) }
        return shards
    }

    /// What this memo took over unchanged from the one the build read, by source file: the files
    /// the loader did not read again (same bytes), the facts the linker used as they were.
    struct Reused: Sendable {
        var files: Set<String> = []
        var facts: Set<String> = []
    }

    /// Writes the shards that changed since `earlier` (the memo this build read), removes the
    /// empty ones, and the names when they changed.
    ///
    /// A shard is unchanged when it was read soundly, holds the same files and facts in the same
    /// order, and every one of them was taken over as it was (`reused`): then its values are
    /// the ones read, without comparing them, which would need the memo read kept in memory.
    ///
    /// Given the memo read itself, what was taken over is what is equal to it.
    public func save(_ folder: URL, content: URL, unchangedFrom earlier: ArticleMemo? = nil) throws {
        var reused = Reused()
        if let earlier {
            let (earlierFiles, earlierFacts) = (earlier.filesBySource, earlier.factsByArticle)
            reused.files = Set(files.lazy.filter { earlierFiles[$0.sourceFile] == $0 }.map(\.sourceFile))
            reused.facts = Set(facts.lazy.filter { earlierFacts[$0.article.id] == $0 }.map(\.article.sourceFile))
        }
        try save(folder, content: content, unchangedFrom: earlier?.outline, reused: reused)
    }

    func save(_ folder: URL, content: URL, unchangedFrom earlier: Outline?, reused: Reused) throws {
        let files = Self.byShard(self.files, sourceFile: \.sourceFile), facts = Self.byShard(self.facts, sourceFile: \.article.sourceFile)
        for shard in 0..<Self.shardCount {
            let file = folder.appendingPathComponent(Self.shardName(shard))
            let (newFiles, newFacts) = (files[shard] ?? [], facts[shard] ?? [])
            if let earlier, earlier.shardsRead.contains(shard),
               newFiles.map(\.sourceFile) == earlier.files[shard] ?? [], newFacts.map(\.article.sourceFile) == earlier.facts[shard] ?? [],
               newFiles.allSatisfy({ reused.files.contains($0.sourceFile) }), newFacts.allSatisfy({ reused.facts.contains($0.article.sourceFile) }) {
                continue
            }
            if newFiles.isEmpty && newFacts.isEmpty {
                try? FileManager.default.removeItem(at: file)
            } else {
                let part = ArticleMemo(files: newFiles, facts: newFacts)
                try CacheFile.write(Self.kind, owner: content, to: file) { part.write(to: &$0) }
            }
        }
        if let naming, earlier?.naming != naming {
            try CacheFile.write(Self.kind, owner: content, to: folder.appendingPathComponent("names.cache")) { naming.write(to: &$0) }
        }
        // The one-file memo of earlier versions.
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".cache"))
    }

    func write(to writer: inout BinaryWriter) {
        writer.int(files.count)
        for file in files {
            writer.string(file.sourceFile); writer.string(file.digest)
            writer.value(file.read.article); writer.values(file.read.problems)
        }
        // An article's facts are stored without the article: it is the one read from its file.
        writer.int(facts.count)
        for fact in facts {
            writer.string(fact.article.sourceFile)
            writer.values(fact.candidates); writer.values(fact.dates); writer.string(fact.naming)
            writer.values(fact.mentions); writer.values(fact.quotes); writer.values(fact.unresolved)
            writer.string(fact.digest)
        }
    }

    init(from reader: inout BinaryReader) throws {
        files = []
        var articles: [String: Article] = [:]
        for _ in 0..<(try reader.count()) {
            let sourceFile = try reader.string(), digest = try reader.string()
            let read = ReadResult(article: try reader.optional(), problems: try reader.values())
            // A file's article was read from that file (the facts name it by the article's).
            guard read.article.map({ $0.sourceFile == sourceFile }) ?? true else { throw BinaryReader.Failure.invalid }
            files.append(.init(sourceFile: sourceFile, digest: digest, read: read))
            articles[sourceFile] = read.article
        }
        facts = []
        defer { reader.recurring = nil }
        for _ in 0..<(try reader.count()) {
            reader.recurring = nil
            guard let article = articles[try reader.string()] else { throw BinaryReader.Failure.invalid }
            // Every candidate, date, mention and quote of the article names it by its id: one string for all.
            reader.recurring = article.id
            let fact = ArticleFacts(article: article, candidates: try reader.values(), dates: try reader.values()[...],
                                    naming: try reader.string(), mentions: try reader.values()[...], quotes: try reader.values()[...],
                                    unresolved: try reader.values()[...], digest: try reader.optionalString())
            guard fact.lieInTheirArticle else { throw BinaryReader.Failure.invalid }
            facts.append(fact)
        }
    }
}
