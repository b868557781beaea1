import Foundation
import Testing
@testable import BriefingKit

/// The search index split (`SearchShards`): the parts hold exactly the whole index's documents and
/// terms, each term in the part of its first letter, and the manifest says where each kind of
/// document starts. The fixture: the sample site and the 14 linking fixtures (17 articles).
@Suite("Search index split")
struct SearchShardsTests {
    static let whole: [UInt8] = {
        let content = try! MonthPageTests.content(limit: nil)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let (graph, _) = SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: content))
        return ByteStream.collect { SearchIndex.write(GraphIndex(graph), to: $0) }
    }()

    /// The JSON a part's script assigns: `…["key"]=JSON;\n`.
    static func json(_ bytes: [UInt8], key: String) throws -> Any {
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = "(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})[\"\(key)\"]="
        #expect(text.hasPrefix(prefix) && text.hasSuffix(";\n"), "\(key)")
        return try JSONSerialization.jsonObject(with: Data(text.dropFirst(prefix.count).dropLast(2).utf8))
    }

    /// The documents and terms of a built site's split index, joined again.
    static func joined(_ site: URL) throws -> (docs: [[String]], terms: [String: String]) {
        let folder = site.appendingPathComponent("search")
        var docs: [(Int, [[String]])] = [], terms: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "index.js" {
            let key = String(name.dropLast(3))
            let value = try json(FileTree.read(folder.appendingPathComponent(name)), key: key)
            if key.hasPrefix("d-") {
                docs.append((try #require(Int(key.dropFirst(2))), try #require(value as? [[String]])))
            } else {
                terms.merge(try #require(value as? [String: String])) { _, _ in Issue.record("a term in two parts"); return "" }
            }
        }
        return (docs.sorted { $0.0 < $1.0 }.flatMap(\.1), terms)
    }

    static func gaps(_ text: String) -> [Int] {
        var n = 0
        return text.isEmpty ? [] : text.split(separator: ",").map { n += Int($0, radix: 36)!; return n }
    }

    @Test(arguments: [1000, 40, 7])
    func thePartsHoldTheWholeIndex(perShard: Int) throws {
        let text = String(decoding: Self.whole, as: UTF8.self)
        let index = try #require(try JSONSerialization.jsonObject(with: Data(text.dropFirst("window.BRIEFING_SEARCH=".count).dropLast(2).utf8)) as? [String: Any])
        let docs = try #require(index["docs"] as? [[String]])
        let terms = try #require(index["terms"] as? [String: String])
        #expect(docs.count > 400, "enough documents for several parts")

        let files = try #require(SearchShards.split(Self.whole, perShard: perShard))
        #expect(files.map(\.path) == files.map(\.path).sorted())
        var splitDocs: [[String]] = []
        var splitTerms: [String: String] = [:]
        for shard in 0..<((docs.count + perShard - 1) / perShard) {
            let file = try #require(files.first { $0.path == "search/d-\(shard).js" })
            let rows = try #require(try Self.json(file.bytes, key: "d-\(shard)") as? [[String]])
            #expect(rows.count == min(perShard, docs.count - shard * perShard))
            splitDocs += rows
        }
        #expect(splitDocs == docs)
        let termFiles = files.filter { $0.path.hasPrefix("search/t-") }
        for file in termFiles {
            let key = String(file.path.dropFirst("search/t-".count).dropLast(".js".count))
            let part = try #require(try Self.json(file.bytes, key: "t-" + key) as? [String: String])
            for term in part.keys {
                let first = term.unicodeScalars.first!
                let expected = ("a"..."z").contains(first) || ("0"..."9").contains(first) ? String(first) : "_"
                #expect(expected == key, "\(term) in t-\(key)")
            }
            splitTerms.merge(part) { first, _ in first }
        }
        #expect(splitTerms == terms)
        #expect(terms.keys.contains { !("a"..."z").contains($0.unicodeScalars.first!) && !("0"..."9").contains($0.unicodeScalars.first!) }
                == termFiles.contains { $0.path == "search/t-_.js" })

        let manifestText = String(decoding: try #require(files.first { $0.path == "search/index.js" }).bytes, as: UTF8.self)
        #expect(manifestText.hasPrefix("window.BRIEFING_SEARCH_SHARDS={") && manifestText.hasSuffix("};\n"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.dropFirst("window.BRIEFING_SEARCH_SHARDS=".count).dropLast(2).utf8)) as? [String: Any])
        #expect(manifest["perShard"] as? Int == perShard)
        #expect(manifest["docs"] as? Int == docs.count)
        #expect(Self.gaps(manifest["articles"] as? String ?? "") == docs.indices.filter { docs[$0][0] == "a" })
        #expect(Self.gaps(manifest["articles"] as? String ?? "").count == 17)
        #expect(manifest["actors"] as? Int == docs.firstIndex { $0[0] == "c" })
        #expect(manifest["dates"] as? Int == docs.firstIndex { $0[0] == "d" })
        #expect(docs[(manifest["actors"] as! Int)...].allSatisfy { $0[0] == "c" || $0[0] == "d" })
        #expect(manifest["terms"] as? String == termFiles.map { String($0.path.dropFirst("search/t-".count).dropLast(".js".count)) }.joined())
    }

    /// The one scanner both readers of the terms use: each pair's key and value as written, an
    /// escaped key told apart; anything but comma-separated pairs of JSON strings is refused.
    @Test func theTermsAreScannedPairByPair() {
        func scan(_ text: String) -> [String]? {
            let bytes = Array(text.utf8)
            var found: [String] = []
            let ok = bytes.withUnsafeBufferPointer { buffer in
                SearchTerms.scan(buffer) { entry in
                    found.append(String(decoding: bytes[entry.key], as: UTF8.self) + (entry.keyEscaped ? "*" : "") + "="
                                 + String(decoding: bytes[entry.value], as: UTF8.self))
                    return true
                }
            }
            return ok ? found : nil
        }
        #expect(scan(#""kyiv":"0,2","caf\u00e9":"4","a\"b":"z""#) == [#""kyiv"="0,2""#, #""caf\u00e9"*="4""#, #""a\"b"*="z""#])
        #expect(scan("") == [])
        #expect(scan(#""kyiv":"0""peskov":"1""#) == nil)
        #expect(scan(#""kyiv":"0","#) == nil)
        #expect(scan(#""kyiv":"0"#) == nil)
        #expect(scan(#""kyiv""0""#) == nil)
    }

    @Test func anythingElseIsNotSplit() {
        #expect(SearchShards.split(Array(Self.whole.dropLast(3))) == nil)
        #expect(SearchShards.split(Array(Self.whole.prefix(200)) + Array("}};\n".utf8)) == nil)
        #expect(SearchShards.split(Array("window.BRIEFING_SEARCH={\"docs\":[],\"terms\":{}};\n".utf8))?.map(\.path) == ["search/index.js"])
        #expect(SearchShards.split(Array("var x = 1;\n".utf8)) == nil)
    }

    /// The build writes the parts, not the whole index, and the layout points the search box at
    /// the manifest.
    @Test func theBuildWritesThePartsAndTheLayoutNamesTheManifest() throws {
        let site = ReaderFeatureTests.site
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(SitePath.searchIndex).path))
        let content = Fixtures.repository.appendingPathComponent("Content")
        let (graph, _) = SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: site))
        let whole = ByteStream.collect { SearchIndex.write(GraphIndex(graph), to: $0) }
        let expected = try #require(SearchShards.split(whole))
        for file in expected {
            #expect(try FileTree.read(site.appendingPathComponent(file.path)) == file.bytes, "\(file.path)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("search").path).sorted()
        #expect(written.map { "search/" + $0 } == expected.map(\.path).sorted())
        let html = try String(contentsOf: site.appendingPathComponent("actors/dmitry-peskov.html"), encoding: .utf8)
        #expect(html.contains(#"data-index="../search/index.js""#))
    }
}
