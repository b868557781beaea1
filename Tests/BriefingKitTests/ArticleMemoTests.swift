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

    static func loadAndLink(reusing memo: ArticleMemo = ArticleMemo(), gazetteer: URL = linking.appendingPathComponent("actors.yml"),
                            digests: Bool = false) throws
        -> (loaded: ArticleLoader.Result, graph: BriefingGraph, facts: [ArticleFacts], naming: NamingTable) {
        let loaded = ArticleLoader.load(directory: linking.appendingPathComponent("articles"), displayRoot: "linking",
                                        reusing: memo.files)
        let gazetteer = Gazetteer.load(gazetteer, displayPath: "actors.yml").0
        let linked = Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: SiteSettings(),
                                 reusing: memo.facts, naming: memo.naming, digests: digests)
        return (loaded, linked.graph, linked.facts, linked.naming)
    }

    @Test func whatIsKeptComesBackTheSame() throws {
        var (loaded, graph, facts, naming) = try Self.loadAndLink()
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
        try ArticleMemo(files: loaded.files, facts: facts, naming: naming).save(file, content: Self.linking)
        let (memo, note) = ArticleMemo.load(file, content: Self.linking)
        #expect(note == nil)
        // Read back shard by shard: the same files and facts, in shard order.
        #expect(memo?.files.sorted { $0.sourceFile < $1.sourceFile } == loaded.files.sorted { $0.sourceFile < $1.sourceFile })
        #expect(memo.map { Set($0.facts.map(\.article.id)) } == Set(facts.map(\.article.id)))
        #expect(memo?.factsByArticle == Dictionary(uniqueKeysWithValues: facts.map { ($0.article.id, $0) }))
        #expect(memo?.naming == naming)
        #expect(memo?.shardsRead.count == Set(loaded.files.map { ArticleMemo.shard(of: $0.sourceFile) }).count)
    }

    /// Facts that do not lie in their article (a block it lacks, a mention past its block's end,
    /// another article's id) make the memo's shard unreadable, not pages that cut snippets past
    /// a paragraph's end: the memo is checked as it is read, whatever its checksum says.
    @Test func factsOutsideTheirArticleAreRefused() throws {
        let (loaded, _, facts, _) = try Self.loadAndLink()
        #expect(facts.allSatisfy { $0.lieInTheirArticle })
        func read(_ change: (inout ArticleFacts) -> Void, file changeFile: (inout ArticleLoader.LoadedFile) -> Void = { _ in }) throws -> Bool {
            var fact = try #require(facts.first { !$0.mentions.isEmpty && !$0.dates.isEmpty })
            change(&fact)
            // The memo keeps an article once, with its file; facts are read with it.
            var file = try #require(loaded.files.first { $0.sourceFile == fact.article.sourceFile })
            changeFile(&file)
            var writer = BinaryWriter()
            ArticleMemo(files: [file], facts: [fact]).write(to: &writer)
            var reader = BinaryReader(writer.bytes)
            return (try? ArticleMemo(from: &reader)) != nil
        }
        #expect(try read { _ in })
        let blocks = try #require(facts.first { !$0.mentions.isEmpty && !$0.dates.isEmpty }?.article.blocks.count)
        #expect(try !read { $0.mentions[$0.mentions.startIndex].block = blocks + 1 })
        #expect(try !read { $0.mentions[$0.mentions.startIndex].offset = 1 << 20 })
        #expect(try !read { $0.mentions[$0.mentions.startIndex].articleID = "another" })
        #expect(try !read { $0.dates[$0.dates.startIndex].block = blocks + 1 })
        #expect(try !read { $0.dates[$0.dates.startIndex].reference.offset = 1 << 20 })
        #expect(try !read { $0.quotes = [.init(speakerID: nil, text: "x", articleID: $0.article.id, block: -1)] })
        #expect(try !read { $0.unresolved = [.init(name: "Smith", articleID: $0.article.id, block: blocks + 1, candidates: [])] })
        #expect(try !read({ _ in }, file: { $0.read.article?.blocks[0].number = 2 }))
        #expect(try !read({ _ in }, file: { $0.read.article?.sourceFile = "articles/another.txt" }))
        // The title is block 0.
        #expect(try read { $0.unresolved = [.init(name: "Smith", articleID: $0.article.id, block: 0, candidates: [])] })
    }

    /// After one edit, only the edited file's shard is written again; the others keep their bytes
    /// and their modification times.
    @Test func aBuildWritesOnlyTheShardsThatChanged() throws {
        let (loaded, _, facts, naming) = try Self.loadAndLink()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = ArticleMemo.file(in: directory, for: Self.linking)
        try ArticleMemo(files: loaded.files, facts: facts, naming: naming).save(folder, content: Self.linking)
        func stamps() throws -> [String: Date] {
            var stamps: [String: Date] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                stamps[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
            }
            return stamps
        }
        let before = try stamps()
        #expect(before.keys.contains("names.cache"))
        let read = try #require(ArticleMemo.load(folder, content: Self.linking).memo)
        Thread.sleep(forTimeInterval: 0.05)
        var edited = read
        let index = try #require(edited.files.firstIndex { $0.read.article != nil })
        edited.files[index].digest = "another digest"
        edited.shardsRead = []
        try edited.save(folder, content: Self.linking, unchangedFrom: read)
        let after = try stamps()
        let shard = ArticleMemo.shardName(ArticleMemo.shard(of: edited.files[index].sourceFile))
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [shard])
        #expect(ArticleMemo.load(folder, content: Self.linking).memo?.filesBySource[edited.files[index].sourceFile]?.digest == "another digest")
    }

    @Test func aFileIsReadAgainOnlyWhenItsBytesChanged() throws {
        let first = try Self.loadAndLink()
        var files = first.loaded.files
        // The same digest: the kept read is used, even one that says something else.
        files[0].read.article?.title = "Kept title"
        var loaded = ArticleLoader.load(directory: Self.linking.appendingPathComponent("articles"), displayRoot: "linking",
                                        reusing: files)
        #expect(loaded.articles.first { $0.sourceFile == files[0].sourceFile }?.title == "Kept title")
        // Another digest: the file is read again.
        files[0].digest = "0"
        loaded = ArticleLoader.load(directory: Self.linking.appendingPathComponent("articles"), displayRoot: "linking",
                                    reusing: files)
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

    /// The digest kept with each article's facts is the one worked out from the graph, whether
    /// the facts were found in this build, kept from the memo, or kept with their mentions found
    /// again; a page digest made from it is the one made without it.
    @Test func theFactsKeepTheDigestOfWhatTheGraphHolds() throws {
        func expectDigestsOfTheGraph(_ linked: (loaded: ArticleLoader.Result, graph: BriefingGraph, facts: [ArticleFacts], naming: NamingTable),
                                     sourceLocation: SourceLocation = #_sourceLocation) {
            let index = GraphIndex(linked.graph)
            let quotes = Dictionary(grouping: linked.graph.quotes, by: \.articleID)
            #expect(linked.graph.factDigests.count == 14, sourceLocation: sourceLocation)
            for article in linked.graph.articles {
                #expect(linked.graph.factDigests[article.id] == ArticleDigests.factsDigest(article, index, quotes: quotes[article.id] ?? []),
                        "\(article.id)", sourceLocation: sourceLocation)
            }
            var worked = linked.graph
            worked.factDigests = [:]
            let (kept, made) = (ArticleDigests(index), ArticleDigests(GraphIndex(worked)))
            #expect(linked.graph.articles.allSatisfy { kept.words(of: $0.id) == made.words(of: $0.id) }, sourceLocation: sourceLocation)
        }
        let first = try Self.loadAndLink(digests: true)
        expectDigestsOfTheGraph(first)
        #expect(Set(first.graph.factDigests.values).count == 14)
        // Without being asked, the linker works out none.
        #expect(try Self.loadAndLink().graph.factDigests.isEmpty)

        // Kept through the memo's file, and taken over with the facts.
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = ArticleMemo.file(in: directory, for: Self.linking)
        try ArticleMemo(files: first.loaded.files, facts: first.facts, naming: first.naming).save(folder, content: Self.linking)
        let memo = try #require(ArticleMemo.load(folder, content: Self.linking).memo)
        #expect(memo.facts.allSatisfy { $0.digest != nil && $0.digest == first.graph.factDigests[$0.article.id] })
        let again = try Self.loadAndLink(reusing: memo, digests: true)
        #expect(again.graph.factDigests == first.graph.factDigests)

        // A gazetteer entry whose names one article holds: its mentions are found again, and the
        // digests are those of a build without the memo.
        let edited = directory.appendingPathComponent("actors.yml")
        let original = try String(contentsOf: Self.linking.appendingPathComponent("actors.yml"), encoding: .utf8)
        try (original + "\n- name: Satish Dhawan\n  roles: [space scientist]\n").write(to: edited, atomically: true, encoding: .utf8)
        let renamed = try Self.loadAndLink(reusing: memo, gazetteer: edited, digests: true)
        expectDigestsOfTheGraph(renamed)
        #expect(renamed.graph.factDigests == (try Self.loadAndLink(gazetteer: edited, digests: true)).graph.factDigests)

        // A kept fact of another article under the same id is not used, nor its digest.
        var other = memo
        let index = try #require(other.facts.firstIndex { $0.article.id == "113_india-space-launch" })
        other.facts[index].article.title += " (edited)"
        other.facts[index].digest = "not this article's"
        #expect(try Self.loadAndLink(reusing: other, digests: true).graph.factDigests == first.graph.factDigests)

        // Facts kept from a memo without digests get theirs.
        var bare = memo
        for i in bare.facts.indices { bare.facts[i].digest = nil }
        expectDigestsOfTheGraph(try Self.loadAndLink(reusing: bare, digests: true))
    }

    /// A file's shard is worked out from its digest's first number, not its text: the same shard
    /// as the first four hexadecimal digits give, so that the shards written before are still found.
    @Test func aFilesShardIsItsDigestsFirstFourDigits() {
        var names = ["articles/a.txt", "articles/ü/日本.md", "", "articles/" + String(repeating: "x", count: 300)]
        names += (0..<2000).map { "articles/\($0)_bench.txt" }
        var shards = Set<Int>()
        for name in names {
            let shard = ArticleMemo.shard(of: name)
            #expect(shard == Int(StableHasher.digest(Array(name.utf8)).prefix(4), radix: 16)! % ArticleMemo.shardCount, "\(name)")
            shards.insert(shard)
            var hasher = StableHasher()
            hasher.combine(Array(name.utf8))
            let (x, y) = hasher.words
            #expect(hasher.finalize() == String(format: "%016llx%016llx", x, y))
        }
        #expect(shards.count == ArticleMemo.shardCount)
    }

    @Test func namesRoundTripAndALongerNameChangesEverything() throws {
        let first = try Self.loadAndLink()
        var writer = BinaryWriter()
        first.naming.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try NamingTable(from: &reader) == first.naming)
        // A table whose digest is not its names' is refused: facts are matched to a table by it.
        var claimed = first.naming
        claimed.names["Nobody"] = ["nobody"]
        writer = BinaryWriter()
        claimed.write(to: &writer)
        reader = BinaryReader(writer.bytes)
        #expect(throws: BinaryReader.Failure.invalid) { try NamingTable(from: &reader) }
        var longer = first.naming
        longer.longestName += 1
        #expect(longer.changes(since: first.naming) == nil)
        #expect(first.naming.changes(since: first.naming)?.isEmpty == true)
    }

    @Test func aDamagedOrForeignMemoIsNotRead() throws {
        let (loaded, _, facts, naming) = try Self.loadAndLink()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = ArticleMemo.file(in: directory, for: Self.linking)
        let memo = ArticleMemo(files: loaded.files, facts: facts, naming: naming)
        try memo.save(folder, content: Self.linking)
        let sourceFile = loaded.files[0].sourceFile
        let file = folder.appendingPathComponent(ArticleMemo.shardName(ArticleMemo.shard(of: sourceFile)))
        let good = try Data(contentsOf: file)
        let inShard = loaded.files.filter { ArticleMemo.shard(of: $0.sourceFile) == ArticleMemo.shard(of: sourceFile) }.count

        #expect(ArticleMemo.load(folder, content: directory).memo == nil, "another content directory's")
        // A damaged shard is not read; the others are.
        for at in [0, 40, good.count / 2, good.count - 1] {
            var damaged = good
            damaged[at] ^= 0x01
            try damaged.write(to: file)
            let (read, note) = ArticleMemo.load(folder, content: Self.linking)
            #expect(read?.files.count == loaded.files.count - inShard)
            #expect(read?.filesBySource[sourceFile] == nil)
            #expect(note?.contains("ignored the article cache's shard") == true)
        }
        try Data(good.prefix(good.count - 1)).write(to: file)
        #expect(ArticleMemo.load(folder, content: Self.linking).memo?.files.count == loaded.files.count - inShard)
        // Another generator's, with a right checksum.
        let shard = ArticleMemo(files: loaded.files.filter { ArticleMemo.shard(of: $0.sourceFile) == ArticleMemo.shard(of: sourceFile) })
        let foreign = CacheFile.seal(ArticleMemo.kind, owner: Self.linking, generator: "briefing 0.0.1") { shard.write(to: &$0) }
        try Data(foreign).write(to: file)
        #expect(ArticleMemo.load(folder, content: Self.linking).memo?.filesBySource[sourceFile] == nil)
        // The damaged shard is written again by the next save, the sound ones are not.
        let read = try #require(ArticleMemo.load(folder, content: Self.linking).memo)
        try memo.save(folder, content: Self.linking, unchangedFrom: read)
        #expect(try Data(contentsOf: file) == good)
        // No folder: no memo, and nothing to say.
        let (none, note) = ArticleMemo.load(directory.appendingPathComponent("missing"), content: Self.linking)
        #expect(none == nil && note == nil)
    }

    @Test func whatAKilledBuildLeftHalfWrittenIsRemoved() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = ArticleMemo.file(in: directory, for: Self.linking)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let leftover = folder.appendingPathComponent(".names.cache.999999.tmp")
        try Data("half".utf8).write(to: leftover)
        // And the one-file memo of an earlier version, beside the folder.
        let legacy = directory.appendingPathComponent(folder.lastPathComponent + ".cache")
        try Data("old".utf8).write(to: legacy)
        let (loaded, _, facts, naming) = try Self.loadAndLink()
        try ArticleMemo(files: Array(loaded.files.prefix(1)), facts: Array(facts.prefix(0)), naming: naming).save(folder, content: Self.linking)
        let shard = ArticleMemo.shardName(ArticleMemo.shard(of: loaded.files[0].sourceFile))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [shard, "names.cache"].sorted())
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
        #expect(ArticleMemo.load(folder, content: Self.linking).memo?.files.count == 1)
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

    /// A cache file is read where it lies (`FileBytes(mapping:)`), not copied: what it holds comes
    /// back as written; a span of it (what `Stored` keeps) outlives its reader and a new file
    /// renamed over it; an empty file is no cache, a missing one no bytes.
    @Test func aCacheFileIsReadWhereItLies() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("test.cache")
        let article = try Fixtures.article("000_a07414719247a0af.txt")
        try CacheFile.write("test 1", owner: directory, to: file) { $0.string("kept as bytes"); $0.value(article) }
        let read = CacheFile.read(file, "test 1", owner: directory, what: "the test cache") { reader in
            (try reader.span { try $0.skipString() }, try reader.value(Article.self))
        }
        let (span, value) = try #require(read.value)
        #expect(value == article && read.note == nil)
        try CacheFile.write("test 1", owner: directory, to: file) { $0.string("the next build's") }
        var again = BinaryReader(span)
        #expect(try again.string() == "kept as bytes" && again.isAtEnd)
        var writer = BinaryWriter(), expected = BinaryWriter()
        writer.raw(span)
        expected.string("kept as bytes")
        #expect(writer.bytes == expected.bytes)
        #expect(CacheFile.read(file, "test 1", owner: directory, what: "the test cache") { try $0.string() }.value == "the next build's")

        let empty = directory.appendingPathComponent("empty.cache")
        try Data().write(to: empty)
        #expect(try FileBytes(mapping: empty.path).count == 0)
        let none = CacheFile.read(empty, "test 1", owner: directory, what: "the test cache") { try $0.string() }
        #expect(none.value == nil && none.note == "ignored the test cache empty.cache: written by another generator or damaged")
        #expect(throws: (any Error).self) { try FileBytes(mapping: directory.appendingPathComponent("missing.cache").path) }
        #expect(throws: (any Error).self) { try FileBytes(mapping: directory.path) }
        #expect(FileBytes(copying: [1, 2, 3]).withBytes { Array($0) } == [1, 2, 3])
    }

    @Test func integersRoundTrip() throws {
        var writer = BinaryWriter()
        let values = [0, 1, -1, 63, 64, -65, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min]
        for value in values { writer.int(value) }
        var reader = BinaryReader(writer.bytes)
        #expect(try values.map { _ in try reader.int() } == values)
        #expect(reader.isAtEnd)
    }

    /// A recurring string is read as itself, sharing its storage, only where the bytes are its
    /// bytes: a string of the same length, a prefix of it, or one it is a prefix of comes back as written.
    @Test func aRecurringStringIsSharedOnlyWhereItIsTheOneRead() throws {
        let id = "2025-01-21-kyiv-talks-resume-after-a-long-pause"
        let written = [id, "2025-01-21-kyiv-talks-resume-after-a-long-pausE", "2025-01-21", id + "-2", "", "caf\u{E9}", id]
        var writer = BinaryWriter()
        for text in written { writer.string(text) }
        var reader = BinaryReader(writer.bytes)
        reader.recurring = id
        let read = try written.map { _ in try reader.string() }
        #expect(read == written)
        #expect(reader.isAtEnd)
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(storage(read[0]) == storage(id) && storage(read[6]) == storage(id), "the recurring string itself")
        #expect(storage(read[3]) != storage(id))
    }

    /// The enums the cache keeps by their place among `allCases`: each case comes back as itself,
    /// and a place past the last case (a damaged cache) is refused.
    @Test func enumCasesRoundTripByTheirPlace() throws {
        func check<E: CaseIterable & Equatable>(_: E.Type) throws {
            var writer = BinaryWriter()
            for value in E.allCases { writer.case(value) }
            writer.int(E.allCases.count)
            var reader = BinaryReader(writer.bytes)
            #expect(try E.allCases.map { _ in try reader.case(E.self) } == Array(E.allCases))
            #expect(throws: BinaryReader.Failure.self) { try reader.case(E.self) }
        }
        try check(DateReference.Granularity.self)
        try check(DateReference.Modifier.self)
        try check(TextBlock.Role.self)
        try check(ArticleFormat.self)
        try check(ActorKind.self)
        var negative = BinaryWriter()
        negative.int(-1)
        var reader = BinaryReader(negative.bytes)
        #expect(throws: BinaryReader.Failure.self) { try reader.case(ActorKind.self) }
    }

    /// A date keeps its points only when they are not the usual ones for its value and granularity
    /// (a range's two days): both kinds come back equal, with the same points.
    @Test func aDatesPointsRoundTripWhetherUsualOrNot() throws {
        let dates = [
            DateReference(text: "Jan. 20", offset: 3, value: "2025-01-20", granularity: .day),
            DateReference(text: "Jan. 20-21", offset: 0, value: "2025-01-20/2025-01-21", granularity: .interval,
                          points: ["2025-01-20", "2025-01-21"]),
            DateReference(text: "three years", offset: 9, value: "P3Y", granularity: .duration, mod: .moreThan, points: []),
            DateReference(text: "2024", offset: 1, value: "2024", granularity: .year, points: ["2024"]),
        ]
        #expect(dates.map(\.unusualPoints) == [nil, ["2025-01-20", "2025-01-21"], nil, nil])
        var writer = BinaryWriter()
        writer.values(dates)
        var reader = BinaryReader(writer.bytes)
        let read: [DateReference] = try reader.values()
        #expect(read == dates)
        #expect(read.map(\.points) == [["2025-01-20"], ["2025-01-20", "2025-01-21"], [], ["2024"]])
        #expect(reader.isAtEnd)
    }

    @Test func hashingWordsGivesTheSameDigestAsBytes() {
        var random = IncrementalBuildTests.Random(state: 7)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1001] {
            let bytes = (0..<length).map { _ in UInt8(random.next(256)) }
            // `lazy.map` has no contiguous storage: it takes the byte-by-byte path.
            #expect(StableHasher.digest(bytes) == StableHasher.digest(bytes.lazy.map { $0 }))
            // After an odd start the word path must pick up where the bytes left off.
            var a = StableHasher(), b = StableHasher()
            a.combine([1, 2, 3] as [UInt8]); a.combine(bytes)
            b.combine(([1, 2, 3] + bytes).lazy.map { $0 })
            #expect(a.finalize() == b.finalize())
        }
        // Cut anywhere, in two or three pieces, the bytes give the digest they give whole.
        let bytes = (0..<100).map { _ in UInt8(random.next(256)) }
        let whole = StableHasher.digest(bytes)
        for cut in 0...bytes.count {
            var hasher = StableHasher()
            hasher.combine(bytes[..<cut]); hasher.combine(bytes[cut..<max(cut, 70)]); hasher.combine(bytes[max(cut, 70)...])
            #expect(hasher.finalize() == whole, "cut at \(cut)")
        }
    }

    /// Different bytes give different digests, in both of its numbers: each length of zeros up
    /// to three stripes, and each one-bit change of some random bytes.
    @Test func digestsTellInputsApart() {
        var random = IncrementalBuildTests.Random(state: 11)
        var inputs = (0...96).map { [UInt8](repeating: 0, count: $0) }
        let bytes = (0..<70).map { _ in UInt8(random.next(256)) }
        inputs.append(bytes)
        for at in bytes.indices {
            for bit in 0..<8 {
                var changed = bytes
                changed[at] ^= 1 << bit
                inputs.append(changed)
            }
        }
        let words = inputs.map { StableHasher.words($0) }
        #expect(Set(words.map(\.0)).count == inputs.count)
        #expect(Set(words.map(\.1)).count == inputs.count)
        #expect(Set(inputs.map { StableHasher.digest($0) }).count == inputs.count)
    }

    /// The loader and the linker say what they took over from the memo: every file and every
    /// article's facts when nothing changed; not the facts of an article found with other names.
    @Test func theLoaderAndTheLinkerSayWhatTheyTookOver() throws {
        let first = try Self.loadAndLink()
        #expect(first.loaded.reused.isEmpty)
        let memo = ArticleMemo(files: first.loaded.files, facts: first.facts, naming: first.naming)
        let gazetteer = Gazetteer.load(Self.linking.appendingPathComponent("actors.yml"), displayPath: "actors.yml").0
        let loaded = ArticleLoader.load(directory: Self.linking.appendingPathComponent("articles"), displayRoot: "linking",
                                        reusing: memo.files)
        #expect(loaded.reused == Set(first.loaded.files.map(\.sourceFile)))
        var linked = Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: SiteSettings(),
                                 reusing: memo.facts, naming: memo.naming)
        #expect(linked.reused == Set(first.facts.map(\.article.sourceFile)))
        #expect(linked.facts == first.facts)
        var facts = first.facts
        facts[3].naming = "another registry"
        linked = Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: SiteSettings(),
                             reusing: facts, naming: memo.naming)
        #expect(linked.reused == Set(first.facts.map(\.article.sourceFile)).subtracting([facts[3].article.sourceFile]))
        #expect(linked.facts == first.facts)
    }

    /// Through `briefing build`: a build with nothing changed writes no shard of the memo again;
    /// one article edited writes its shard only.
    @Test func aBuildRewritesTheShardOfAnEditedArticleOnly() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let folder = ArticleMemo.file(in: workspace.cache, for: workspace.content)
        func stamps() throws -> [String: Date] {
            var stamps: [String: Date] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                stamps[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
            }
            return stamps
        }
        _ = try SiteBuilder.build(workspace.options())
        let first = try stamps()
        #expect(first.count > 10)
        Thread.sleep(forTimeInterval: 0.05)
        _ = try SiteBuilder.build(workspace.options())
        #expect(try stamps() == first)
        let name = "108_opec-meeting.txt"
        let file = workspace.articles.appendingPathComponent(name)
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "barrels", with: "barrels of crude")
            .write(to: file, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.05)
        _ = try SiteBuilder.build(workspace.options())
        let after = try stamps()
        #expect(after.keys.sorted() == first.keys.sorted())
        #expect(after.filter { first[$0.key] != $0.value }.map(\.key) == [ArticleMemo.shardName(ArticleMemo.shard(of: "articles/" + name))])
        // And what it wrote is read back as that article's file now.
        let memo = try #require(ArticleMemo.load(folder, content: workspace.content).memo)
        #expect(memo.filesBySource["articles/" + name]?.read.article?.blocks.contains { $0.text.contains("barrels of crude") } == true)
    }
}

