/// Elements of one shared array (the graph's mentions, or its date mentions) by article and block,
/// in offset order: a snippet on an actor or date page asks for the ones in its sentence.
///
/// It holds one list of positions in the array, sorted by article, block and offset, and each
/// article's range in it, and finds a block's elements by binary search. A dictionary entry and
/// an array for each block (350,000 of them at 10,000 articles) cost 60 MB; this costs 12 bytes
/// an element.
struct BlockIndex<Element: Sendable>: Sendable {
    private let all: [Element]
    /// Positions in `all`, by article (in order of first appearance), then block, then offset;
    /// elements at the same place keep their order in `all`.
    private let order: [Int32]
    /// The block and offset of each of `order`, as one number: `block << 32 | offset`.
    private let places: [Int64]
    private let articles: [String: Range<Int>]

    @inline(__always)
    init(_ all: [Element], article: (Element) -> String, block: (Element) -> Int, offset: (Element) -> Int) {
        var byArticle: [String: [Int32]] = [:]
        var firstSeen: [String] = []
        // An article's elements mostly come together: each run of them is added at once.
        func add(_ run: (id: String, start: Int), upTo end: Int) {
            if byArticle[run.id] == nil { firstSeen.append(run.id) }
            byArticle[run.id, default: []].append(contentsOf: Int32(run.start)..<Int32(end))
        }
        var run: (id: String, start: Int)?
        // Each element read once, in place: iterating the array copied each one, retaining every
        // string in it, and looking one up again for its place copied it again. The closures are
        // the callers' key paths: inlined here, they read the three fields, not a copy of the
        // element each (`@inline(__always)`), which took 0.12 CPU-s of every build at 10,000 articles.
        let placeAt = [Int64](unsafeUninitializedCapacity: all.count) { placeAt, count in
            all.withUnsafeBufferPointer { all in
                for position in all.indices {
                    placeAt[position] = Int64(block(all[position])) << 32 | Int64(offset(all[position]))
                    let id = article(all[position])
                    guard id != run?.id else { continue }
                    if let run { add(run, upTo: position) }
                    run = (id, position)
                }
            }
            count = all.count
        }
        if let run { add(run, upTo: all.count) }
        func place(_ position: Int32) -> Int64 { placeAt[Int(position)] }
        var order: [Int32] = [], places: [Int64] = [], articles: [String: Range<Int>] = [:]
        order.reserveCapacity(all.count)
        places.reserveCapacity(all.count)
        for id in firstSeen {
            var group = byArticle.removeValue(forKey: id)!.map { (position: $0, place: place($0)) }
            // Most articles come in order already.
            if zip(group, group.dropFirst()).contains(where: { $1.place < $0.place }) {
                group = group.sorted { $0.place != $1.place ? $0.place < $1.place : $0.position < $1.position }
            }
            articles[id] = order.count..<(order.count + group.count)
            order += group.map(\.position)
            places += group.map(\.place)
        }
        self.all = all
        self.order = order
        self.places = places
        self.articles = articles
    }

    /// The elements of a block whose offsets lie in `range`, in offset order.
    func elements(_ articleID: String, _ block: Int, in range: Range<Int>) -> [Element] {
        positions(articleID, block, in: range).map { all[Int($0)] }
    }

    /// The same as places in the array the index was made from, without copying the elements.
    func positions(_ articleID: String, _ block: Int, in range: Range<Int> = 0..<Int(UInt32.max)) -> ArraySlice<Int32> {
        positions(in: part(articleID), block, in: range)
    }

    /// An article's part of the index (nil when it has no elements), for one look-up of its id
    /// when many of its blocks are asked for.
    func part(_ articleID: String) -> Range<Int>? { articles[articleID] }

    /// The places of the elements of a block of the article of this part.
    func positions(in part: Range<Int>?, _ block: Int, in range: Range<Int> = 0..<Int(UInt32.max)) -> ArraySlice<Int32> {
        guard let span = part, range.lowerBound < range.upperBound else { return [] }
        let base = Int64(block) << 32
        let within = places[span]
        let lower = GraphIndex.firstIndex(in: within, notBelow: base | Int64(max(range.lowerBound, 0))) { $0 }
        let upper = GraphIndex.firstIndex(in: within, notBelow: base | Int64(min(range.upperBound, Int(UInt32.max)))) { $0 }
        return order[lower..<upper]
    }
}
