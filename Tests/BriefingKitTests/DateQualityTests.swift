import Foundation
import Testing
import Yams
@testable import BriefingKit

/// Detection and value accuracy of the date resolver on the annotated fixture articles
/// (`Tests/Fixtures/linking/dates.yml`, written by hand independently of the resolver).
@Suite("Date quality on annotated fixtures")
struct DateQualityTests {
    struct Gold: Decodable {
        struct Expression: Decodable { var text: String; var value: String }
        var file: String
        var dct: String
        var dates: [Expression]
    }

    struct Result: CustomStringConvertible {
        var gold = 0, found = 0, matched = 0, correct = 0
        var misses: [String] = []
        var precision: Double { Double(matched) / Double(max(found, 1)) }
        var recall: Double { Double(matched) / Double(max(gold, 1)) }
        var accuracy: Double { Double(correct) / Double(max(matched, 1)) }
        var description: String {
            String(format: "detection precision %.3f (%d/%d), recall %.3f (%d/%d); value accuracy %.3f (%d/%d)",
                   precision, matched, found, recall, matched, gold, accuracy, correct, matched)
        }
    }

    static func evaluate() throws -> Result {
        let root = Fixtures.root.appendingPathComponent("linking")
        let gold = try YAMLDecoder().decode([Gold].self, from: String(contentsOf: root.appendingPathComponent("dates.yml"), encoding: .utf8))
        let loaded = ArticleLoader.load(directory: root.appendingPathComponent("articles"), displayRoot: "linking")
        var result = Result()
        for article in gold {
            let id = (article.file as NSString).deletingPathExtension
            guard let loadedArticle = loaded.articles.first(where: { $0.id == id }) else { continue }
            #expect(loadedArticle.published.iso == article.dct)
            let found = Linker.dateMentions(in: loadedArticle).map(\.reference)
            result.gold += article.dates.count
            result.found += found.count
            // A gold expression matches the first unused system one whose text overlaps it.
            var used = Set<Int>()
            for expression in article.dates {
                guard let k = found.indices.first(where: { !used.contains($0) && (found[$0].text.contains(expression.text) || expression.text.contains(found[$0].text)) }) else {
                    result.misses.append("\(id): missed \(expression.text) = \(expression.value)")
                    continue
                }
                used.insert(k)
                result.matched += 1
                if found[k].value == expression.value { result.correct += 1 } else {
                    result.misses.append("\(id): \(expression.text) = \(expression.value), got \(found[k].value)")
                }
            }
            for k in found.indices where !used.contains(k) { result.misses.append("\(id): extra \(found[k].text) = \(found[k].value)") }
        }
        return result
    }

    @Test func enoughAnnotatedExpressions() throws {
        #expect(try Self.evaluate().gold >= 40)
    }

    @Test func detectionAndValueAccuracy() throws {
        let result = try Self.evaluate()
        print("Dates: \(result)")
        for miss in result.misses { print("  \(miss)") }
        // A floor a little under the measured figures (0.982, 0.911, 0.964).
        #expect(result.precision >= 0.97)
        #expect(result.recall >= 0.9)
        #expect(result.accuracy >= 0.95)
    }
}
