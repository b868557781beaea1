/// The Link stage: articles + gazetteer → the briefing graph (actors, mentions, quotes).
///
/// 1. Discovery proposes actors from cues in every article (`ActorDiscovery`).
/// 2. The registry merges them with the gazetteer and with each other (`ActorRegistry`).
/// 3. Every article is searched for every known name, with coreference (`MentionFinder`).
/// 4. Quotations are attributed (`QuoteAttributor`).
public enum Linker {
    public static func link(articles: [Article], gazetteer: Gazetteer = Gazetteer(), settings: SiteSettings,
                            overview: Overview? = nil) -> BriefingGraph {
        link(articles: articles, gazetteer: gazetteer, settings: settings, overview: overview, reusing: [:], naming: nil).graph
    }

    /// What `link(…reusing:)` gives: the graph, the facts of every article in the graph's order,
    /// the names they were found with, and the source files of the articles whose facts were
    /// taken over as they were (the memo need not write them again).
    struct Linked {
        var graph: BriefingGraph
        var facts: [ArticleFacts]
        var naming: NamingTable
        var reused: Set<String>
    }

    /// The same, reusing what an earlier build found in each unchanged article (`known`, by article
    /// id), and returning what it found in every article, for the next build.
    ///
    /// The facts of an article are a function of the article alone, except its mentions, quotes and
    /// unresolved names, which also depend on the names the registry knows (`NamingTable`). So a
    /// fact is reused only when its article is equal to this one, and its mentions only when the
    /// naming is also the same, or when the article holds none of the words whose reading changed
    /// since `earlierNaming`, the table the known facts were found with.
    ///
    /// `known` is consumed: the earlier facts are let go once taken over, before the graph's
    /// arrays are made, so that the facts are never held twice.
    ///
    /// With `digests`, each article's facts carry their digest (`ArticleFacts.digest`), found
    /// for the articles linked again and taken over with the rest, and the graph holds them
    /// (`BriefingGraph.factDigests`).
    static func link(articles: [Article], gazetteer: Gazetteer = Gazetteer(), settings: SiteSettings,
                     overview: Overview? = nil, reusing known: consuming [String: ArticleFacts], naming earlierNaming: NamingTable?,
                     digests: Bool = false)
        -> Linked {
        let ordered = BriefingGraph(settings: settings, articles: articles).articles
        var earlier = ordered.map { article in known[article.id].flatMap { $0.article == article ? $0 : nil } }
        _ = consume known
        var registry = ActorRegistry(gazetteer: gazetteer)
        // Discovery runs on every core; the registry takes the candidates in article order.
        var scanned = Parallel.map(Array(zip(ordered, earlier))) { article, earlier -> (candidates: [ActorDiscovery.Candidate], dates: ArraySlice<DateMention>) in
            if let earlier { return (earlier.candidates, earlier.dates) }
            var found = ActorDiscovery.candidates(in: article)
            if let speaker = article.quote?.speaker, ActorDiscovery.isPersonName(speaker.split(separator: " ").map(String.init)) {
                found.append(.init(name: speaker, kind: .person, role: nil, articleID: article.id, block: 0))
            }
            return (found, dateMentions(in: article)[...])
        }
        for (article, found) in zip(ordered, scanned) {
            for candidate in found.candidates { registry.resolveOrAdd(candidate, date: article.published) }
        }

        let finder = MentionFinder(registry: registry)
        let table = NamingTable(registry)
        let naming = table.digest
        let changes = earlierNaming.flatMap { old in table.changes(since: old).map { (old.digest, $0) } }
        let made = Parallel.map(Array(zip(ordered, zip(earlier, scanned)))) { article, pair -> (facts: ArticleFacts, reused: Bool) in
            let (earlier, scan) = pair
            // Facts taken over keep their digest: their article, mentions, dates and quotes are the same.
            if var earlier, earlier.naming == naming {
                guard digests, earlier.digest == nil else { return (earlier, true) }
                earlier.addDigest()
                return (earlier, false)
            }
            if var earlier, let (oldNaming, changes) = changes, earlier.naming == oldNaming, !changes.touch(article) {
                earlier.naming = naming
                if digests { earlier.addDigest() }
                return (earlier, false)
            }
            let linked = linkArticle(article, finder: finder)
            var facts = ArticleFacts(article: article, candidates: scan.candidates, dates: scan.dates, naming: naming,
                                     mentions: linked.mentions[...], quotes: linked.quotes[...], unresolved: linked.unresolved[...])
            if digests { facts.addDigest() }
            return (facts, false)
        }
        // Only `facts` holds them now: `flatten` frees each article's arrays as it copies them.
        earlier = []
        scanned = []
        let reused = Set(made.lazy.filter(\.reused).map(\.facts.article.sourceFile))
        var facts = made.map(\.facts)
        _ = consume made
        let (mentions, quotes, unresolved, dates) = flatten(&facts)
        var graph = BriefingGraph(settings: settings, articles: ordered, actors: registry.actors,
                                  mentions: mentions, quotes: quotes, unresolved: unresolved, dates: dates)
        if digests {
            graph.factDigests = Dictionary(facts.compactMap { fact in fact.digest.map { (fact.article.id, $0) } },
                                           uniquingKeysWith: { first, _ in first })
        }
        if let overview {
            // The overview is read as an article dated like the newest one, so that "last week" in it
            // means what the editor meant when the briefing was current.
            let text = Article(id: BriefingGraph.overviewID, sourceFile: overview.sourceFile, format: .markdown, title: overview.title,
                               published: ordered.last?.published ?? CalendarDay(iso: "2000-01-01")!, blocks: overview.blocks)
            graph.overview = LinkedOverview(overview: overview, blocks: overview.blocks.map { [.markdown($0.text)] },
                                            mentions: finder.mentions(in: text).mentions.filter { $0.block > 0 },
                                            dates: dateMentions(in: text))
        }
        return Linked(graph: graph, facts: facts, naming: table, reused: reused)
    }

    /// The facts' mentions, quotes, unresolved names and dates in article order, each in one array
    /// of exactly their size, and each fact's parts made slices of them: the graph and the facts
    /// kept for the memo then share one copy, and each fact's own arrays are let go as soon as they
    /// are copied, so the peak is one copy, not two. The parts are reached in place (`inout`), not
    /// through key paths, which copied the whole fact for each part read.
    static func flatten(_ facts: inout [ArticleFacts])
        -> (mentions: [Mention], quotes: [AttributedQuote], unresolved: [BriefingGraph.UnresolvedName], dates: [DateMention]) {
        var mentions = Flattened<Mention>(facts.reduce(0) { $0 + $1.mentions.count })
        var quotes = Flattened<AttributedQuote>(facts.reduce(0) { $0 + $1.quotes.count })
        var unresolved = Flattened<BriefingGraph.UnresolvedName>(facts.reduce(0) { $0 + $1.unresolved.count })
        var dates = Flattened<DateMention>(facts.reduce(0) { $0 + $1.dates.count })
        for index in facts.indices {
            mentions.take(&facts[index].mentions)
            quotes.take(&facts[index].quotes)
            unresolved.take(&facts[index].unresolved)
            dates.take(&facts[index].dates)
        }
        for index in facts.indices {
            mentions.giveBack(index, to: &facts[index].mentions)
            quotes.giveBack(index, to: &facts[index].quotes)
            unresolved.giveBack(index, to: &facts[index].unresolved)
            dates.giveBack(index, to: &facts[index].dates)
        }
        return (mentions.all, quotes.all, unresolved.all, dates.all)
    }

    /// One part of every fact, end to end, and where each fact's run ends.
    private struct Flattened<Element> {
        private(set) var all: [Element] = []
        private var ends: [Int] = []

        init(_ count: Int) { all.reserveCapacity(count) }

        mutating func take(_ part: inout ArraySlice<Element>) {
            all += part
            part = []
            ends.append(all.count)
        }

        /// The run of the fact taken `index`-th, as a slice of `all`.
        func giveBack(_ index: Int, to part: inout ArraySlice<Element>) {
            part = all[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }
    }

    /// Mentions, unresolved names and quotes of one article.
    static func linkArticle(_ article: Article, finder: MentionFinder)
        -> (mentions: [Mention], quotes: [AttributedQuote], unresolved: [BriefingGraph.UnresolvedName]) {
        let registry = finder.registry
        let found = finder.mentions(in: article)
        let unresolved = found.unresolved.map { BriefingGraph.UnresolvedName(name: $0.name, articleID: $0.articleID, block: $0.block, candidates: $0.candidates) }
        var quotes: [AttributedQuote] = []
        if let quote = article.quote, let block = article.blocks(.quote).first {
            let speaker = quote.speaker.flatMap { resolveSpeaker($0, mentions: found.mentions, registry: registry) }
            quotes.append(AttributedQuote(speakerID: speaker, text: quote.text, articleID: article.id, block: block.number))
        }
        var people: [Int: QuoteAttributor.PersonMentions] = [:]
        for mention in found.mentions where registry.actor(mention.actorID)?.kind == .person {
            people[mention.block, default: []].append((mention.offset..<(mention.offset + mention.text.utf8.count), mention.actorID))
        }
        let textBlocks = article.blocks.filter { $0.role != .quote }
        quotes += QuoteAttributor.attribute(QuoteAttributor.quotations(in: textBlocks), blocks: textBlocks, people: people, articleID: article.id)
        return (found.mentions, quotes, unresolved)
    }

    /// Every date expression of an article, resolved against its publication date, in reading order
    /// (so that "the day before" refers to the last date read).
    static func dateMentions(in article: Article) -> [DateMention] {
        var resolver = TemporalResolver(dct: article.published)
        return article.blocks.flatMap { block in
            resolver.resolve(block.text).map { reference in
                let start = reference.points.compactMap(TimexValue.start).min()
                let future = start.map { $0 > article.published } ?? false
                return DateMention(articleID: article.id, block: block.number, reference: reference, isFuture: future)
            }
        }
    }

    /// "Peskov" in `Quote from Peskov:`: the person the article names so, or the one known person.
    static func resolveSpeaker(_ name: String, mentions: [Mention], registry: ActorRegistry) -> String? {
        if let mention = mentions.first(where: { $0.text == name && registry.actor($0.actorID)?.kind == .person }) {
            return mention.actorID
        }
        if let id = registry.resolve(name: name, kind: .person) { return id }
        let ids = registry.surnames[name] ?? registry.variantSurnames[ActorRegistry.variantKey(name)] ?? []
        return ids.count == 1 ? ids.first : nil
    }
}
