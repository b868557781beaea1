/// Elements of one shared array grouped by a key, each group held as positions in that array:
/// the graph's mentions and date mentions are looked up by actor, article, date and block, and
/// copies of them for each look-up were a third of a large build's memory.
struct Grouped<Key: Hashable & Sendable, Element: Sendable>: Sendable {
    private let all: [Element]
    private let positions: [Key: [Int32]]

    /// Each element under each of its keys, in array order (as `Dictionary(grouping:by:)`).
    init(_ all: [Element], keys: (Element) -> [Key]) {
        var positions: [Key: [Int32]] = [:]
        for (position, element) in all.enumerated() {
            for key in keys(element) { positions[key, default: []].append(Int32(position)) }
        }
        self.all = all
        self.positions = positions
    }

    init(_ all: [Element], by key: (Element) -> Key) {
        self.init(all, keys: { [key($0)] })
    }

    /// The same groups, each reordered by `areInIncreasingOrder` (stable).
    func sorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Grouped {
        Grouped(all, positions: positions.mapValues { group in
            // Most groups come in order already (mentions by block, in offset order): kept as they are.
            guard zip(group, group.dropFirst()).contains(where: { areInIncreasingOrder(all[Int($1)], all[Int($0)]) }) else { return group }
            return group.enumerated().sorted { a, b in
                let x = all[Int(a.element)], y = all[Int(b.element)]
                if areInIncreasingOrder(x, y) { return true }
                if areInIncreasingOrder(y, x) { return false }
                return a.offset < b.offset
            }.map(\.element)
        })
    }

    private init(_ all: [Element], positions: [Key: [Int32]]) {
        self.all = all
        self.positions = positions
    }

    /// The group, made for the caller; nil when no element has this key.
    subscript(key: Key) -> [Element]? {
        positions[key].map { group in group.map { all[Int($0)] } }
    }

    func count(_ key: Key) -> Int { positions[key]?.count ?? 0 }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    var keys: Dictionary<Key, [Int32]>.Keys { positions.keys }
}
