import Foundation
import Testing
@testable import BriefingKit

/// The data files are written one entry at a time (`ByteStream`); the bytes must be exactly what
/// encoding each file whole would give (in `briefing.json`, with a newline before each entry).
@Suite("Streamed data files")
struct DataFileTests {
    /// The document `briefing.json` holds, encoded whole: the oracle for the streamed file.
    struct Document: Encodable {
        var actors: [BriefingExport.ActorEntry]
        var annotations = "annotations.jsonld"
        var articles: [BriefingExport.ArticleEntry]
        var dates: [BriefingExport.DateEntry]
    }

    static func whole(_ index: GraphIndex) throws -> [UInt8] {
        let quotes = Dictionary(grouping: index.graph.quotes, by: \.articleID)
        let document = Document(
            actors: index.graph.actors.filter { index.hasPage.contains($0.id) }.map { BriefingExport.actorEntry($0, index) },
            articles: index.graph.articles.map { BriefingExport.articleEntry($0, index, quotes: quotes[$0.id] ?? []) },
            dates: index.dateValues.map { BriefingExport.DateEntry(value: $0, page: index.datePath($0), mentions: index.datesByValue.count($0)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(document))
    }

    @Test(arguments: ["sample", "bench"])
    func theStreamedExportIsTheWholeDocument(_ corpus: String) throws {
        let index = corpus == "sample" ? GraphIndex(SampleLinkingTests.graph) : ScaleTests.plan.index
        // Small chunks, so that entries straddle them.
        var streamed: [UInt8] = []
        let stream = ByteStream(chunkSize: 97) { streamed.append(contentsOf: $0); return true }
        BriefingExport.write(index, to: stream)
        stream.flush()
        // Without its newlines, the file is the document encoded whole…
        let expected = try Self.whole(index)
        #expect(streamed.filter { $0 != 0x0A } == expected)
        // …and every actor, article and date is a line of its own, with six lines around them.
        let lines = streamed.split(separator: 0x0A, omittingEmptySubsequences: false)
        let entries = index.graph.actors.filter { index.hasPage.contains($0.id) }.count + index.graph.articles.count + index.dateValues.count
        #expect(lines.count == entries + 10)
        #expect(lines.prefix(2).map { String(decoding: $0, as: UTF8.self) } == ["{", #""actors":["#])
        #expect(lines.contains { String(decoding: $0, as: UTF8.self) == #""annotations":"annotations.jsonld","# })
        #expect(lines.suffix(3).map { String(decoding: $0, as: UTF8.self) } == ["]", "}", ""])
        let article = try #require(lines.first { $0.starts(with: Array(#"{"author":"#.utf8)) })
        #expect(try JSONSerialization.jsonObject(with: Data(article.dropLast())) is [String: Any])
    }

    /// An actor's aliases in `briefing.json`: its own, then every other name it is mentioned by,
    /// in the order of the graph's mentions, each once (read from the graph's mentions directly).
    @Test(arguments: ["sample", "bench"])
    func anActorsAliasesAreEveryNameItIsMentionedBy(_ corpus: String) {
        let index = corpus == "sample" ? GraphIndex(SampleLinkingTests.graph) : ScaleTests.plan.index
        var expected: [String: [String]] = [:]
        for actor in index.actorsWithPages { expected[actor.id] = actor.aliases }
        for mention in index.graph.mentions {
            guard let actor = index.actorsByID[mention.actorID], mention.text != actor.name,
                  expected[actor.id]?.contains(mention.text) == false else { continue }
            expected[actor.id]?.append(mention.text)
        }
        var namedOtherwise = 0
        for actor in index.actorsWithPages {
            let entry = BriefingExport.actorEntry(actor, index)
            #expect(entry.aliases == expected[actor.id], "\(actor.id)")
            if entry.aliases.count > actor.aliases.count { namedOtherwise += 1 }
        }
        // Actors mentioned by names of their own beyond the gazetteer's (a surname, Zelenskyy beside Zelensky).
        #expect(namedOtherwise > 0)
        if corpus == "sample" {
            #expect(BriefingExport.actorEntry(index.actorsByID["volodymyr-zelensky"]!, index).aliases.contains("Zelenskyy"))
        }
        // By hand: the gazetteer's alias first, then the other names in the order first met, each once.
        let actor = Actor(id: "anna-kovac", name: "Anna Kovac", kind: .person, origin: .gazetteer, aliases: ["Kovac"], roles: [])
        let texts = ["Kovač", "Kovač", "Kovac", "Anna Kovac", "A. Kovac", "Kovač", "Kovac", "A. Kovac"]
        let mentions = texts.enumerated().map { Mention(actorID: actor.id, articleID: "a", block: 1, offset: $0 * 10, text: $1) }
        let graph = BriefingGraph(settings: SiteSettings(), articles: [], actors: [actor], mentions: mentions)
        #expect(BriefingExport.actorEntry(actor, GraphIndex(graph)).aliases == ["Kovac", "Kovač", "A. Kovac"])
    }

    @Test func anEmptyBriefingIsStillTheWholeDocument() throws {
        let index = GraphIndex(BriefingGraph(settings: SiteSettings(), articles: []))
        #expect(BriefingExport.data(index.graph).filter { $0 != 0x0A } == (try Self.whole(index)))
        #expect(String(decoding: BriefingExport.data(index.graph), as: UTF8.self)
                    == "{\n\"actors\":[\n],\n\"annotations\":\"annotations.jsonld\",\n\"articles\":[\n],\n\"dates\":[\n]\n}\n")
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in ["plain", "a \"quote\" and \\ back", "line\nbreak\ttab\r\u{8}\u{C}", "\u{1}\u{1F}\u{7F}", "a/b <script>", "Zelenskyy’s café 🇺🇦", "", "é\"ü\u{0}\\🇺🇦\n"] {
            let expected = String(decoding: try encoder.encode([text]), as: UTF8.self).dropFirst().dropLast()
            #expect(JSONText.string(text) == expected, "\(text)")
            var bytes = JSONText.Bytes()
            bytes.string(text)
            #expect(bytes.text == expected, "\(text)")
        }
        // The search index also escapes "<", so that it can never end a script element.
        #expect(SearchIndex.scriptString("</script>") == #""\u003c/script>""#)
    }

    @Test func aFailedWriteIsReportedAndStopsTheStream() {
        var calls = 0
        let stream = ByteStream(chunkSize: 4) { _ in calls += 1; return false }
        stream.write("12345678")
        stream.write("more")
        stream.flush()
        #expect(stream.failed)
        #expect(calls == 1)
    }

    /// Runs copied from the last build's file (`ByteStream.copy(_:from:)`) that follow each other
    /// there, with what was written between them the same as the file's bytes between them, are
    /// copied by one call of the kernel; anything else between two runs copies them apart. The
    /// file made is the same either way, into a file or into memory.
    @Test func runsThatFollowEachOtherInTheLastFileAreCopiedAsOne() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let last = directory.appendingPathComponent("last.json")
        let text = "[\n{\"a\":1},\n{\"b\":22},\n{\"c\":333},\n{\"d\":4444}\n]\n"
        try Data(text.utf8).write(to: last)
        func range(_ entry: String) -> Range<Int> {
            let start = text.utf8.count - text.components(separatedBy: entry)[1].utf8.count - entry.utf8.count
            return start..<(start + entry.utf8.count)
        }
        // a, b and c as they were (one run), then a new entry, then d (a run of its own); then a
        // run past the file's end, refused.
        let expected = "[\n{\"a\":1},\n{\"b\":22},\n{\"c\":333},\n{\"new\":0},\n{\"d\":4444}\n]\n"
        func make(_ stream: ByteStream, _ source: CopySource) {
            stream.write("[\n")
            #expect(stream.copy(range("{\"a\":1}"), from: source))
            stream.write(",\n")
            #expect(stream.copy(range("{\"b\":22}"), from: source))
            stream.write(",\n")
            #expect(stream.copy(range("{\"c\":333}"), from: source))
            stream.write(",\n{\"new\":0},\n")
            #expect(stream.copy(range("{\"d\":4444}"), from: source))
            #expect(!stream.copy(source.count - 2..<(source.count + 1), from: source))
            #expect(stream.count == expected.utf8.count - 3)
            stream.write("\n]\n")
        }
        let made = directory.appendingPathComponent("made.json")
        let descriptor = open(made.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let source = try #require(CopySource(path: last.path))
        let stream = ByteStream(chunkSize: 4, descriptor: descriptor) { chunk in
            chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == chunk.count
        }
        make(stream, source)
        stream.flush()
        close(descriptor)
        #expect(!stream.failed)
        #expect(String(decoding: try Data(contentsOf: made), as: UTF8.self) == expected)
        #expect(source.runsCopied == 2)
        let inMemory = try #require(CopySource(path: last.path))
        #expect(String(decoding: ByteStream.collect { make($0, inMemory) }, as: UTF8.self) == expected)
        #expect(CopySource(path: directory.appendingPathComponent("missing").path) == nil)
    }

    /// A made file is compared with the output's a chunk at a time (4 KiB, then 64 KiB): a
    /// difference in any chunk, the last byte included, or a file that ends early, is not the same.
    @Test func aFileHoldsTheBytesOnlyWhenEveryChunkIsTheSame() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t-a.js")
        let bytes = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(bytes).write(to: file)
        let descriptor = open(file.path, O_RDONLY)
        defer { close(descriptor) }
        #expect(descriptor >= 0)
        #expect(StagedSite.file(descriptor, holds: bytes))
        #expect(StagedSite.file(descriptor, holds: Array(bytes.prefix(70_000))), "a prefix: the caller compares sizes")
        for at in [0, 4_095, 4_096, 69_631, 69_632, 149_999] {
            var changed = bytes
            changed[at] &+= 1
            #expect(!StagedSite.file(descriptor, holds: changed), "\(at)")
        }
        #expect(!StagedSite.file(descriptor, holds: bytes + [0]), "the file ends before the bytes do")
        #expect(StagedSite.file(descriptor, holds: []))
    }
}
