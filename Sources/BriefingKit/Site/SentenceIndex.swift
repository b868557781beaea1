/// The sentences of every block (`Sentences.ranges`) by article and block number, found once:
/// snippets on actor and date pages ask for the sentence around a mention again and again.
///
/// Each article has one slot for each block number from 0 (the headline, as in
/// `GraphIndex.blockText`) to its last block; a slot's sentences are a run of `bounds`. A
/// dictionary of arrays for each article (350,000 arrays at 10,000 articles) cost 30 MB; this
/// costs 8 bytes a sentence and 4 a block.
struct SentenceIndex: Sendable {
    /// Each article's slots.
    private let slots: [String: Range<Int>]
    /// Where each slot's sentences start in `bounds` (in pairs); one more than there are slots,
    /// so that slot `s` is `slotStarts[s]..<slotStarts[s + 1]`.
    private let slotStarts: [UInt32]
    /// Each sentence's start and end byte, one pair after another.
    private let bounds: [UInt32]

    init(_ articles: [Article]) {
        // Each article on every core, then the runs put end to end in article order.
        let found = Parallel.map(articles) { article -> [[Range<Int>]] in
            let last = article.blocks.map(\.number).max() ?? 0
            var slots = [[Range<Int>]?](repeating: nil, count: max(last, 0) + 1)
            for block in article.blocks where block.number > 0 && slots[block.number] == nil {
                slots[block.number] = Sentences.ranges(in: block.text)
            }
            slots[0] = Sentences.ranges(in: article.title)
            return slots.map { $0 ?? [] }
        }
        var slotsByArticle: [String: Range<Int>] = [:]
        var slotStarts: [UInt32] = [0], bounds: [UInt32] = []
        slotStarts.reserveCapacity(found.reduce(1) { $0 + $1.count })
        bounds.reserveCapacity(2 * found.reduce(0) { total, slots in slots.reduce(total) { $0 + $1.count } })
        for (article, slots) in zip(articles, found) where slotsByArticle[article.id] == nil {
            slotsByArticle[article.id] = (slotStarts.count - 1)..<(slotStarts.count - 1 + slots.count)
            for ranges in slots {
                for range in ranges {
                    bounds.append(UInt32(clamping: range.lowerBound))
                    bounds.append(UInt32(clamping: range.upperBound))
                }
                slotStarts.append(UInt32(bounds.count / 2))
            }
        }
        self.slots = slotsByArticle
        self.slotStarts = slotStarts
        self.bounds = bounds
    }

    /// The sentence of a block that holds a byte offset; nil when the block has no such sentence
    /// (or the article no such block).
    func sentence(_ articleID: String, _ block: Int, containing offset: Int) -> Range<Int>? {
        guard let slots = slots[articleID], block >= 0, block < slots.count else { return nil }
        let slot = slots.lowerBound + block
        let start = Int(slotStarts[slot]), end = Int(slotStarts[slot + 1])
        // Sentences are in order and do not overlap: the only one that can hold the offset is
        // the first that ends after it.
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
