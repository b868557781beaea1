/// Elements of one shared array grouped by a key, each group held as positions in that array:
/// the graph's mentions and date mentions are looked up by actor, article and date, and
/// copies of them for each look-up were a third of a large build's memory.
struct Grouped<Key: Hashable & Sendable, Element: Sendable>: Sendable {
    private let all: [Element]
    private let positions: [Key: [Int32]]

    /// Each element under each of the keys it gives `add`, in array order.
    init(_ all: [Element], keys: (Element, _ add: (Key) -> Void) -> Void) {
        var positions: [Key: [Int32]] = [:]
        // Read in place, as below.
        all.withUnsafeBufferPointer { all in
            for position in all.indices {
                keys(all[position]) { key in positions[key, default: []].append(Int32(position)) }
            }
        }
        self.init(all, positions: positions)
    }

    /// Each element under its key, in array order (as `Dictionary(grouping:by:)`). Elements
    /// with the same key often come together (an article's mentions): a run of them is added
    /// to its group at once, the key hashed once.
    init(_ all: [Element], by key: (Element) -> Key) {
        var positions: [Key: [Int32]] = [:]
        var run: (key: Key, start: Int)?
        // Read in place: iterating the array copied each element, retaining every string in it.
        all.withUnsafeBufferPointer { all in
            for position in all.indices {
                let key = key(all[position])
                guard key != run?.key else { continue }
                if let run { positions[run.key, default: []].append(contentsOf: (Int32(run.start)..<Int32(position))) }
                run = (key, position)
            }
        }
        if let run { positions[run.key, default: []].append(contentsOf: (Int32(run.start)..<Int32(all.count))) }
        self.init(all, positions: positions)
    }

    /// Groups made elsewhere: each key's places in `all`, ascending.
    init(_ all: [Element], positions: [Key: [Int32]]) {
        self.all = all
        // Kept for the whole build: without the room each group grew into.
        self.positions = positions.mapValues { $0.withExactCapacity() }
    }

    /// The elements under a key, in array order, read in place (empty when there are none): an
    /// actor named in every article has tens of thousands, and a copy of them for each look-up
    /// was most of the time of the pages that only count or skim them.
    struct Group: RandomAccessCollection, Sendable {
        fileprivate let all: [Element]
        fileprivate let positions: [Int32]

        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }
        subscript(n: Int) -> Element { all[Int(positions[n])] }
    }

    subscript(key: Key) -> Group {
        Group(all: all, positions: positions[key] ?? [])
    }

    func count(_ key: Key) -> Int { positions[key]?.count ?? 0 }

    /// Each element under a key, in array order, read from the shared array in place rather than
    /// through a `Group`. Cheap where the closure is inlined (the search index's names of an
    /// actor); a closure that captures what it builds was not, and `runs` keeps its state inside.
    func forEach(_ key: Key, _ body: (Element) -> Void) {
        guard let places = positions[key] else { return }
        all.withUnsafeBufferPointer { all in
            for place in places { body(all[Int(place)]) }
        }
    }

    /// The runs of elements under a key that give the same `value` (an article's mentions, by
    /// its id), read in place: each run's value and the number of its first element among the
    /// key's, and how many elements the key has.
    func runs(_ key: Key, of value: (Element) -> String) -> (runs: [(value: String, start: Int)], count: Int) {
        guard let places = positions[key] else { return ([], 0) }
        let runs = all.withUnsafeBufferPointer { all in
            withoutActuallyEscaping(value) { value in places.lazy.map { value(all[Int($0)]) }.runStarts() }
        }
        return (runs, places.count)
    }

    /// The places in the shared array of the elements under a key, ascending: for a pass that
    /// needs only which elements they are, without a copy of each.
    func places(_ key: Key) -> [Int32] { positions[key] ?? [] }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    var keys: Dictionary<Key, [Int32]>.Keys { positions.keys }
}

extension Sequence where Element == String {
    /// Each run of equal values, with where it starts: ["a", "a", "b"] → [("a", 0), ("b", 2)].
    func runStarts() -> [(value: String, start: Int)] {
        var runs: [(value: String, start: Int)] = []
        var last: String?
        for (n, this) in enumerated() where this != last {
            last = this
            runs.append((this, n))
        }
        return runs
    }
}
