/// An actor page's dates: the dates named in the same sentences as the actor.
extension DatePages {
    /// The dates named in the same sentences as an actor, in date order: the first
    /// `ParagraphList.snippetLimit` with their snippets, the rest once per date with a count.
    static func actorDates(_ actor: Actor, from path: String, index: GraphIndex) -> (dates: [ActorDate], more: DateCounts) {
        let all = index.graph.dates
        // Each as its rank in date order, its article's place and its place in `graph.dates`.
        var found: [(rank: Int, article: Int, point: String, date: Int32)] = []
        // The mentions come in runs of one article and block: the block's dates, its sentences
        // and the sentence of each date are looked up once a run, and a mention's sentence is
        // found in them only when there are dates (most blocks name none).
        var block = ActorDateBlock()
        // A date is kept once, however many of the actor's mentions share its sentence: a flag
        // for each date of each block met, a block's flags from its place in `kept` (a block's
        // mentions may come in more than one run).
        var kept: [Bool] = []
        var keptAt: [Int64: Int] = [:]
        for mention in index.mentionsByActor[actor.id] {
            if !block.holds(mention) {
                // The article's place and part of the date index are looked up once its id changes.
                if !block.isIn(mention.articleID) {
                    let place = index.position[mention.articleID]
                    // A mention of an article the graph does not hold has no sentence: no dates.
                    block.enter(mention.articleID, place: place ?? -1, dates: place == nil ? nil : index.datesByBlock.part(mention.articleID))
                }
                block.start(mention.block, dates: index.datesByBlock.positions(in: block.datesPart, mention.block))
                let place = block.article
                if place >= 0, !block.dates.isEmpty {
                    index.sentences.sentences(at: place, mention.block, into: &block.sentences)
                    for date in block.dates {
                        block.sentenceOfDate.append(ActorDateBlock.sentence(of: all[Int(date)].reference.offset, in: block.sentences))
                    }
                    let key = Int64(place) << 32 | Int64(UInt32(truncatingIfNeeded: mention.block))
                    if let at = keptAt[key] {
                        block.flags = at
                    } else {
                        block.flags = kept.count
                        keptAt[key] = kept.count
                        kept.append(contentsOf: repeatElement(false, count: block.dates.count))
                    }
                }
            }
            guard !block.dates.isEmpty else { continue }
            let number = ActorDateBlock.sentence(of: mention.offset, in: block.sentences)
            guard number >= 0 else { continue }
            let sentence = GraphIndex.within(reach: block.sentences[number], of: mention.offset)
            for n in 0..<block.dates.count
            where block.sentenceOfDate[n] == number && !kept[block.flags + n] && sentence.contains(all[block.date(n)].reference.offset) {
                kept[block.flags + n] = true
                // A point on the timeline is one `datesByValue` holds (looked up, not parsed again);
                // each once per offset, as two dates at one offset name it once.
                let points = all[block.date(n)].reference.points
                for (p, point) in points.enumerated()
                where index.datesByValue.contains(point) && !points[..<p].contains(point)
                    && !block.keptAtSameOffset(as: n, naming: point, kept: kept, in: all) {
                    found.append((index.dateRank[point]!, block.article, point, Int32(block.date(n))))
                }
            }
        }
        // In date order (by the place of each value in date order: every value with mentions has
        // one), then in article and block order.
        let keys = found.enumerated().map { ($1.rank, $1.article, all[Int($1.date)].block, $0) }
        let sorted = keys.sorted { $0 < $1 }.map { (found[$0.3].point, found[$0.3].date) }
        let dates = sorted.prefix(ParagraphList.snippetLimit).map { value, place in
            let date = all[Int(place)], s = snippet(date, from: path, index: index)
            return ActorDate(label: index.dateLabel(value).text, url: SitePath.relative(from: path, to: index.datePath(value)),
                             snippet: s.snippet, article: s.article, plan: date.isFuture)
        }
        let rest = sorted.dropFirst(ParagraphList.snippetLimit)
        guard !rest.isEmpty else { return (dates, .empty) }
        var counts: [DateCount] = []
        var last: String?
        var count = 0
        func close() {
            guard let last else { return }
            counts.append(DateCount(label: index.dateLabel(last).text, url: SitePath.relative(from: path, to: index.datePath(last)),
                                    count: String(count)))
        }
        for (value, _) in rest {
            if value != last { close(); last = value; count = 0 }
            count += 1
        }
        close()
        let summary = "\(Count.phrase(rest.count, "more reference")) to \(Count.phrase(counts.count, "date")):"
        return (dates, DateCounts(dates: counts, summary: summary))
    }
}

/// A block's dates as an actor page's dates read them (`DatePages.actorDates`): one made for
/// each run of mentions, its lists kept from one to the next.
private struct ActorDateBlock {
    private var articleID: String?
    private var number = -1
    /// The article's place in the graph's articles; -1 for an article it does not hold.
    private(set) var article = -1
    /// Places in `graph.dates`, in offset order.
    private(set) var dates: ArraySlice<Int32> = []
    var sentences: [Range<Int>] = []
    /// The number of the sentence of each date in `sentences`; -1 for none.
    var sentenceOfDate: [Int] = []
    /// Where the flags of the block's dates start in the flags of dates kept.
    var flags = 0
    /// The article's part of `GraphIndex.datesByBlock`.
    private(set) var datesPart: Range<Int>?

    /// The place in `graph.dates` of the block's date `n`, counted from 0.
    func date(_ n: Int) -> Int { Int(dates[dates.startIndex + n]) }

    func holds(_ mention: Mention) -> Bool {
        number == mention.block && articleID == mention.articleID
    }

    func isIn(_ articleID: String) -> Bool { self.articleID == articleID }

    /// An article's first block: its place in the graph's articles and its part of the date index.
    mutating func enter(_ articleID: String, place: Int, dates: Range<Int>?) {
        (self.articleID, article, datesPart, number) = (articleID, place, dates, -1)
    }

    /// A block of the article, with these dates, before its sentences are read.
    mutating func start(_ number: Int, dates: ArraySlice<Int32>) {
        (self.number, self.dates) = (number, dates)
        sentences.removeAll(keepingCapacity: true)
        sentenceOfDate.removeAll(keepingCapacity: true)
        flags = 0
    }

    /// The number of the sentence that holds an offset, as `SentenceIndex.sentence` finds it; -1
    /// when none does.
    static func sentence(of offset: Int, in sentences: [Range<Int>]) -> Int {
        let first = GraphIndex.firstIndex(in: sentences, notBelow: offset + 1) { $0.upperBound }
        return first < sentences.count && sentences[first].contains(offset) ? first : -1
    }

    /// Whether another date at the offset of date `n`, kept already, names the point.
    func keptAtSameOffset(as n: Int, naming point: String, kept: [Bool], in all: [DateMention]) -> Bool {
        func date(_ k: Int) -> DateReference { all[self.date(k)].reference }
        // The block's dates are in offset order: those at the same offset are next to `n`.
        let offset = date(n).offset
        var low = n, high = n + 1
        while low > 0, date(low - 1).offset == offset { low -= 1 }
        while high < dates.count, date(high).offset == offset { high += 1 }
        return (low..<high).contains { $0 != n && kept[flags + $0] && date($0).points.contains(point) }
    }
}
