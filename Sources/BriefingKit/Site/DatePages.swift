/// Date pages and the timeline.
enum DatePages {
    /// The template of these pages.
    static let template = "date"
    static let timelineTemplate = "timeline"

    static func snippet(_ mention: DateMention, from path: String, index: GraphIndex) -> DateSnippet {
        let article = index.articlesByID[mention.articleID]!
        let reference = mention.reference
        let sentence = index.sentence(mention.articleID, mention.block, containing: reference.offset)
        var seen: [String] = []
        if let sentence {
            for other in index.mentions(mention.articleID, mention.block, in: sentence) where !seen.contains(other.actorID) {
                seen.append(other.actorID)
            }
        }
        return DateSnippet(
            snippet: SnippetContext(text: index.blockText(mention.articleID, mention.block), offset: reference.offset,
                                    length: reference.text.utf8.count,
                                    url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: TextBlock.anchor(mention.block)),
                                    paragraph: mention.block),
            article: SitePlanner.datedLink(article, from: path, index: index),
            actors: seen.compactMap { index.actorsByID[$0] }.map { SitePlanner.actorLink($0, from: path, index: index) },
            plan: mention.isFuture, value: reference.value)
    }

    /// "5 mentions in 2 articles" of a date value.
    static func counts(_ value: String, _ index: GraphIndex) -> String {
        Count.mentions(index.datesByValue[value].count, inArticles: index.dateArticleCounts[value] ?? 0)
    }

    static func page(_ index: GraphIndex, value: String) -> Page {
        let path = index.datePath(value)
        let mentions = index.datesByValue[value]
        // (article, paragraph) of each mention, made once for the list by paragraph and the months.
        let items = MentionArchive.items(of: .date(value), index)
        var up: [LinkContext] = []
        var parent = TimexValue.parent(value)
        while let p = parent {
            up.append(LinkContext(title: TimexValue.label(p), url: SitePath.relative(from: path, to: index.datePath(p))))
            parent = TimexValue.parent(p)
        }
        let below = (index.dateChildren[value] ?? []).map {
            LinkContext(title: TimexValue.label($0), url: SitePath.relative(from: path, to: index.datePath($0)))
        }
        let label = TimexValue.label(value)
        let context = DateContext(
            site: SitePlanner.site(index.graph, on: path), value: value, label: label, up: up.reversed(), below: below,
            mentions: mentions.prefix(ParagraphList.snippetLimit).map { snippet($0, from: path, index: index) },
            moreMentions: .after(Array(items.dropFirst(ParagraphList.snippetLimit)),
                                 months: MentionArchive.months(of: .date(value), items, index),
                                 from: path, index: index),
            mentionCount: mentions.count,
            articleCount: index.dateArticleCounts[value] ?? 0, counts: counts(value, index),
            timeline: SitePath.relative(from: path, to: SitePath.timeline),
            notes: (index.notesByDate[value] ?? []).map { NotePages.context($0, from: path, index: index) })
        let description = mentions.isEmpty ? "Dates within \(label) referred to in the briefing."
            : "\(label): \(counts(value, index)) of the briefing."
        return Page(path: path, template: template, title: label, description: description, context: context,
                    meta: StructuredData.website(index.graph.settings, path: path))
    }

    /// Snippets per date on the timeline: enough to see what the date is about. The timeline of a
    /// large briefing would otherwise hold every date reference of every article.
    static let timelineSnippets = 3

    static func timeline(_ index: GraphIndex) -> Page {
        let path = SitePath.timeline
        let referenced = index.dateValues.filter { index.datesByValue.contains($0) }
        let publishedByMonth = Dictionary(grouping: index.graph.articles, by: { $0.published.monthValue })
        // With month pages of articles, a month links to its page instead of listing them.
        let archived = ArticleArchive.hasMonths(index.graph)
        var years: [TimelineYear] = []
        let yearKeys = Set(referenced.compactMap { TimexValue.start($0).map { String($0.year) } } + index.graph.articles.map { String($0.published.year) })
        for year in yearKeys.sorted() {
            var months: [TimelineMonth] = []
            let inYear = referenced.filter { TimexValue.start($0).map { String($0.year) } == year }
            // Year-wide references first (the year, its seasons, quarters), then month by month.
            let wide = inYear.filter { !$0.contains("-") || ($0.split(separator: "-").count == 2 && Int($0.split(separator: "-")[1]) == nil && !$0.contains("W")) }
            if !wide.isEmpty {
                months.append(TimelineMonth(label: "In \(year) as a whole", dates: wide.map { entry($0, path: path, index: index) }, published: []))
            }
            for month in 1...12 {
                let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
                let dates = inYear.filter { !wide.contains($0) && TimexValue.start($0)?.monthValue == key }
                let inMonth = publishedByMonth[key] ?? []
                guard !dates.isEmpty || !inMonth.isEmpty else { continue }
                let archive = archived && !inMonth.isEmpty ? ArticleArchive.link(to: key, articles: inMonth.count, from: path) : nil
                let published = archived ? [] : inMonth.map { SitePlanner.datedLink($0, from: path, index: index) }
                months.append(TimelineMonth(label: TimexValue.label(key), dates: dates.map { entry($0, path: path, index: index) },
                                            published: published, archive: archive))
            }
            let url = index.dateValues.contains(year) ? SitePath.relative(from: path, to: index.datePath(year)) : ""
            years.append(TimelineYear(label: year.count == 4 ? year : TimexValue.label(year), url: url, months: months))
        }
        // Counted by value, then by month: half a million mentions, a few hundred values.
        var perPoint: [String: Int] = [:]
        for mention in index.graph.dates {
            for point in mention.reference.points { perPoint[point, default: 0] += 1 }
        }
        var perMonth: [String: Int] = [:]
        for (point, count) in perPoint where point.count >= 7 && Int(point.split(separator: "-")[1]) != nil {
            perMonth[String(point.prefix(7)), default: 0] += count
        }
        let months = Charts.months(perMonth)
        let chart = months.isEmpty ? nil : Charts.bars(
            id: "chart", bars: months.map { ($0.label, $0.value, index.dateValues.contains($0.key) ? SitePath.relative(from: path, to: index.datePath($0.key)) : nil) },
            title: "Date references per month", caption: "How often the articles refer to each month (days and months named), \(months.first!.label) to \(months.last!.label).",
            unit: "reference")
        let context = TimelineContext(site: SitePlanner.site(index.graph, on: path), chart: chart == nil ? nil : Figure(id: "chart"),
                                      years: years, dateCount: referenced.count)
        var page = Page(path: path, template: timelineTemplate, title: "Timeline",
                        description: "Every date referred to in \(index.graph.settings.title), in order.", context: context,
                        meta: StructuredData.website(index.graph.settings, path: path))
        page.figures = chart.map { ["chart": $0] } ?? [:]
        return page
    }

    static func entry(_ value: String, path: String, index: GraphIndex) -> TimelineDate {
        let mentions = index.datesByValue[value]
        return TimelineDate(label: index.dateLabel(value).text, url: SitePath.relative(from: path, to: index.datePath(value)),
                            counts: counts(value, index), mentions: mentions.prefix(timelineSnippets).map { snippet($0, from: path, index: index) },
                            more: mentions.count > timelineSnippets ? "and \(mentions.count - timelineSnippets) more" : nil)
    }

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

    /// The place in `graph.dates` of the block's date `n`, counted from 0.
    func date(_ n: Int) -> Int { Int(dates[dates.startIndex + n]) }

    /// The article's part of `GraphIndex.datesByBlock`.
    private(set) var datesPart: Range<Int>?

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
        let offset = date(n).offset
        var other = n - 1
        while other >= 0, date(other).offset == offset {
            if kept[flags + other], date(other).points.contains(point) { return true }
            other -= 1
        }
        other = n + 1
        while other < dates.count, date(other).offset == offset {
            if kept[flags + other], date(other).points.contains(point) { return true }
            other += 1
        }
        return false
    }
}
