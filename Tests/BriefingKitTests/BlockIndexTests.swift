import Testing
@testable import BriefingKit

/// Snippets ask for the mentions and dates in one sentence of one block: `BlockIndex` finds them
/// in offset order, whatever order the graph holds them in.
@Suite("Block index")
struct BlockIndexTests {
    static func mention(_ article: String, _ block: Int, _ offset: Int, _ actor: String = "a") -> Mention {
        Mention(actorID: actor, articleID: article, block: block, offset: offset, text: "x")
    }

    @Test func aBlocksElementsInARangeComeInOffsetOrder() {
        // Out of order within article "b", and two at the same offset (kept in graph order).
        let all = [Self.mention("a", 1, 5), Self.mention("a", 2, 0), Self.mention("b", 3, 40, "late"),
                   Self.mention("b", 3, 10, "first"), Self.mention("b", 1, 99), Self.mention("b", 3, 10, "second"),
                   Self.mention("b", 4, 0)]
        let index = BlockIndex(all, article: \.articleID, block: \.block, offset: \.offset)
        #expect(index.elements("b", 3, in: 0..<100).map(\.actorID) == ["first", "second", "late"])
        #expect(index.elements("b", 3, in: 10..<40).map(\.actorID) == ["first", "second"])
        #expect(index.elements("b", 3, in: 11..<41).map(\.actorID) == ["late"])
        #expect(index.elements("b", 1, in: 0..<1000).map(\.offset) == [99])
        #expect(index.elements("a", 1, in: 0..<5).isEmpty)
        #expect(index.elements("a", 2, in: 0..<1).map(\.block) == [2])
        #expect(index.elements("c", 1, in: 0..<100).isEmpty)
        #expect(index.elements("b", 3, in: 50..<50).isEmpty)
    }
}
