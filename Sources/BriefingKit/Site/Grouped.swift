/// Elements of one shared array grouped by a key, each group held as positions in that array:
/// the graph's mentions and date mentions are looked up by actor, article and date, and
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
        // Kept for the whole build: without the room each group grew into.
        self.positions = positions.mapValues { $0.withExactCapacity() }
    }

    init(_ all: [Element], by key: (Element) -> Key) {
        self.init(all, keys: { [key($0)] })
    }

    /// The group, made for the caller; nil when no element has this key.
    subscript(key: Key) -> [Element]? {
        positions[key].map { group in group.map { all[Int($0)] } }
    }

    func count(_ key: Key) -> Int { positions[key]?.count ?? 0 }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    var keys: Dictionary<Key, [Int32]>.Keys { positions.keys }
}
