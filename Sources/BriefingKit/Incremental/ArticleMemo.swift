import Foundation

/// What the last build read from each article file and found in each article, kept in
/// `.briefing-cache/articles-….cache`: the next build parses, scans for dates and actors, and
/// links again only what changed (`ArticleLoader.load(…reusing:)`, `Linker.link(…reusing:)`).
///
/// Nothing in it is trusted blindly. A file's read is reused only when the file's bytes have the
/// same digest; an article's facts only when the article is equal to the one they were found in,
/// and its mentions only when the actors' names are the same. The file itself is sealed by
/// `CacheFile`: another generator's memo, or a damaged one, is not read.
public struct ArticleMemo: Sendable {
    public var files: [ArticleLoader.LoadedFile]
    public var facts: [ArticleFacts]
    /// The names the facts' mentions were found with.
    var naming: NamingTable?

    static let kind = "briefing-articles 2"

    public init(files: [ArticleLoader.LoadedFile] = [], facts: [ArticleFacts] = []) {
        self.files = files
        self.facts = facts
    }

    init(files: [ArticleLoader.LoadedFile], facts: [ArticleFacts], naming: NamingTable?) {
        self.init(files: files, facts: facts)
        self.naming = naming
    }

    /// The memo file for a content directory, inside the cache directory.
    public static func file(in directory: URL, for content: URL) -> URL {
        directory.appendingPathComponent(CacheFile.name("articles", for: content))
    }

    /// The files by source file, for the loader.
    public var filesBySource: [String: ArticleLoader.LoadedFile] {
        Dictionary(files.map { ($0.sourceFile, $0) }) { first, _ in first }
    }

    /// The facts by article id, for the linker.
    public var factsByArticle: [String: ArticleFacts] {
        Dictionary(facts.map { ($0.article.id, $0) }) { first, _ in first }
    }

    /// The memo, or nil when there is none (and why, when one was there but is another
    /// generator's or damaged).
    public static func load(_ file: URL, content: URL) -> (memo: ArticleMemo?, note: String?) {
        let (memo, note) = CacheFile.read(file, kind, owner: content, what: "the article cache") { try ArticleMemo(from: &$0) }
        return (memo, note)
    }

    public func save(_ file: URL, content: URL) throws {
        try CacheFile.write(Self.kind, owner: content, to: file) { write(to: &$0) }
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
        }
        writer.value(naming)
    }

    init(from reader: inout BinaryReader) throws {
        files = []
        var articles: [String: Article] = [:]
        for _ in 0..<(try reader.count()) {
            let sourceFile = try reader.string(), digest = try reader.string()
            let read = ReadResult(article: try reader.optional(), problems: try reader.values())
            files.append(.init(sourceFile: sourceFile, digest: digest, read: read))
            articles[sourceFile] = read.article
        }
        facts = []
        for _ in 0..<(try reader.count()) {
            guard let article = articles[try reader.string()] else { throw BinaryReader.Failure.invalid }
            facts.append(ArticleFacts(article: article, candidates: try reader.values(), dates: try reader.values(),
                                      naming: try reader.string(), mentions: try reader.values(), quotes: try reader.values(),
                                      unresolved: try reader.values()))
        }
        naming = try reader.optional()
    }
}
