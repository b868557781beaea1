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
