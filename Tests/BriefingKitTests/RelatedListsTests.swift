import Foundation
import Testing
@testable import BriefingKit

/// Every article's related articles, worked out once for an incremental build and kept in its
/// cache (`RelatedLists`): the same as scoring each article, taken from the cache only when they
/// follow from the same articles and actors.
@Suite("Related articles kept")
struct RelatedListsTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func lists(_ index: GraphIndex, at position: Int, limit: Int = 5) -> [String] {
        index.related(toArticleAt: position, id: index.graph.articles[position].id, limit: limit).map { "\($0.position) \($0.shared) \($0.score)" }
    }

    @Test func tabulatedListsAreWhatScoringEachArticleGives() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let graph = SiteBuilder.load(workspace.options()).graph
        let scored = GraphIndex(graph), tabulated = GraphIndex(graph, tabulatingRelated: true)
        #expect(scored.relatedLists == nil)
        let lists = try #require(tabulated.relatedLists)
        #expect(lists.lists.count == graph.articles.count && lists.lists.contains { $0.count >= 2 })
        for position in graph.articles.indices {
            #expect(Self.lists(tabulated, at: position) == Self.lists(scored, at: position))
            #expect(Self.lists(tabulated, at: position, limit: 1) == Self.lists(scored, at: position, limit: 1))
        }
        // An article the graph lacks (its place given as 0) has none, as when scored.
        #expect(tabulated.related(toArticleAt: 0, id: "no-such-article").isEmpty && !lists.lists[0].isEmpty)
    }

    @Test func listsOfTheSameKeyAreTakenAndOthersWorkedOutAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let graph = SiteBuilder.load(workspace.options()).graph
        let fresh = try #require(GraphIndex(graph, tabulatingRelated: true).relatedLists)
        // Lists a build could not have made, under the right key: taken as they are.
        let reversed = fresh.lists.map { Array($0.reversed()) }
        #expect(reversed != fresh.lists)
        let taken = GraphIndex(graph, tabulatingRelated: true, earlierRelated: RelatedLists(key: fresh.key, lists: reversed))
        #expect(taken.relatedLists?.lists == reversed)
        let first = try #require(reversed.firstIndex { $0.count >= 2 })
        #expect(taken.related(toArticleAt: first, id: graph.articles[first].id).map(\.position) == reversed[first].map { Int($0.position) })
        // Under another key, or naming an article the briefing lacks or the article itself: worked out again.
        var beyond = reversed, itself = reversed
        beyond[first][0].position = Int32(graph.articles.count)
        itself[first][0].position = Int32(first)
        for earlier in [RelatedLists(key: "another", lists: reversed), RelatedLists(key: fresh.key, lists: beyond),
                        RelatedLists(key: fresh.key, lists: itself), RelatedLists(key: fresh.key, lists: Array(reversed.dropLast()))] {
            #expect(GraphIndex(graph, tabulatingRelated: true, earlierRelated: earlier).relatedLists?.lists == fresh.lists)
        }
    }

    @Test func theKeyFollowsTheArticlesAndTheActorsEachNames() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let graph = SiteBuilder.load(workspace.options()).graph
        let index = GraphIndex(graph)
        let key = RelatedLists.key(graph.articles, actorsByArticle: index.actorsByArticle)
        #expect(key == RelatedLists.key(SiteBuilder.load(workspace.options()).graph.articles, actorsByArticle: index.actorsByArticle))
        let id = try #require(graph.articles.first { (index.actorsByArticle[$0.id] ?? []).count >= 2 }?.id)
        var swapped = index.actorsByArticle, fewer = index.actorsByArticle
        swapped[id]!.swapAt(0, 1)
        fewer[id]!.removeLast()
        #expect(RelatedLists.key(graph.articles, actorsByArticle: swapped) != key)
        #expect(RelatedLists.key(graph.articles, actorsByArticle: fewer) != key)
        #expect(RelatedLists.key(Array(graph.articles.dropLast()), actorsByArticle: index.actorsByArticle) != key)
        #expect(RelatedLists.key(Array(graph.articles.reversed()), actorsByArticle: index.actorsByArticle) != key)
    }

    @Test func listsReadBackAsWritten() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let lists = try #require(GraphIndex(SiteBuilder.load(workspace.options()).graph, tabulatingRelated: true).relatedLists)
        var writer = BinaryWriter()
        lists.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        let read = try RelatedLists(from: &reader)
        #expect(reader.isAtEnd && read.key == lists.key && read.lists == lists.lists)
    }

    /// The build keeps them in its cache; the next build takes them while the articles name the
    /// same actors, and works them out again when an article names another.
    @Test func aBuildKeepsThemAndTheNextTakesThemOrWorksThemOutAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        func kept() throws -> RelatedLists { try #require(try LayoutEditTests.cache(workspace).related) }
        func fresh() -> RelatedLists? { GraphIndex(SiteBuilder.load(workspace.options()).graph, tabulatingRelated: true).relatedLists }
        _ = try SiteBuilder.build(workspace.options())
        let first = try kept()
        #expect(first.key == fresh()?.key && first.lists == fresh()?.lists)
        _ = try SiteBuilder.build(workspace.options())
        #expect(try kept().key == first.key)
        try workspace.addParagraphToFirstArticle("A paragraph about Quillfeather in Geneva on 3 March 2025.")
        let (_, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        let after = try kept()
        #expect(after.key != first.key && after.key == fresh()?.key && after.lists == fresh()?.lists)
    }
}
