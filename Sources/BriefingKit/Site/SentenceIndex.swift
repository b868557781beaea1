import Synchronization

/// The sentences of every block (`Sentences.ranges`) by article and block number: snippets on
/// actor and date pages ask for the sentence around a mention again and again.
///
/// An article's sentences are found the first time a page asks for them, and kept: a build that
/// makes a hundred pages (an article added to 10,000) reads a few thousand articles, and finding
/// the sentences of all of them first took 0.7 CPU-seconds, on the way to the first page.
///
/// Each article has one slot for each block number from 0 (the headline, as in
/// `GraphIndex.blockText`) to its last block; a slot's sentences are a run of `bounds`. A
/// dictionary of arrays for each article cost 30 MB at 10,000 articles; this costs 8 bytes a
/// sentence and 4 a block.
final class SentenceIndex: Sendable {
    private let articles: [Article]
    /// The first article with each id.
    private let positions: [String: Int]
    private let found: [Found]

    /// One article's sentences, once found.
    private final class Found: Sendable {
        let runs = Mutex<Runs?>(nil)
    }

    private struct Runs: Sendable {
        /// Where each slot's sentences start in `bounds` (in pairs); one more than there are
        /// slots, so that slot `s` is `slotStarts[s]..<slotStarts[s + 1]`.
        let slotStarts: [UInt32]
        /// Each sentence's start and end byte, one pair after another.
        let bounds: [UInt32]

        init(_ article: Article) {
            let last = article.blocks.map(\.number).max() ?? 0
            var slots = [[Range<Int>]?](repeating: nil, count: max(last, 0) + 1)
            for block in article.blocks where block.number > 0 && slots[block.number] == nil {
                slots[block.number] = Sentences.ranges(in: block.text)
            }
            slots[0] = Sentences.ranges(in: article.title)
            var slotStarts: [UInt32] = [0], bounds: [UInt32] = []
            slotStarts.reserveCapacity(slots.count + 1)
            bounds.reserveCapacity(2 * slots.reduce(0) { $0 + ($1?.count ?? 0) })
            for ranges in slots {
                for range in ranges ?? [] {
                    bounds.append(UInt32(clamping: range.lowerBound))
                    bounds.append(UInt32(clamping: range.upperBound))
                }
                slotStarts.append(UInt32(bounds.count / 2))
            }
            self.slotStarts = slotStarts
            self.bounds = bounds
        }
    }

    /// `positions`: each article id's place in `articles` (the first, when two share an id).
    init(_ articles: [Article], positions: [String: Int]? = nil) {
        self.articles = articles
        self.positions = positions ?? Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        found = articles.map { _ in Found() }
    }

    /// The sentence of a block that holds a byte offset; nil when the block has no such sentence
    /// (or the article no such block).
    func sentence(_ articleID: String, _ block: Int, containing offset: Int) -> Range<Int>? {
        guard let position = positions[articleID] else { return nil }
        let sentences = found[position].runs.withLock { known in
            if let known { return known }
            let made = Runs(articles[position])
            known = made
            return made
        }
        guard block >= 0, block < sentences.slotStarts.count - 1 else { return nil }
        let start = Int(sentences.slotStarts[block]), end = Int(sentences.slotStarts[block + 1])
        // Sentences are in order and do not overlap: the only one that can hold the offset is
        // the first that ends after it.
        let bounds = sentences.bounds
        var low = start, high = end
        while low < high {
            let middle = (low + high) / 2
            if Int(bounds[2 * middle + 1]) <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < end else { return nil }
        let range = Int(bounds[2 * low])..<Int(bounds[2 * low + 1])
        return range.contains(offset) ? range : nil
    }
}
