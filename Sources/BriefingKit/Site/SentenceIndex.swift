import Synchronization

/// The sentences of every block (`Sentences.ranges`) by article and block number: snippets on
/// actor and date pages ask for the sentence around a mention again and again.
///
/// A block's sentences are found the first time a page asks for them, and kept: a build that
/// makes a hundred pages (an article added to 10,000) reads a few thousand articles, and finding
/// the sentences of all of them first took 0.7 CPU-seconds, on the way to the first page. Found
/// article by article, they were still a third of the time of the actor pages an added or
/// removed article makes again: such a page asks for the one or two blocks that name the actor
/// in each of thousands of articles, not for their twenty.
///
/// Each article has one slot for each block number from 0 (the headline, as in
/// `GraphIndex.blockText`) to its last block; a slot's sentences are a run of `bounds`, which
/// grows as slots are found. A dictionary of arrays for each article cost 30 MB at 10,000
/// articles; this costs 8 bytes a sentence and 8 a block.
final class SentenceIndex: Sendable {
    private let articles: [Article]
    /// The first article with each id.
    private let positions: [String: Int]
    private let found: [Found]

    /// One article's sentences, as they are found.
    private final class Found: Sendable {
        let runs = Mutex<Runs?>(nil)
    }

    private struct Runs: Sendable {
        static let unknown = UInt32.max
        /// Each slot's run of `bounds` (counted in sentences) as its start and end, one pair
        /// after another; `unknown` for both until the slot is found.
        var slots: [UInt32]
        /// Each sentence's start and end byte, one pair after another.
        var bounds: [UInt32] = []

        init(_ article: Article) {
            let last = article.blocks.lazy.map(\.number).max() ?? 0
            slots = [UInt32](repeating: Self.unknown, count: 2 * (max(last, 0) + 1))
        }

        var slotCount: Int { slots.count / 2 }

        /// The slot's run of sentences, if it was found.
        func known(_ slot: Int) -> Range<Int>? {
            slots[2 * slot] == Self.unknown ? nil : Int(slots[2 * slot])..<Int(slots[2 * slot + 1])
        }

        /// Finds the slot's sentences in the article, and gives their run.
        mutating func find(_ slot: Int, in article: Article) -> Range<Int> {
            // The first block with the number (as `GraphIndex.blockText` reads it); the headline for 0.
            // By index: `first(where:)` copied each block it passed over, every string retained.
            let text = slot == 0 ? article.title
                : article.blocks.indices.first { article.blocks[$0].number == slot }.map { article.blocks[$0].text }
            let start = UInt32(bounds.count / 2)
            for range in text.map(Sentences.ranges(in:)) ?? [] {
                bounds.append(UInt32(clamping: range.lowerBound))
                bounds.append(UInt32(clamping: range.upperBound))
            }
            slots[2 * slot] = start
            slots[2 * slot + 1] = UInt32(bounds.count / 2)
            return Int(start)..<(bounds.count / 2)
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
        return slot(position, block) { bounds, run -> Range<Int>? in
            // Sentences are in order and do not overlap: the only one that can hold the offset
            // is the first that ends after it.
            var low = run.lowerBound, high = run.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Int(bounds[2 * middle + 1]) <= offset { low = middle + 1 } else { high = middle }
            }
            guard low < run.upperBound else { return nil }
            let range = Int(bounds[2 * low])..<Int(bounds[2 * low + 1])
            return range.contains(offset) ? range : nil
        } ?? nil
    }

    /// Every sentence of a block of the article at `position` in the articles given, in order,
    /// in place of what `sentences` held: for a page that asks about many offsets of one block.
    func sentences(at position: Int, _ block: Int, into sentences: inout [Range<Int>]) {
        sentences.removeAll(keepingCapacity: true)
        guard found.indices.contains(position) else { return }
        slot(position, block) { bounds, run in
            for n in run { sentences.append(Int(bounds[2 * n])..<Int(bounds[2 * n + 1])) }
        }
    }

    /// `body` of the bounds once the block's slot is found, and the slot's run in them; nil
    /// when the article has no such block. Run while the article's sentences are locked: the
    /// bounds are read in place, not copied (a copy held while another page's slot is found
    /// would make that page copy them all).
    private func slot<R>(_ position: Int, _ block: Int, _ body: ([UInt32], Range<Int>) -> R) -> R? {
        guard block >= 0 else { return nil }
        return found[position].runs.withLock { runs in
            if runs == nil { runs = Runs(articles[position]) }
            guard block < runs!.slotCount else { return nil }
            let run = runs!.known(block) ?? runs!.find(block, in: articles[position])
            return body(runs!.bounds, run)
        }
    }
}
