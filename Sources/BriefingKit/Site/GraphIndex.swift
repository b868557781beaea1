import Foundation

/// Look-ups over the briefing graph that the pages share, computed once. A class: every page
/// reads it, and copying a struct of thirty look-ups for each one retained every one of them.
final class GraphIndex: Sendable {
    let graph: BriefingGraph
    /// Each article's site path (`SitePath.article` of its slug), made once: the pages ask for
    /// it for every link to an article, hundreds of thousands of times.
    let articlePaths: [String: String]
    let articlesByID: [String: Article]
    let actorsByID: [String: Actor]
    /// Article order (oldest first) of each article id.
    let position: [String: Int]
    /// Each article's month of publication (`2025-01`), by position: month runs, charts and quote
    /// months ask for it once per mention, and making it from the day each time was a string made.
    let publicationMonths: [String]
    let mentionsByActor: Grouped<String, Mention>
    let mentionsByArticle: Grouped<String, Mention>
    /// Actor ids of each article, in order of first mention.
    let actorsByArticle: [String: [String]]
    /// Every actor id of `actorsByArticle`, in byte order, and each article's actors as places in
    /// it: the actors of thousands of articles are gathered by place, not into a set of strings.
    let actorOrder: [String]
    /// By article position: an actor page's inputs ask for those of thousands of articles.
    let actorPlacesByPosition: [[Int32]]
    let quotesByActor: Grouped<String, AttributedQuote>
    /// The articles that mention each actor, in article order.
    let articlesByActor: [String: [String]]
    /// The same lists as positions in `graph.articles` (ascending), for `related(to:)`.
    let positionsByActor: [String: [Int32]]
    /// Date values by the value one level up (the days of a month, the months of a year).
    let dateChildren: [String: [String]]
    /// Date mentions by timeline value (a range is under both its points).
    let datesByValue: Grouped<String, DateMention>
    let datesByArticle: Grouped<String, DateMention>
    /// Mentions and date mentions of each block, by byte offset: a snippet asks for the ones in
    /// its sentence, which in a very long paragraph must not mean a walk over all of them.
    let mentionsByBlock: BlockIndex<Mention>
    let datesByBlock: BlockIndex<DateMention>
    /// Every value that has a date page: the referenced points and the months and years above them.
    let dateValues: [String]
    /// The place of each of `dateValues` in date order, for sorting without parsing the values.
    let dateRank: [String: Int]
    /// The label of each of `dateValues` (`dateLabel(_:)`).
    private let dateLabels: [String: DateLabel]
    /// How many articles refer to each date value (`datesByValue`), counted once.
    let dateArticleCounts: [String: Int]
    /// The article of each of `graph.dates`, by its place in `graph.articles` (one the graph does
    /// not hold, as a graph made by hand may have: a place after theirs).
    let dateArticles: [Int32]
    /// The same for each of `graph.quotes`: an actor page's inputs write each quote's article.
    let quoteArticles: [Int32]
    /// Articles by byline and by `Source:` outlet name, in article order.
    let articlesByAuthor: [String: [Article]]
    let articlesByOutlet: [String: [Article]]
    /// The first outlet actor (in id order) with a name or alias, and the first person with a name.
    let outletActors: [String: Actor]
    let personActors: [String: Actor]
    /// Actors that are mentioned at least once, wrote an article or published one: the ones with a
    /// page. Computed once: it is read in many places.
    let actorsWithPages: [Actor]
    let hasPage: Set<String>
    /// Outlet name → slug of its page under `sources/`.
    let sourceSlugs: [String: String]
    /// The sentences of every block (byte ranges) by article id and block number, found when a
    /// page first asks for an article's.
    let sentences: SentenceIndex
    /// Notes by what they are about: a passage's or whole article's article id, an actor id, a
    /// date value. Each note in file order, once per place.
    let notesByArticle: [String: [AnchoredNote]]
    let notesByActor: [String: [AnchoredNote]]
    let notesByDate: [String: [AnchoredNote]]
    /// Each note's number on the site, by id.
    let noteNumbers: [String: Int]
    /// Works out related articles (`related(to:)`).
    let relatedScorer: RelatedScorer
    /// Every article's related articles, when the index was made with them (an incremental build,
    /// which keeps them in its cache).
    let relatedLists: RelatedLists?

    /// With `tabulatingRelated`, every article's related articles are worked out (or taken from
    /// `earlierRelated`, when it holds the same: `RelatedLists.make`) as the index is made.
    init(_ graph: BriefingGraph, tabulatingRelated: Bool = false, earlierRelated: RelatedLists? = nil) {
        // Two halves of the work, one on a thread of its own: the block indexes and the dates
        // there; the articles, mentions, actors, notes and sources here.
        let notes = Self.notesByPlace(graph.notes)
        let position = Dictionary(uniqueKeysWithValues: graph.articles.enumerated().map { ($1.id, $0) })
        let elsewhere = BackgroundValue {
            let dates = DateLookups(graph, noteDates: notes.dates, positions: position)
            return (dates,
                    BlockIndex(graph.mentions, article: \.articleID, block: \.block, offset: \.offset),
                    BlockIndex(graph.dates, article: \.articleID, block: \.block, offset: \.reference.offset))
        }
        self.graph = graph
        articlePaths = SitePlanner.articleSlugs(graph.articles).mapValues(SitePath.article)
        articlesByID = Dictionary(uniqueKeysWithValues: graph.articles.map { ($0.id, $0) })
        actorsByID = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0) })
        self.position = position
        publicationMonths = graph.articles.map(\.published.monthValue)
        sentences = SentenceIndex(graph.articles, positions: position)
        mentionsByActor = Grouped(graph.mentions, by: \.actorID)
        mentionsByArticle = Grouped(graph.mentions, by: \.articleID)
        // Each article's actors in the order of their first mention, from its group of mentions:
        // two look-ups by article id for each of half a million mentions were one for each article.
        // (Through `forEach`, whose closure builds the list, it took a fifth longer.)
        var byArticle: [String: [String]] = [:]
        byArticle.reserveCapacity(mentionsByArticle.keys.count)
        for id in mentionsByArticle.keys {
            var actors: [String] = []
            for mention in mentionsByArticle[id] where !actors.contains(mention.actorID) { actors.append(mention.actorID) }
            byArticle[id] = actors
        }
        actorsByArticle = byArticle
        // The actors with a mention are the keys of their groups: a few hundred, not the 200,000
        // places of an actor in an article put in a set.
        let order = mentionsByActor.keys.sorted { $0.bytesPrecede($1) }
        let places = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, Int32($0)) })
        actorOrder = order
        actorPlacesByPosition = graph.articles.map { article in byArticle[article.id].map { $0.map { places[$0]! } } ?? [] }
        // Each actor's articles, in article order, gathered by the actor's place and keyed by id
        // once at the end (a look-up by id for each actor of each article before).
        var articlesOfPlace = [[String]](repeating: [], count: order.count)
        var positionsOfPlace = [[Int32]](repeating: [], count: order.count)
        for (n, article) in graph.articles.enumerated() {
            for place in actorPlacesByPosition[n] {
                articlesOfPlace[Int(place)].append(article.id)
                positionsOfPlace[Int(place)].append(Int32(n))
            }
        }
        var byActor: [String: [String]] = [:]
        var positionsOfActor: [String: [Int32]] = [:]
        for (place, actor) in order.enumerated() where !positionsOfPlace[place].isEmpty {
            byActor[actor] = articlesOfPlace[place]
            positionsOfActor[actor] = positionsOfPlace[place]
        }
        articlesByActor = byActor
        positionsByActor = positionsOfActor
        let scorer = RelatedScorer(actors: order, placesByPosition: actorPlacesByPosition, positionsByPlace: positionsOfPlace,
                                   scoreTables: ScoreTables(size: graph.articles.count))
        relatedScorer = scorer
        relatedLists = tabulatingRelated
            ? RelatedLists.make(graph.articles, actorsByArticle: byArticle, scorer: scorer, earlier: earlierRelated) : nil
        quotesByActor = Grouped(graph.quotes) { quote, add in if let speaker = quote.speakerID { add(speaker) } }
        quoteArticles = Self.articlePlaces(graph.quotes, articleCount: graph.articles.count, positions: position) { $0.articleID }
        notesByArticle = notes.articles
        notesByActor = notes.actors
        notesByDate = notes.dates
        noteNumbers = Dictionary(graph.notes.enumerated().map { ($1.note.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let (byAuthor, byOutlet) = Self.byByline(graph.articles)
        articlesByAuthor = byAuthor
        articlesByOutlet = byOutlet
        var outlets: [String: Actor] = [:]
        var people: [String: Actor] = [:]
        for actor in graph.actors {
            if actor.kind == .outlet { for name in [actor.name] + actor.aliases where outlets[name] == nil { outlets[name] = actor } }
            if actor.kind == .person, people[actor.name] == nil { people[actor.name] = actor }
        }
        outletActors = outlets
        personActors = people
        let withPages = graph.actors.filter { [mentionsByActor] actor in
            mentionsByActor.contains(actor.id) || notes.actors[actor.id] != nil
                || !Self.authored(by: actor, in: byAuthor).isEmpty || !Self.published(by: actor, in: byOutlet).isEmpty
        }
        actorsWithPages = withPages
        hasPage = Set(withPages.map(\.id))
        sourceSlugs = SourcePages.slugs(graph.articles, outletActors: outlets)
        let dates: DateLookups
        (dates, mentionsByBlock, datesByBlock) = elsewhere.value
        (datesByValue, datesByArticle, dateValues, dateRank, dateChildren) = (dates.byValue, dates.byArticle, dates.values, dates.rank, dates.children)
        dateLabels = dates.labels
        dateArticleCounts = dates.articleCounts
        dateArticles = dates.articles
    }

    /// The article of each item, by its place in `graph.articles`, for items that come together
    /// by article, as the linker gathers mentions, dates and quotes: an id is looked up once a run
    /// of them. An article the graph does not hold (a graph made by hand) gets a number after theirs.
    static func articlePlaces<Item>(_ items: [Item], articleCount: Int, positions: [String: Int], id articleID: (Item) -> String) -> [Int32] {
        var strays: [String: Int32] = [:]
        var places = [Int32](repeating: 0, count: items.count)
        var run: (id: String, place: Int32)?
        items.withUnsafeBufferPointer { items in
            for n in items.indices {
                let id = articleID(items[n])
                if id != run?.id {
                    var place = positions[id].map { Int32($0) }
                    if place == nil {
                        place = strays[id] ?? Int32(articleCount + strays.count)
                        strays[id] = place
                    }
                    run = (id, place!)
                }
                places[n] = run!.place
            }
        }
        return places
    }

    /// Notes by what they are about, each note once per place.
    private static func notesByPlace(_ notes: [AnchoredNote])
        -> (articles: [String: [AnchoredNote]], actors: [String: [AnchoredNote]], dates: [String: [AnchoredNote]]) {
        var articles: [String: [AnchoredNote]] = [:], actors: [String: [AnchoredNote]] = [:], dates: [String: [AnchoredNote]] = [:]
        for note in notes {
            var places = Set<Anchor>()
            for target in note.targets where places.insert(target).inserted {
                switch target {
                case .passage(let passage): if !(articles[passage.articleID]?.contains(note) ?? false) { articles[passage.articleID, default: []].append(note) }
                case .article(let id, _): if !(articles[id]?.contains(note) ?? false) { articles[id, default: []].append(note) }
                case .actor(let id): actors[id, default: []].append(note)
                case .date(let value): dates[value, default: []].append(note)
                case .missing: break
                }
            }
        }
        return (articles, actors, dates)
    }

    /// Chronological by start, then the wider span first (2025 before 2025-01 before 2025-01-01).
    static func dateOrder(_ a: String, _ b: String) -> Bool {
        let sa = TimexValue.start(a)!, sb = TimexValue.start(b)!
        return sa != sb ? sa < sb : (a.count != b.count ? a.count < b.count : a < b)
    }

    /// `dateOrder` by rank, for values with a date page.
    func dateOrdered(_ a: String, _ b: String) -> Bool {
        guard let ra = dateRank[a], let rb = dateRank[b] else { return GraphIndex.dateOrder(a, b) }
        return ra < rb
    }

    func datePath(_ value: String) -> String { "dates/\(value).html" }

    /// A date value's label and whether it is an HTML `datetime`: looked up for the values with
    /// a page, worked out for any other.
    func dateLabel(_ value: String) -> DateLabel { dateLabels[value] ?? DateLabel(value) }

    /// The sentence around a byte offset of a block, at most `sentenceReach` bytes either side of
    /// the offset: text without full stops is one endless "sentence", and everything named in it
    /// would be "in the same sentence" as everything else.
    func sentence(_ articleID: String, _ block: Int, containing offset: Int) -> Range<Int>? {
        sentences.sentence(articleID, block, containing: offset).map { Self.within(reach: $0, of: offset) }
    }

    /// The part of a sentence within `sentenceReach` of an offset in it.
    static func within(reach sentence: Range<Int>, of offset: Int) -> Range<Int> {
        let lower = max(sentence.lowerBound, offset - sentenceReach), upper = min(sentence.upperBound, offset + sentenceReach)
        return lower < upper ? lower..<upper : sentence
    }

    static let sentenceReach = 600

    /// The text of block `n` of an article; block 0 is the headline.
    func blockText(_ articleID: String, _ block: Int) -> String {
        guard let article = articlesByID[articleID] else { return "" }
        if block == 0 { return article.title }
        // Blocks are numbered 1…n in order; the search is for an article made otherwise.
        if article.blocks.indices.contains(block - 1), article.blocks[block - 1].number == block { return article.blocks[block - 1].text }
        return article.blocks.first(where: { $0.number == block })?.text ?? ""
    }

    /// The mentions of a block whose offsets lie in `range`, in offset order.
    func mentions(_ articleID: String, _ block: Int, in range: Range<Int>) -> [Mention] {
        mentionsByBlock.elements(articleID, block, in: range)
    }

    /// The date mentions of a block whose offsets lie in `range`, in offset order.
    func dates(_ articleID: String, _ block: Int, in range: Range<Int>) -> [DateMention] {
        datesByBlock.elements(articleID, block, in: range)
    }

    /// The first index of an ascending collection (by `key`) whose key is not below `bound`,
    /// by binary search: the collection's end when there is none.
    static func firstIndex<C: RandomAccessCollection, Key: Comparable>(in sorted: C, notBelow bound: Key,
                                                                        by key: (C.Element) -> Key) -> C.Index {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let middle = sorted.index(low, offsetBy: sorted.distance(from: low, to: high) / 2)
            if key(sorted[middle]) < bound { low = sorted.index(after: middle) } else { high = middle }
        }
        return low
    }

    /// The actor the quotation of an article's quote block (the dateline format's `Quote from
    /// X:`) is attributed to, when that actor has a page. An article's quotes are a run of
    /// `graph.quotes` (the linker gathers them in article order), found by binary search in
    /// `quoteArticles`.
    func quoteSpeaker(ofArticleAt position: Int) -> Actor? {
        guard let block = graph.articles[position].blocks(.quote).first?.number else { return nil }
        var n = Self.firstIndex(in: quoteArticles, notBelow: Int32(position)) { $0 }
        while n < quoteArticles.count, quoteArticles[n] == Int32(position) {
            let quote = graph.quotes[n]
            if quote.block == block {
                return quote.speakerID.flatMap { hasPage.contains($0) ? actorsByID[$0] : nil }
            }
            n += 1
        }
        return nil
    }

    /// Articles whose byline names this person.
    func authored(by actor: Actor) -> [Article] { Self.authored(by: actor, in: articlesByAuthor) }

    /// The articles under each author's name and under each outlet's, in article order: what
    /// `authored(by:in:)` and `published(by:in:)` look in.
    static func byByline(_ articles: [Article]) -> (byAuthor: [String: [Article]], byOutlet: [String: [Article]]) {
        (Dictionary(grouping: articles.filter { $0.author != nil }, by: { $0.author! }),
         Dictionary(grouping: articles.filter { $0.outlet != nil }, by: { $0.outlet!.name }))
    }

    /// `authored(by:)` from the articles by byline (for `init`, before there is a `self` to ask).
    static func authored(by actor: Actor, in byAuthor: [String: [Article]]) -> [Article] {
        guard actor.kind == .person else { return [] }
        return byAuthor[actor.name] ?? []
    }

    /// Articles whose `Source:` is this outlet, under its name or an alias, in article order.
    func published(by actor: Actor) -> [Article] {
        let found = Self.published(by: actor, in: articlesByOutlet)
        return actor.aliases.isEmpty ? found : Set(found.map(\.id)).map { articlesByID[$0]! }.sorted { position[$0.id]! < position[$1.id]! }
    }

    /// The articles under each of an outlet's names, name after name (one under two names comes twice).
    static func published(by actor: Actor, in byOutlet: [String: [Article]]) -> [Article] {
        guard actor.kind == .outlet else { return [] }
        return ([actor.name] + actor.aliases).flatMap { byOutlet[$0] ?? [] }
    }

    /// "36 mentions in 2 articles", "author of 1 article".
    func countPhrase(_ actor: Actor) -> String {
        var parts: [String] = []
        // The articles with a mention of the actor are `articlesByActor`'s, each once.
        let mentions = mentionsByActor.count(actor.id)
        if mentions > 0 {
            parts.append(Count.mentions(mentions, inArticles: articlesByActor[actor.id]?.count ?? 0))
        }
        let authored = authored(by: actor).count
        if authored > 0 { parts.append("author of \(Count.phrase(authored, "article"))") }
        let published = published(by: actor).count
        if published > 0 { parts.append("source of \(Count.phrase(published, "article"))") }
        return parts.joined(separator: "; ")
    }

    func articlePath(_ id: String) -> String { articlePaths[id]! }

    /// The month an article was published (`2025-01`), found by position: a look-up in
    /// `articlesByID` copies the whole article for it (month runs, charts and quote months ask once
    /// per mention), and the month is made once a build (`publicationMonths`).
    func publicationMonth(of articleID: String) -> String? {
        position[articleID].map { publicationMonths[$0] }
    }
    func actorPath(_ id: String) -> String { SitePath.actor(id) }

    /// Articles that share actors with this one, rare actors weighing more (inverse document
    /// frequency). Only articles that share at least one actor are scored; for a frequent actor,
    /// only the `relatedWindow` articles nearest in time.
    func related(to article: Article, limit: Int = 5) -> [(article: Article, shared: [Actor], score: Double)] {
        related(toArticleAt: position[article.id] ?? 0, id: article.id, limit: limit).map { item in
            (graph.articles[item.position], item.shared.compactMap { actorsByID[$0] }, item.score)
        }
    }

    /// The same by position, the shared actors by id: what the page digests need, without a
    /// copy of each article and actor (`ArticlePageInputs`, for every article of every build).
    /// From the lists worked out when the index was made, when it was made with them. None when
    /// `here` is not the place of the article `id` (an article the graph lacks).
    func related(toArticleAt here: Int, id: String, limit: Int = 5) -> [(position: Int, shared: [String], score: Double)] {
        guard here >= 0, here < graph.articles.count, graph.articles[here].id == id else { return [] }
        if let relatedLists, limit <= RelatedLists.limit, here < relatedLists.count {
            return relatedLists.list(at: here, limit: limit)
        }
        return relatedScorer.related(toArticleAt: here, limit: limit).map { item in
            (item.position, item.shared.map { relatedScorer.actors[Int($0)] }, item.score)
        }
    }

    /// How many articles of one actor's list `related(to:)` looks at.
    static let relatedWindow = 200
}
