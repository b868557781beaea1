import Foundation
import Testing
@testable import BriefingKit

/// An actor page's dates (`DatePages.actorDates`): every timeline point of a date named in the
/// same sentence as one of the actor's mentions, once per date mention, in date order, then
/// article and block order; the first `ParagraphList.snippetLimit` with snippets, the rest as
/// counts per date. The oracle reads the graph's mentions and dates as plain lists, sentence by
/// sentence, without the block indexes and the runs the page takes them from.
@Suite("An actor page's dates")
struct ActorDatesTests {
    struct Checked { var actors = 0, withDates = 0, withMore = 0 }

    static func check(_ index: GraphIndex) -> Checked {
        let graph = index.graph
        struct Place: Hashable { var article: String; var block: Int }
        let datesByBlock = Dictionary(grouping: graph.dates) { Place(article: $0.articleID, block: $0.block) }
        let mentionsByActor = Dictionary(grouping: graph.mentions, by: \.actorID)
        var checked = Checked()
        for actor in index.actorsWithPages {
            // (point, article position, block, offset) of each date of a sentence naming the actor.
            var expected: [(point: String, article: Int, block: Int, offset: Int)] = []
            var seen = Set<String>()
            for mention in mentionsByActor[actor.id] ?? [] {
                guard let sentence = index.sentence(mention.articleID, mention.block, containing: mention.offset) else { continue }
                for date in datesByBlock[Place(article: mention.articleID, block: mention.block)] ?? []
                where sentence.contains(date.reference.offset) {
                    for point in date.reference.points where index.datesByValue.contains(point) {
                        let item = (point, index.position[date.articleID]!, date.block, date.reference.offset)
                        if seen.insert("\(item)").inserted { expected.append(item) }
                    }
                }
            }
            let order = expected.enumerated().sorted { a, b in
                let (x, y) = (a.element, b.element)
                if x.point != y.point { return index.dateOrdered(x.point, y.point) }
                return (x.article, x.block, a.offset) < (y.article, y.block, b.offset)
            }.map(\.element.point)
            let (dates, more) = DatePages.actorDates(actor, from: index.actorPath(actor.id), index: index)
            #expect(dates.map(\.label) == order.prefix(ParagraphList.snippetLimit).map(TimexValue.label), "\(actor.name)")
            // The rest: each date once, with how many references it has, in date order.
            var rest: [(point: String, count: Int)] = []
            for point in order.dropFirst(ParagraphList.snippetLimit) {
                if rest.last?.point == point { rest[rest.count - 1].count += 1 } else { rest.append((point, 1)) }
            }
            #expect(more.dates.map(\.label) == rest.map { TimexValue.label($0.point) }, "\(actor.name)")
            #expect(more.dates.map(\.count) == rest.map { String($0.count) }, "\(actor.name)")
            checked.actors += 1
            checked.withDates += dates.isEmpty ? 0 : 1
            checked.withMore += rest.isEmpty ? 0 : 1
        }
        return checked
    }

    /// The fixtures: real articles, where most paragraphs that name an actor name no date.
    @Test func inTheFixtureArticles() throws {
        let content = try MonthPageTests.content(limit: nil)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let (graph, _) = SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: content))
        let checked = Self.check(GraphIndex(graph))
        #expect(checked.actors > 20 && checked.withDates > 5, "\(checked)")
    }

    /// A sentence longer than `GraphIndex.sentenceReach` either side: a date counts for the
    /// mentions near it, once however many are; a date far from every mention does not.
    @Test func inASentenceWithoutEnd() throws {
        let filler = String(repeating: "talks would go on ", count: 50)  // 900 bytes
        let paragraphs = [
            "President Volodymyr Zelenskyy said on 5 March 2024 that " + filler + "and the summit of 7 April 2024 would go ahead.",
            "Zelenskyy spoke on 9 May 2024, and Zelenskyy spoke again on 9 May 2024 " + filler + "on 1 June 2024 and Zelenskyy agreed.",
        ]
        let blocks = paragraphs.enumerated().map { TextBlock(number: $0 + 1, role: .body, text: $1, line: $0 + 1) }
        let article = Article(id: "a", sourceFile: "articles/a.txt", format: .tagged, title: "Talks",
                              published: CalendarDay(year: 2025, month: 1, day: 10)!, blocks: blocks)
        let index = GraphIndex(Linker.link(articles: [article], gazetteer: Gazetteer(), settings: SiteSettings()))
        let checked = Self.check(index)
        #expect(checked.actors == 1)
        let actor = try #require(index.actorsWithPages.first { $0.name == "Volodymyr Zelenskyy" })
        let (dates, _) = DatePages.actorDates(actor, from: index.actorPath(actor.id), index: index)
        #expect(dates.map(\.label) == ["2024-03-05", "2024-05-09", "2024-05-09", "2024-06-01"].map(TimexValue.label))
    }

    /// The bench corpus of 400 articles: dates in nearly every paragraph, and actors with more
    /// dates than the page shows with snippets.
    @Test func inTheBenchCorpus() {
        let checked = Self.check(ScaleTests.plan.index)
        #expect(checked.withDates > 20 && checked.withMore > 5, "\(checked)")
    }
}
