import Foundation
import Testing
@testable import BriefingKit

/// The article cache (`ArticleMemo`): what it keeps comes back the same, it is used only for what
/// did not change, and a damaged or foreign one is not read.
@Suite("Article cache")
struct ArticleMemoTests {
    /// The linking fixtures: 14 articles with a gazetteer, so that there are mentions, quotes,
    /// dates and unresolved names to keep.
    static let linking = Fixtures.root.appendingPathComponent("linking")

    static func loadAndLink(reusing memo: ArticleMemo = ArticleMemo(), gazetteer: URL = linking.appendingPathComponent("actors.yml")) throws
        -> (loaded: ArticleLoader.Result, graph: BriefingGraph, facts: [ArticleFacts], naming: NamingTable) {
        let loaded = ArticleLoader.load(directory: linking.appendingPathComponent("articles"), displayRoot: "linking",
                                        reusing: memo.filesBySource)
        let gazetteer = Gazetteer.load(gazetteer, displayPath: "actors.yml").0
        let (graph, facts, naming) = Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: SiteSettings(),
                                                 reusing: memo.factsByArticle, naming: memo.naming)
        return (loaded, graph, facts, naming)
    }

    @Test func whatIsKeptComesBackTheSame() throws {
        var (loaded, graph, facts, _) = try Self.loadAndLink()
        #expect(loaded.files.count == 14)
        #expect(facts.count == 14)
        #expect(facts.flatMap(\.mentions) == graph.mentions)
        #expect(graph.mentions.count > 100)
        #expect(!graph.dates.isEmpty && !graph.quotes.isEmpty)
        #expect(facts.contains { !$0.candidates.isEmpty })
        // The fixtures leave no name unresolved: one is added, to be kept too.
        facts[0].unresolved = [.init(name: "Smith", articleID: facts[0].article.id, block: 2, candidates: ["ann-smith", "bob-smith"])]
        loaded.files[0].read.problems = [LoadProblem(line: 3, "a kept warning"), LoadProblem(line: nil, "another")]

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = ArticleMemo.file(in: directory, for: Self.linking)
        try ArticleMemo(files: loaded.files, facts: facts).save(file, content: Self.linking)
        let (memo, note) = ArticleMemo.load(file, content: Self.linking)
        #expect(note == nil)
        #expect(memo?.files == loaded.files)
        #expect(memo?.facts == facts)
    }

    @Test func aFileIsReadAgainOnlyWhenItsBytesChanged() throws {
        let first = try Self.loadAndLink()
        var files = first.loaded.files
        // The same digest: the kept read is used, even one that says something else.
        files[0].read.article?.title = "Kept title"
        var loaded = ArticleLoader.load(directory: Self.linking.appendingPathComponent("articles"), displayRoot: "linking",
                                        reusing: ArticleMemo(files: files).filesBySource)
        #expect(loaded.articles.first { $0.sourceFile == files[0].sourceFile }?.title == "Kept title")
        // Another digest: the file is read again.
        files[0].digest = "0"
        loaded = ArticleLoader.load(directory: Self.linking.appendingPathComponent("articles"), displayRoot: "linking",
                                    reusing: ArticleMemo(files: files).filesBySource)
        #expect(loaded.articles == first.loaded.articles)
        #expect(loaded.files == first.loaded.files)
    }

    @Test func factsAreReusedOnlyForTheSameArticleAndNames() throws {
        let first = try Self.loadAndLink()
        let index = try #require(first.facts.firstIndex { !$0.mentions.isEmpty && !$0.dates.isEmpty })
        var facts = first.facts
        // Same article, same names: what is kept is used (here, a mention list made empty).
        facts[index].mentions = []
        facts[index].dates = []
        var again = try Self.loadAndLink(reusing: ArticleMemo(files: first.loaded.files, facts: facts))
        let id = facts[index].article.id
        #expect(again.graph.mentions.count == first.graph.mentions.count - first.facts[index].mentions.count)
        #expect(!again.graph.dates.contains { $0.articleID == id })

        // Other names: the mentions are found again, the dates (the article's alone) are kept.
        facts[index].naming = "another registry"
        again = try Self.loadAndLink(reusing: ArticleMemo(files: first.loaded.files, facts: facts))
        #expect(again.graph.mentions == first.graph.mentions)
        #expect(!again.graph.dates.contains { $0.articleID == id })

        // Another article under the same id: everything is found again.
        facts[index].article.title += " (edited)"
        again = try Self.loadAndLink(reusing: ArticleMemo(files: first.loaded.files, facts: facts))
        #expect(again.graph.mentions == first.graph.mentions)
        #expect(again.graph.dates == first.graph.dates)
        #expect(again.facts == first.facts)
    }

    /// A gazetteer edit changes what some names stand for: mentions are found again in the
    /// articles that hold one of those names, and kept in the others.
    @Test func aGazetteerEditFindsMentionsAgainOnlyWhereItsNamesAre() throws {
        let first = try Self.loadAndLink()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edited = directory.appendingPathComponent("actors.yml")
        let original = try String(contentsOf: Self.linking.appendingPathComponent("actors.yml"), encoding: .utf8)
        // "Satish Dhawan" is in one article only, inside "Satish Dhawan Space Centre".
        try (original + "\n- name: Satish Dhawan\n  roles: [space scientist]\n").write(to: edited, atomically: true, encoding: .utf8)
        let fresh = try Self.loadAndLink(gazetteer: edited)
        #expect(fresh.naming.digest != first.naming.digest)
        let changes = try #require(fresh.naming.changes(since: first.naming))
        #expect(changes.exact.map { String(decoding: $0, as: UTF8.self) } == ["Dhawan", "Satish Dhawan"])
        #expect(changes.folded.map { String(decoding: $0, as: UTF8.self) } == ["dhawan"])
        let touched = first.loaded.articles.filter(changes.touch).map(\.id)
        #expect(touched == ["113_india-space-launch"])

        // Kept facts whose mentions were emptied: only the touched article's are found again.
        var facts = first.facts
        for i in facts.indices { facts[i].mentions = [] }
        let again = try Self.loadAndLink(reusing: ArticleMemo(files: first.loaded.files, facts: facts, naming: first.naming), gazetteer: edited)
        #expect(again.graph.mentions == fresh.graph.mentions.filter { $0.articleID == "113_india-space-launch" })
        #expect(again.facts.allSatisfy { $0.naming == fresh.naming.digest })
        // Which is right: a clean link finds the same mentions as before in every other article.
        #expect(fresh.graph.mentions.filter { $0.articleID != "113_india-space-launch" }
                == first.graph.mentions.filter { $0.articleID != "113_india-space-launch" })
        // Without the last build's names, every article is linked again.
        let blind = try Self.loadAndLink(reusing: ArticleMemo(files: first.loaded.files, facts: facts), gazetteer: edited)
        #expect(blind.graph.mentions == fresh.graph.mentions)
    }

    @Test func namesRoundTripAndALongerNameChangesEverything() throws {
        let first = try Self.loadAndLink()
        var writer = BinaryWriter()
        first.naming.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try NamingTable(from: &reader) == first.naming)
        var longer = first.naming
        longer.longestName += 1
        #expect(longer.changes(since: first.naming) == nil)
        #expect(first.naming.changes(since: first.naming)?.isEmpty == true)
    }

    @Test func aDamagedOrForeignMemoIsNotRead() throws {
        let (loaded, _, facts, _) = try Self.loadAndLink()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = ArticleMemo.file(in: directory, for: Self.linking)
        let memo = ArticleMemo(files: loaded.files, facts: facts)
        try memo.save(file, content: Self.linking)
        let good = try Data(contentsOf: file)

        #expect(ArticleMemo.load(file, content: directory).memo == nil, "another content directory's")
        for at in [0, 40, good.count / 2, good.count - 1] {
            var damaged = good
            damaged[at] ^= 0x01
            try damaged.write(to: file)
            let (read, note) = ArticleMemo.load(file, content: Self.linking)
            #expect(read == nil)
            #expect(note?.contains("ignored the article cache") == true)
        }
        try Data(good.prefix(good.count - 1)).write(to: file)
        #expect(ArticleMemo.load(file, content: Self.linking).memo == nil)
        // Another generator's, with a right checksum.
        let foreign = CacheFile.seal(ArticleMemo.kind, owner: Self.linking, generator: "briefing 0.0.1") { memo.write(to: &$0) }
        try Data(foreign).write(to: file)
        #expect(ArticleMemo.load(file, content: Self.linking).memo == nil)
        // No file: no memo, and nothing to say.
        let (none, note) = ArticleMemo.load(directory.appendingPathComponent("missing.cache"), content: Self.linking)
        #expect(none == nil && note == nil)
    }

    @Test func whatAKilledBuildLeftHalfWrittenIsRemoved() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = ArticleMemo.file(in: directory, for: Self.linking)
        let leftover = directory.appendingPathComponent("." + file.lastPathComponent + ".999999.tmp")
        try Data("half".utf8).write(to: leftover)
        try ArticleMemo().save(file, content: Self.linking)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [file.lastPathComponent])
        #expect(ArticleMemo.load(file, content: Self.linking).memo?.files.isEmpty == true)
    }

    @Test func aCutShortValueIsRefused() throws {
        let article = try Fixtures.article("000_a07414719247a0af.txt")
        var writer = BinaryWriter()
        writer.value(article)
        let bytes = writer.bytes
        var whole = BinaryReader(bytes)
        #expect(try whole.value(Article.self) == article)
        #expect(whole.isAtEnd)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            var reader = BinaryReader(bytes, to: length)
            #expect(throws: BinaryReader.Failure.self) { try reader.value(Article.self) }
        }
    }

    @Test func integersRoundTrip() throws {
        var writer = BinaryWriter()
        let values = [0, 1, -1, 63, 64, -65, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min]
        for value in values { writer.int(value) }
        var reader = BinaryReader(writer.bytes)
        #expect(try values.map { _ in try reader.int() } == values)
        #expect(reader.isAtEnd)
    }

    @Test func hashingWordsGivesTheSameDigestAsBytes() {
        var random = IncrementalBuildTests.Random(state: 7)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 1001] {
            let bytes = (0..<length).map { _ in UInt8(random.next(256)) }
            // `lazy.map` has no contiguous storage: it takes the byte-by-byte path.
            #expect(StableHasher.digest(bytes) == StableHasher.digest(bytes.lazy.map { $0 }))
            // After an odd start the word path must pick up where the bytes left off.
            var a = StableHasher(), b = StableHasher()
            a.combine([1, 2, 3] as [UInt8]); a.combine(bytes)
            b.combine(([1, 2, 3] + bytes).lazy.map { $0 })
            #expect(a.finalize() == b.finalize())
        }
    }
}
