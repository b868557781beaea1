import Testing
@testable import BriefingKit

/// The graph's mentions by actor, article and date: each group in array order, whether the
/// elements with one key come together (an article's) or not (an actor's).
@Suite("Grouped look-ups")
struct GroupedTests {
    static let keys = ["a", "a", "b", "a", "c", "c", "b", "d", "a"]

    @Test func groupsHoldTheirElementsInArrayOrder() {
        let elements = Array(Self.keys.enumerated()).map { (n: $0.offset, key: $0.element) }
        let grouped = Grouped(elements, by: \.key)
        #expect(grouped["a"].map(\.n) == [0, 1, 3, 8])
        #expect(grouped["b"].map(\.n) == [2, 6])
        #expect(grouped["c"].map(\.n) == [4, 5])
        #expect(grouped["d"].map(\.n) == [7])
        #expect(grouped["e"].isEmpty)
        #expect(grouped.count("a") == 4 && grouped.count("e") == 0)
        #expect(grouped.contains("d") && !grouped.contains("e"))
        #expect(Set(grouped.keys) == ["a", "b", "c", "d"])
        #expect(Array(grouped["a"].dropFirst(2).map(\.n)) == [3, 8])
    }

    @Test func anElementCanBeUnderSeveralKeysOrNone() {
        let elements = [(n: 0, keys: ["x", "y"]), (n: 1, keys: []), (n: 2, keys: ["y"]), (n: 3, keys: ["x"])]
        let grouped = Grouped(elements) { element, add in element.keys.forEach(add) }
        #expect(grouped["x"].map(\.n) == [0, 3])
        #expect(grouped["y"].map(\.n) == [0, 2])
        #expect(Set(grouped.keys) == ["x", "y"])
    }

    @Test func anEmptyArrayHasNoGroups() {
        let grouped = Grouped([String](), by: { $0 })
        #expect(grouped.keys.isEmpty)
        #expect(grouped["a"].isEmpty)
    }
}
