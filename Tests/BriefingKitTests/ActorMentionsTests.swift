import Testing
@testable import BriefingKit

/// An actor page's mentions by article (`ActorPages.mentionsByArticle`): the articles in
/// article order, each with the places of its mentions among the actor's, in their order.
@Suite("An actor page's mentions by article")
struct ActorMentionsTests {
    /// What the page took them from before: every mention grouped by its article's id, the
    /// articles sorted by their place.
    static func oracle(_ index: GraphIndex, _ id: String) -> [(id: String, places: [Int])] {
        let group = index.mentionsByActor[id]
        let byArticle = Dictionary(grouping: group.indices) { group[$0].articleID }
        return byArticle.keys.sorted { index.position[$0]! < index.position[$1]! }.map { ($0, byArticle[$0]!) }
    }

    static func check(_ index: GraphIndex) -> Int {
        var checked = 0
        for actor in index.actorsWithPages where index.mentionsByActor.contains(actor.id) {
            let runs = index.mentionsByActor.runs(actor.id) { $0.articleID }.runs
            let found = ActorPages.mentionsByArticle(index.mentionsByActor[actor.id], runs: runs, index)
            let expected = oracle(index, actor.id)
            #expect(found.map(\.id) == expected.map(\.id), "\(actor.name)")
            #expect(found.map(\.places) == expected.map(\.places), "\(actor.name)")
            checked += 1
        }
        return checked
    }

    /// As the linker gives them: an article's mentions together, the articles in order.
    @Test func inTheBenchCorpus() {
        #expect(Self.check(ScaleTests.plan.index) > 100)
    }

    /// A graph made otherwise: the mentions in reverse, an article's still found together and
    /// the articles in order.
    @Test func outOfOrder() throws {
        var graph = ScaleTests.plan.index.graph
        graph.articles = Array(graph.articles.prefix(40))
        let kept = Set(graph.articles.map(\.id))
        graph.mentions = graph.mentions.filter { kept.contains($0.articleID) }.reversed()
        let index = GraphIndex(graph)
        #expect(Self.check(index) > 20)
        let actor = try #require(index.actorsWithPages.max { index.mentionsByActor.count($0.id) < index.mentionsByActor.count($1.id) })
        let found = ActorPages.mentionsByArticle(index.mentionsByActor[actor.id], runs: index.mentionsByActor.runs(actor.id) { $0.articleID }.runs, index)
        #expect(found.count > 1 && found.map { index.position[$0.id]! } == found.map { index.position[$0.id]! }.sorted())
        // The places are in the order the mentions are given: the group's, ascending.
        #expect(found.allSatisfy { $0.places == $0.places.sorted() })
        // The group gives the articles from the newest: they are not one run after another in order.
        #expect(index.position[index.mentionsByActor[actor.id].first!.articleID]! > index.position[found[0].id]!)
    }
}
