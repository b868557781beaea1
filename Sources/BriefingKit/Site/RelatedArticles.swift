import Foundation

/// Articles related to an article: those that share its actors, rare actors weighing more
/// (inverse document frequency). Only articles that share at least one actor are scored; for a
/// frequent actor, only the `GraphIndex.relatedWindow` articles nearest in time. Articles and
/// actors are numbers here (positions and places), not ids: every article of an incremental
/// build is scored again when one is added or removed.
struct RelatedScorer: Sendable {
    /// Every actor with a mention, by id in byte order: an actor's place is its number here.
    let actors: [String]
    /// Each article's actors as places, in the order of their first mention, by article position.
    let placesByPosition: [[Int32]]
    /// Each actor's articles as positions in the graph's articles (ascending), by place.
    let positionsByPlace: [[Int32]]
    /// Where the scores are added up.
    let scoreTables: ScoreTables

    var articleCount: Int { placesByPosition.count }

    /// The related articles of the article at `here`, worked out: the best `limit` by score, each
    /// with the places of the actors it shares, the rarest first.
    func related(toArticleAt here: Int, limit: Int) -> [(position: Int, shared: [Int32], score: Double)] {
        guard here >= 0, here < articleCount else { return [] }
        let total = Double(articleCount)
        // Which actors an article shares is worked out for the best few only, from these windows.
        var windows: [(place: Int32, positions: ArraySlice<Int32>, weight: Double)] = []
        // The best `limit` by score, then the later article: a total order (positions are distinct),
        // kept in a short sorted list rather than sorting thousands of candidates.
        var best: [(position: Int32, value: Double)] = []
        func before(_ a: (position: Int32, value: Double), _ b: (position: Int32, value: Double)) -> Bool {
            a.value != b.value ? a.value > b.value : a.position > b.position
        }
        for place in placesByPosition[here] {
            let articles = positionsByPlace[Int(place)]
            windows.append((place, nearest(articles, to: here), log(1 + total / Double(max(articles.count, 1)))))
        }
        scoreTables.with { scores in
            // Each article's weights are added in actor order, in its own cell of the table: the
            // same sums to the bit whatever order the articles come in. A weight is never zero, so
            // a cell still zero is an article not yet seen. Every candidate is written into `seen`
            // and kept (counted) only when its cell was zero: whether one was seen before cannot
            // be predicted, and a branch on it was mispredicted about half the time.
            let room = windows.reduce(0) { $0 + $1.positions.count }
            let seen = [Int32](unsafeUninitializedCapacity: room) { seen, count in
                var n = 0
                for window in windows {
                    for other in window.positions where other != Int32(here) {
                        seen[n] = other
                        n &+= scores[Int(other)] == 0 ? 1 : 0
                        scores[Int(other)] += window.weight
                    }
                }
                count = n
            }
            for position in seen where limit > 0 {
                let candidate = (position: position, value: scores[Int(position)])
                guard best.count < limit || before(candidate, best[best.count - 1]) else { continue }
                let at = best.firstIndex { before(candidate, $0) } ?? best.count
                best.insert(candidate, at: at)
                if best.count > limit { best.removeLast() }
            }
            for position in seen { scores[Int(position)] = 0 }
        }
        return best.map { item in
            // The rarest shared actors first: they say most about why the articles are related.
            // Places are in the byte order of the actors' ids.
            let shared = windows.filter { Self.holds($0.positions, item.position) }.map(\.place).sorted { a, b in
                let fa = positionsByPlace[Int(a)].count, fb = positionsByPlace[Int(b)].count
                return fa != fb ? fa < fb : a < b
            }
            return (Int(item.position), shared, item.value)
        }
    }

    /// At most `limit` positions of a posting list (ascending), the ones nearest in time to the
    /// article at `here`. An actor named in thousands of articles weighs little, and scoring all
    /// of them for every article would make the site stage quadratic; among articles that share
    /// only such an actor, the nearest in time are the related ones.
    func nearest(_ articles: [Int32], to here: Int, limit: Int = GraphIndex.relatedWindow) -> ArraySlice<Int32> {
        guard articles.count > limit else { return articles[...] }
        let low = GraphIndex.firstIndex(in: articles, notBelow: here) { Int($0) }
        let start = min(max(0, low - limit / 2), articles.count - limit)
        return articles[start..<(start + limit)]
    }

    /// Whether an ascending list holds a position, by binary search.
    static func holds(_ positions: ArraySlice<Int32>, _ position: Int32) -> Bool {
        let low = GraphIndex.firstIndex(in: positions, notBelow: position) { $0 }
        return low < positions.endIndex && positions[low] == position
    }
}

/// Every article's related articles (`RelatedScorer`, the best `limit` of each), worked out for
/// an incremental build when its index is made, and kept in the build cache (`BuildCache`) with
/// the key of what they follow from: the articles in order and the actors each names, in order
/// (which give every actor's articles, their number, and so every weight). The next build with
/// the same key takes them as they are instead of scoring every article again, a tenth of a
/// build with nothing to render at 10,000 articles; an article added, removed or naming other
/// actors changes the key, and all are worked out again (their weights follow from the number of
/// articles). Held as a few flat arrays (2 MB at 10,000 articles), not an array per list.
struct RelatedLists: Sendable, BinaryCodable {
    struct Item: Sendable, Equatable {
        var position: Int32
        var shared: [String]
        var score: Double
    }

    /// Raised whenever the scoring changes: a cache's lists from another scoring are not used.
    static let version = "related-lists 1"
    static let limit = 5

    let key: String
    /// The actors the lists share, each once, numbered by their place here.
    let actors: [String]
    /// Where each article's items start in `positions` (and `scores`, `sharedStarts`), and after the last.
    let starts: [Int32]
    /// Each item's related article by position, its score, and where its shared actors start in
    /// `shared` (and after the last).
    let positions: [Int32]
    let scores: [Double]
    let sharedStarts: [Int32]
    let shared: [Int32]

    var count: Int { starts.count - 1 }

    /// Lists whose shared actors are named: for tests, and lists made otherwise than by scoring.
    init(key: String, lists: [[Item]]) {
        let actors = Set(lists.joined().flatMap(\.shared)).sorted { $0.bytesPrecede($1) }
        let numbers = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1, Int32($0)) })
        self.init(key: key, actors: actors, lists: lists.map { list in
            list.map { (Int($0.position), $0.shared.map { numbers[$0]! }, $0.score) }
        })
    }

    /// Lists whose shared actors are numbers in `actors`, as `RelatedScorer` gives them.
    init(key: String, actors: [String], lists: [[(position: Int, shared: [Int32], score: Double)]]) {
        self.key = key
        self.actors = actors
        var starts: [Int32] = [0], positions: [Int32] = [], scores: [Double] = [], sharedStarts: [Int32] = [0], shared: [Int32] = []
        for list in lists {
            for item in list {
                positions.append(Int32(item.position))
                scores.append(item.score)
                shared += item.shared
                sharedStarts.append(Int32(shared.count))
            }
            starts.append(Int32(positions.count))
        }
        (self.starts, self.positions, self.scores, self.sharedStarts, self.shared) = (starts, positions, scores, sharedStarts, shared)
    }

    /// An article's list, the first `limit` items.
    func list(at position: Int, limit: Int = RelatedLists.limit) -> [(position: Int, shared: [String], score: Double)] {
        let items = Int(starts[position])..<min(Int(starts[position + 1]), Int(starts[position]) + limit)
        return items.map { item in
            (Int(positions[item]), shared[Int(sharedStarts[item])..<Int(sharedStarts[item + 1])].map { actors[Int($0)] }, scores[item])
        }
    }

    /// Every list whole, for tests and checks.
    var lists: [[Item]] {
        (0..<count).map { list(at: $0).map { Item(position: Int32($0.position), shared: $0.shared, score: $0.score) } }
    }

    /// The lists for `articles`: `earlier`'s when its key is theirs and it fits them, else worked
    /// out for every article, on every core.
    static func make(_ articles: [Article], actorsByArticle: [String: [String]], scorer: RelatedScorer, earlier: RelatedLists?) -> RelatedLists {
        let key = key(articles, actorsByArticle: actorsByArticle)
        if let earlier, earlier.key == key, earlier.fits(articleCount: articles.count) { return earlier }
        let lists = Parallel.map(Array(articles.indices)) { scorer.related(toArticleAt: $0, limit: limit) }
        return RelatedLists(key: key, actors: scorer.actors, lists: lists)
    }

    /// The digest of what the lists follow from.
    static func key(_ articles: [Article], actorsByArticle: [String: [String]]) -> String {
        var hasher = StableHasher()
        hasher.combine(version)
        hasher.combine(GraphIndex.relatedWindow)
        hasher.combine(limit)
        hasher.combine(articles.count)
        for article in articles {
            hasher.combine(article.id)
            let actors = actorsByArticle[article.id] ?? []
            hasher.combine(actors.count)
            for actor in actors { hasher.combine(actor) }
        }
        return hasher.finalize()
    }

    /// Whether the arrays hold one list for each of `articleCount` articles, every list at most
    /// `limit` long, naming other articles of the briefing and actors of `actors`: a cache is
    /// checked before it is trusted, whatever its key says, and `list(at:)` then reads only
    /// inside the arrays.
    func fits(articleCount: Int) -> Bool {
        func ascending(_ values: [Int32], from first: Int, to last: Int) -> Bool {
            values.first.map(Int.init) == first && values.last.map(Int.init) == last && zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
        }
        guard starts.count == articleCount + 1, ascending(starts, from: 0, to: positions.count),
              scores.count == positions.count, sharedStarts.count == positions.count + 1,
              ascending(sharedStarts, from: 0, to: shared.count), shared.allSatisfy({ $0 >= 0 && Int($0) < actors.count }) else { return false }
        return (0..<articleCount).allSatisfy { article in
            let items = Int(starts[article])..<Int(starts[article + 1])
            return items.count <= Self.limit && items.allSatisfy { positions[$0] >= 0 && Int(positions[$0]) < articleCount && Int(positions[$0]) != article }
        }
    }

    func write(to writer: inout BinaryWriter) {
        writer.string(key)
        writer.strings(actors)
        for numbers in [starts, positions, sharedStarts, shared] { writer.values(numbers) }
        writer.values(scores)
    }

    init(from reader: inout BinaryReader) throws {
        key = try reader.string()
        actors = try reader.strings()
        (starts, positions, sharedStarts, shared) = (try reader.values(), try reader.values(), try reader.values(), try reader.values())
        scores = try reader.values()
    }
}
