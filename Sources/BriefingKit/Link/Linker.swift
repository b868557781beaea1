/// The Link stage: articles + gazetteer → the briefing graph (actors, mentions, quotes).
///
/// 1. Discovery proposes actors from cues in every article (`ActorDiscovery`).
/// 2. The registry merges them with the gazetteer and with each other (`ActorRegistry`).
/// 3. Every article is searched for every known name, with coreference (`MentionFinder`).
/// 4. Quotations are attributed (`QuoteAttributor`).
public enum Linker {
    public static func link(articles: [Article], gazetteer: Gazetteer = Gazetteer(), settings: SiteSettings,
                            overview: Overview? = nil) -> BriefingGraph {
        link(articles: articles, gazetteer: gazetteer, settings: settings, overview: overview, reusing: [], naming: nil).graph
    }

    /// What `link(…reusing:)` gives: the graph, the facts of every article in the graph's order,
    /// the names they were found with, and which facts were taken over as they were (the memo
    /// need not write them again).
    struct Linked {
        var graph: BriefingGraph
        var facts: [ArticleFacts]
        var naming: NamingTable
        /// Whether each of `facts` was taken over as it was.
        var taken: [Bool]

        /// The source files of the articles whose facts were taken over as they were.
        var reused: Set<String> { Self.sourceFiles(of: facts, taken: taken) }

        /// Worked out where it is needed (the memo is saved on a thread of its own), not on the
        /// way from linking to the graph: a set of 10,000 paths.
        static func sourceFiles(of facts: [ArticleFacts], taken: [Bool]) -> Set<String> {
            // By index: zipping the arrays copied every fact.
            Set(facts.indices.lazy.filter { taken[$0] }.map { facts[$0].article.sourceFile })
        }
    }

    /// The same, reusing what an earlier build found in each unchanged article (`known`, in any
    /// order, found by article id), and returning what it found in every article, for the next build.
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
                     overview: Overview? = nil, reusing known: consuming [ArticleFacts], naming earlierNaming: NamingTable?,
                     digests: Bool = false)
        -> Linked {
        let ordered = BriefingGraph(settings: settings, articles: articles).articles
        // The maps go by position: zipping the arrays first copied every article and fact on one core.
        let positions = Array(ordered.indices)
        // Positions, not a dictionary of the facts: each fact is copied once, into `earlier`, on every core.
        let known = consume known
        let place = Dictionary(known.indices.map { (known[$0].article.id, $0) }, uniquingKeysWith: { first, _ in first })
        let earlier = Parallel.map(positions) { position in
            place[ordered[position].id].flatMap { known[$0].article == ordered[position] ? known[$0] : nil }
        }
        _ = consume known
        var registry = ActorRegistry(gazetteer: gazetteer)
        // Discovery runs on every core; the registry takes the candidates in article order.
        let scanned = Parallel.map(positions) { position -> (candidates: [ActorDiscovery.Candidate], dates: ArraySlice<DateMention>) in
            let article = ordered[position]
            if let earlier = earlier[position] { return (earlier.candidates, earlier.dates) }
            // Each block's words are read once for both.
            let words = article.blocks.map { Tokenizer.tokens(in: $0.text) }
            var found = ActorDiscovery.candidates(in: article, words: words)
            if let speaker = article.quote?.speaker, ActorDiscovery.isPersonName(speaker.split(separator: " ").map(String.init)) {
                found.append(.init(name: speaker, kind: .person, role: nil, articleID: article.id, block: 0))
            }
            return (found, dateMentions(in: article, words: words)[...])
        }
        for (article, found) in zip(ordered, scanned) {
            for candidate in found.candidates { registry.resolveOrAdd(candidate, date: article.published) }
        }

        let finder = MentionFinder(registry: registry)
        let table = NamingTable(registry)
        let naming = table.digest
        let changes = earlierNaming.flatMap { old in table.changes(since: old).map { (old.digest, $0) } }
        // The facts taken over as they were: found with the same names, with a digest if one is
        // wanted. Told apart here, from the earlier facts in place, so that the map below gives
        // the facts alone (a list of pairs was copied into a list of facts on one core).
        let taken = earlier.indices.map { n in
            earlier[n]?.naming == naming && (!digests || earlier[n]?.digest != nil)
        }
        var facts = Parallel.map(positions) { position -> ArticleFacts in
            let (article, earlier, scan) = (ordered[position], earlier[position], scanned[position])
            // Facts taken over keep their digest: their article, mentions, dates and quotes are the same.
            if var earlier, earlier.naming == naming {
                if digests, earlier.digest == nil { earlier.addDigest() }
                return earlier
            }
            if var earlier, let (oldNaming, changes) = changes, earlier.naming == oldNaming, !changes.touch(article) {
                earlier.naming = naming
                if digests { earlier.addDigest() }
                return earlier
            }
            let linked = linkArticle(article, finder: finder)
            var facts = ArticleFacts(article: article, candidates: scan.candidates, dates: scan.dates, naming: naming,
                                     mentions: linked.mentions[...], quotes: linked.quotes[...], unresolved: linked.unresolved[...])
            if digests { facts.addDigest() }
            return facts
        }
        // Only `facts` holds them now: `flatten` frees each article's arrays as it copies them.
        _ = consume earlier
        _ = consume scanned
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
        return Linked(graph: graph, facts: facts, naming: table, taken: taken)
    }

    /// The facts' mentions, quotes, unresolved names and dates in article order, each in one array
    /// of exactly their size, and each fact's parts made slices of them: the graph and the facts
    /// kept for the memo then share one copy, and each fact's own arrays are let go as soon as they
    /// are copied, so the peak is one copy, not two. The parts are reached in place (through the
    /// buffer), not through key paths, which copied the whole fact for each part read.
    static func flatten(_ facts: inout [ArticleFacts])
        -> (mentions: [Mention], quotes: [AttributedQuote], unresolved: [BriefingGraph.UnresolvedName], dates: [DateMention]) {
        facts.withUnsafeMutableBufferPointer { facts in
            (gather(facts.count, { facts[$0].mentions.count }, take: { swap(&facts[$0].mentions, &$1) },
                    giveBack: { facts[$0].mentions = $1 }),
             gather(facts.count, { facts[$0].quotes.count }, take: { swap(&facts[$0].quotes, &$1) },
                    giveBack: { facts[$0].quotes = $1 }),
             gather(facts.count, { facts[$0].unresolved.count }, take: { swap(&facts[$0].unresolved, &$1) },
                    giveBack: { facts[$0].unresolved = $1 }),
             gather(facts.count, { facts[$0].dates.count }, take: { swap(&facts[$0].dates, &$1) },
                    giveBack: { facts[$0].dates = $1 }))
        }
    }

    /// One part of every fact, end to end: each fact's run taken out of it (`take` swaps it with
    /// an empty one) and copied into its place on every core (the places are known first, from
    /// `size`), its own array let go as soon as it is copied; then each fact given back its run
    /// as a slice of the whole (`giveBack`). Half a million mentions at 10,000 articles: on one
    /// core, the longest serial step of linking in an incremental build but the actors' registry.
    private static func gather<Element>(_ count: Int, _ size: (Int) -> Int, take: (Int, inout ArraySlice<Element>) -> Void,
                                        giveBack: (Int, ArraySlice<Element>) -> Void) -> [Element] {
        var starts: [Int] = []
        starts.reserveCapacity(count + 1)
        var total = 0
        for index in 0..<count {
            starts.append(total)
            total += size(index)
        }
        starts.append(total)
        let all = [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            Parallel.forEachChunk(count) { range in
                for index in range {
                    var run: ArraySlice<Element> = []
                    take(index, &run)
                    run.withUnsafeBufferPointer { run in
                        guard let from = run.baseAddress, let to = buffer.baseAddress else { return }
                        (to + starts[index]).initialize(from: from, count: run.count)
                    }
                }
            }
            initialized = total
        }
        Parallel.forEachChunk(count) { range in
            for index in range { giveBack(index, all[starts[index]..<starts[index + 1]]) }
        }
        return all
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
    /// - Parameter words: the words of each block, in order, when already read (`Tokenizer.tokens`).
    static func dateMentions(in article: Article, words: [[Token]]? = nil) -> [DateMention] {
        var resolver = TemporalResolver(dct: article.published)
        return article.blocks.enumerated().flatMap { n, block in
            resolver.resolve(block.text, words: words?[n] ?? Tokenizer.tokens(in: block.text)).map { reference in
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
