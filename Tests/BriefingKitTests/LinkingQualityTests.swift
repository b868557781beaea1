import Foundation
import Testing
import Yams
@testable import BriefingKit

/// Precision and recall of actor mentions and quote attribution on hand-annotated articles
/// (`Tests/Fixtures/linking/`: the articles, a gazetteer covering about half of the people, and
/// the gold annotation `expected.yml`, written by hand independently of the linker).
@Suite("Linking quality on annotated fixtures")
struct LinkingQualityTests {
    struct Gold: Decodable {
        struct GoldMention: Decodable { var actor: String; var kind: String; var text: String; var count: Int }
        struct GoldQuote: Decodable { var speaker: String?; var starts: String }
        var file: String
        var mentions: [GoldMention]
        var quotes: [GoldQuote]
    }

    struct Score: CustomStringConvertible {
        var truePositives = 0
        var predicted = 0
        var expected = 0
        var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }
        var description: String {
            String(format: "precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, truePositives, predicted, recall, truePositives, expected)
        }
    }

    static let root = Fixtures.root.appendingPathComponent("linking")
    /// Articles written and annotated after the rules were last tuned, never tuned on: how the
    /// rules do on text they were not made for.
    static let heldOut = Fixtures.root.appendingPathComponent("linking-heldout")
    /// Written after the rules the first held-out set led to: none of them was made for these.
    static let heldOutSecond = Fixtures.root.appendingPathComponent("linking-heldout-2")

    static func load(_ root: URL = root) throws -> (graph: BriefingGraph, gold: [Gold]) {
        let loaded = ArticleLoader.load(directory: root.appendingPathComponent("articles"), displayRoot: "linking")
        let (gazetteer, problems) = Gazetteer.load(root.appendingPathComponent("actors.yml"), displayPath: "actors.yml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(problems.isEmpty, "\(problems)")
        let gold = try YAMLDecoder().decode([Gold].self, from: String(contentsOf: root.appendingPathComponent("expected.yml"), encoding: .utf8))
        return (Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: SiteSettings()), gold)
    }

    /// The names an actor answers to: its name, its aliases and the forms it was found under.
    static func names(of actor: Actor, in graph: BriefingGraph) -> Set<String> {
        Set([actor.name] + actor.aliases)
    }

    static func scores(_ root: URL = root) throws -> (mentions: Score, quotes: Score, perArticle: [String: Score]) {
        let (graph, gold) = try load(root)
        var mentions = Score()
        var quotes = Score()
        var perArticle: [String: Score] = [:]
        for article in gold {
            let id = (article.file as NSString).deletingPathExtension
            var found: [String: Int] = [:]   // "actor name|text" → count
            // The gold annotation leaves headlines out (block 0).
            for mention in graph.mentions where mention.articleID == id && mention.block > 0 {
                guard let actor = graph.actor(mention.actorID) else { continue }
                let goldName = article.mentions.first { names(of: actor, in: graph).contains($0.actor) }?.actor ?? actor.name
                found["\(goldName)|\(mention.text)", default: 0] += 1
            }
            var expected: [String: Int] = [:]
            for mention in article.mentions { expected["\(mention.actor)|\(mention.text)", default: 0] += mention.count }
            var score = Score()
            score.predicted = found.values.reduce(0, +)
            score.expected = expected.values.reduce(0, +)
            score.truePositives = expected.reduce(0) { $0 + min($1.value, found[$1.key] ?? 0) }
            perArticle[id] = score
            mentions.predicted += score.predicted
            mentions.expected += score.expected
            mentions.truePositives += score.truePositives

            // Quotes: an attribution is right when the speaker is the gold speaker.
            let system = graph.quotes.filter { $0.articleID == id }
            quotes.expected += article.quotes.filter { $0.speaker != nil }.count
            quotes.predicted += system.filter { $0.speakerID != nil }.count
            for quote in article.quotes {
                guard let speaker = quote.speaker,
                      let match = system.first(where: { $0.text.hasPrefix(quote.starts) }),
                      let id = match.speakerID, let actor = graph.actor(id), names(of: actor, in: graph).contains(speaker) || actor.name == speaker
                else { continue }
                quotes.truePositives += 1
            }
        }
        return (mentions, quotes, perArticle)
    }

    @Test func fixturesAreNumerousAndVaried() throws {
        let (graph, gold) = try Self.load()
        #expect(gold.count >= 12)
        #expect(Set(graph.articles.map(\.format)) == [.dateline, .tagged])
        #expect(gold.reduce(0) { $0 + $1.mentions.reduce(0) { $0 + $1.count } } >= 300)
    }

    @Test func mentionPrecisionAndRecall() throws {
        let (mentions, _, perArticle) = try Self.scores()
        print("Actor mentions: \(mentions)")
        for (id, score) in perArticle.sorted(by: { $0.key < $1.key }) { print("  \(id): \(score)") }
        // A floor a little under the measured figures (0.995 and 0.950): a change that loses
        // mentions fails here, not in a reader's briefing.
        #expect(mentions.precision >= 0.99)
        #expect(mentions.recall >= 0.94)
    }

    @Test func quoteAttributionPrecisionAndRecall() throws {
        let (_, quotes, _) = try Self.scores()
        print("Quote attribution: \(quotes)")
        // Measured 1.000 and 0.908.
        #expect(quotes.precision >= 0.98)
        #expect(quotes.recall >= 0.9)
    }

    /// The scores on a held-out set, printed with each article's.
    static func heldOutScores(_ root: URL, _ name: String) throws -> (mentions: Score, quotes: Score) {
        let (mentions, quotes, perArticle) = try scores(root)
        print("\(name), actor mentions: \(mentions)")
        for (id, score) in perArticle.sorted(by: { $0.key < $1.key }) { print("  \(id): \(score)") }
        print("\(name), quote attribution: \(quotes)")
        return (mentions, quotes)
    }

    @Test func heldOutArticles() throws {
        let (mentions, quotes) = try Self.heldOutScores(Self.heldOut, "Held out")
        #expect(mentions.expected >= 50 && quotes.expected >= 5)
        // Measured when the set was written (1e7634b … e671ae7): mentions 1.000 and 0.667, quotes
        // 1.000 and 1.000. People were found; places and organisations the gazetteer lacks and
        // no cue introduces were not. The rules for places and organisations by their names'
        // last words and by a word before them ("the lender Harbour Capital") came of those
        // misses: 1.000 and 0.833 after them, a figure no longer held out.
        #expect(mentions.precision >= 0.97)
        #expect(mentions.recall >= 0.8)
        #expect(quotes.precision >= 0.97)
        #expect(quotes.recall >= 0.8)
    }

    @Test func secondHeldOutArticles() throws {
        let (mentions, quotes) = try Self.heldOutScores(Self.heldOutSecond, "Held out (second set)")
        #expect(mentions.expected >= 35 && quotes.expected >= 5)
        // Measured when the set was written (12265c6), and not to be tuned on: mentions 0.958
        // and 0.605, quotes 1.000 and 0.600. Missed: places without "in" right before them
        // ("in northern Manitoba", "as far south as Minneapolis", "the city of Flin Flon", "in
        // New York trading"), names after a word the rules do not know ("the activist Max
        // Schrems", "a Paris-based start-up"), a lower-case name ("noyb"); one wrong: "Canadian"
        // left off "Canadian Interagency Forest Fire Centre".
        #expect(mentions.precision >= 0.95)
        #expect(mentions.recall >= 0.58)
        #expect(quotes.precision >= 0.95)
        #expect(quotes.recall >= 0.6)
    }
}
