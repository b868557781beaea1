import Foundation
import Testing
@testable import BriefingKit

/// Pages that gather the whole briefing stay bounded when it grows: a synthetic corpus of 400
/// articles (`briefing bench-corpus`), larger than every limit.
@Suite("Large briefings")
struct ScaleTests {
    static let plan: SitePlanner.Plan = {
        let directory = try! Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try! BenchCorpus.write(count: 400, to: directory)
        let options = SiteBuilder.Options(content: directory.appendingPathComponent("Content"), templates: Fixtures.templates,
                                          output: directory.appendingPathComponent("Public"))
        return SitePlanner.plan(SiteBuilder.load(options).graph)
    }()

    /// `bench-corpus` given a project's folder writes nothing: its settings, gazetteer and
    /// articles stay as they are.
    @Test func aCorpusIsNeverWrittenOverAProject() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: content.appendingPathComponent("briefing.yml"))
        #expect {
            try BenchCorpus.write(count: 3, to: directory)
        } throws: { error in
            (error as? BuildError)?.description == content.path + ": error: holds files already; a corpus is written into a new or empty directory [write]"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Content"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).isEmpty)
        #expect(try String(contentsOf: content.appendingPathComponent("briefing.yml"), encoding: .utf8) == "title: Mine\n")
        // Empty folders are written into.
        try FileManager.default.removeItem(at: content)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        #expect(try BenchCorpus.write(count: 3, to: directory) > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).count == 3)
    }

    func page(_ path: String) -> Page {
        Self.plan.page(at: Self.plan.paths.firstIndex(of: path)!)
    }

    /// The corpus names its articles as editors do, with ids too long for Swift to keep inside a
    /// string (more than 15 bytes), each once, and in the order they were written.
    @Test func theCorpusIdsAreOfARealLength() {
        let ids = Self.plan.index.graph.articles.map(\.id)
        #expect(ids.count == 400)
        #expect(Set(ids).count == 400)
        #expect(ids.allSatisfy { $0.utf8.count > 15 && $0.utf8.count <= 60 }, "\(ids.filter { $0.utf8.count <= 15 || $0.utf8.count > 60 })")
        #expect(ids.sorted().first?.hasPrefix("000000_") == true)
        #expect(ids.sorted().last?.hasPrefix("000399_") == true)
    }

    @Test func thePrintableBriefingPrintsTheMostRecentArticles() throws {
        let context = try #require(page(SitePath.printable).context as? PrintableContext)
        #expect(context.articles.count == PrintableBriefing.articleLimit)
        #expect(context.articles.first?.anchor == "a\(400 - PrintableBriefing.articleLimit + 1)")
        #expect(context.articles.last?.anchor == "a400")
        #expect(context.omitted == "The briefing has 400 articles; the 150 most recent are printed here. All of them are on the site.")
        // A date named by many articles lists ten titles and a count.
        #expect(context.timeline.contains { $0.articles.hasSuffix(" more") && $0.articles.split(separator: ";").count == 11 })
    }

    /// Pages are made largest first, so that no large page is left for last while the other
    /// cores wait: every page once, the printable briefing and the timeline first, articles last.
    @Test func pagesAreMadeLargestFirst() {
        let plan = Self.plan, order = plan.makingOrder, paths = plan.paths
        #expect(order.sorted() == Array(0..<plan.pageCount))
        #expect(order.prefix(2).map { paths[$0] } == [SitePath.printable, SitePath.timeline])
        let firstArticle = order.firstIndex { paths[$0].hasPrefix("articles/") }!
        #expect(order.count - firstArticle == 400)
        #expect(order[..<firstArticle].contains { paths[$0].hasPrefix("actors/") })
    }

    @Test func theTimelineShowsAFewSnippetsPerDate() throws {
        let context = try #require(page(SitePath.timeline).context as? TimelineContext)
        let dates = context.years.flatMap(\.months).flatMap(\.dates)
        #expect(dates.allSatisfy { $0.mentions.count <= DatePages.timelineSnippets })
        let busy = try #require(dates.first { $0.more != nil })
        let total = Int(busy.counts.split(separator: " ").first!)!
        #expect(busy.more == "and \(total - DatePages.timelineSnippets) more")
    }

    /// Paragraph links on a page, as (article page, paragraph number), from snippets and lists.
    func paragraphs(_ snippets: [SnippetContext], _ list: ParagraphList) -> Set<String> {
        Set(snippets.map(\.url) + list.articles.flatMap(\.paragraphs).map(\.url))
    }

    @Test func aFrequentActorShowsTheFirstMentionsInContextAndEveryParagraphByLink() throws {
        let index = Self.plan.index
        let key = try #require(index.mentionsByActor.keys.max { a, b in index.mentionsByActor.count(a) != index.mentionsByActor.count(b) ? index.mentionsByActor.count(a) < index.mentionsByActor.count(b) : a > b })
        let busiest = (key: key, value: index.mentionsByActor[key])
        #expect(busiest.value.count > 3 * ParagraphList.snippetLimit)
        let path = index.actorPath(busiest.key)
        let context = try #require(page(path).context as? ActorContext)
        let snippets = context.mentions.flatMap(\.snippets)
        #expect(snippets.count == ParagraphList.snippetLimit)
        #expect(context.mentionCount == busiest.value.count)
        // Every paragraph that names the actor is linked once from the page, and nothing else is.
        let expected = Set(busiest.value.map { SitePath.relative(from: path, to: index.articlePath($0.articleID), fragment: TextBlock.anchor($0.block)) })
        #expect(paragraphs(snippets, context.moreMentions) == expected)
        let articles = Set(busiest.value.dropFirst(ParagraphList.snippetLimit).map(\.articleID)).count
        #expect(context.moreMentions.summary == "\(busiest.value.count - ParagraphList.snippetLimit) more mentions in \(articles) articles, by paragraph:")
        // Its own timeline: the first dates with snippets, the rest counted once per date.
        #expect(context.dates.count == ParagraphList.snippetLimit)
        let counted = context.moreDates.dates.map { Int($0.count.split(separator: " ")[0])! }.reduce(0, +)
        #expect(counted > 0)
        #expect(context.moreDates.summary == "\(counted) more references to \(context.moreDates.dates.count) dates:")
        #expect(Set(context.moreDates.dates.map(\.url)).count == context.moreDates.dates.count)
    }

    /// The busiest speaker: the first quotes in full, every other quote's paragraph by link.
    @Test func aBusySpeakerShowsTheFirstQuotesAndListsTheRest() throws {
        let index = Self.plan.index
        let key = try #require(index.quotesByActor.keys.max { a, b in index.quotesByActor.count(a) != index.quotesByActor.count(b) ? index.quotesByActor.count(a) < index.quotesByActor.count(b) : a > b })
        let quotes = Array(index.quotesByActor[key])
        #expect(quotes.count > ParagraphList.snippetLimit)
        let page = page(index.actorPath(key))
        let context = try #require(page.context as? ActorContext)
        #expect(context.quotes.map(\.text) == quotes.prefix(ParagraphList.snippetLimit).map(\.text))
        let articles = Set(quotes.dropFirst(ParagraphList.snippetLimit).map(\.articleID)).count
        #expect(context.moreQuotes.summary == "\(quotes.count - ParagraphList.snippetLimit) more quotes in \(articles) articles, by paragraph:")
        let expected = Set(quotes.map { SitePath.relative(from: page.path, to: index.articlePath($0.articleID), fragment: TextBlock.anchor($0.block)) })
        #expect(Set(context.quotes.map(\.url) + context.moreQuotes.articles.flatMap(\.paragraphs).map(\.url)) == expected)
        let renderer = PageRenderer(templates: try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates"), settings: index.graph.settings)
        let html = try renderer.render(page)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == ParagraphList.snippetLimit)
        #expect(html.contains("<h3>More quotes</h3>\n<p>\(try #require(context.moreQuotes.summary))</p>"))
    }

    @Test func theDefaultTemplatesRenderTheListByParagraph() throws {
        let index = Self.plan.index
        let key = try #require(index.mentionsByActor.keys.max { index.mentionsByActor.count($0) < index.mentionsByActor.count($1) })
        let page = page(index.actorPath(key))
        let context = try #require(page.context as? ActorContext)
        let renderer = PageRenderer(templates: try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates"), settings: index.graph.settings)
        let html = try renderer.render(page)
        #expect(html.contains("<h3>More mentions</h3>"))
        #expect(html.contains(try #require(context.moreMentions.summary)))
        #expect(html.contains(try #require(context.moreDates.summary)))
        // Every listed paragraph is a link on the page, and its file is one the site has.
        let links = Set(HTMLScan.attributeValues(named: ["href"], in: html))
        let listed = context.moreMentions.articles.flatMap(\.paragraphs)
        #expect(!listed.isEmpty)
        #expect(listed.allSatisfy { links.contains($0.url) })
        let scanned = LinkChecker.scan(html, on: page.path, files: Set(Self.plan.paths))
        // (Assets and data files are not pages; every link to a page must find it.)
        let broken = scanned.links.filter { $0.problem != nil && $0.target.hasSuffix(".html") }
        #expect(broken.isEmpty, "\(broken.prefix(3))")
        #expect(scanned.targets.contains { $0.hasPrefix("articles/") })
    }

    /// Named in more than `list_limit` of the 400 articles, the busiest date lists its mentions on
    /// month pages, which hold every paragraph between them.
    @Test func aBusyDatePageListsEveryParagraphOnItsMonthPages() throws {
        let index = Self.plan.index
        let key = try #require(index.datesByValue.keys.max { a, b in index.datesByValue.count(a) != index.datesByValue.count(b) ? index.datesByValue.count(a) < index.datesByValue.count(b) : a > b })
        let busiest = (key: key, value: index.datesByValue[key])
        #expect(busiest.value.count > ParagraphList.snippetLimit)
        let path = index.datePath(busiest.key)
        let context = try #require(page(path).context as? DateContext)
        #expect(context.mentions.count == ParagraphList.snippetLimit)
        #expect(context.mentionCount == busiest.value.count)
        let expected = Set(busiest.value.map { index.articlePath($0.articleID) + "#" + TextBlock.anchor($0.block) })
        #expect(Set(busiest.value.map(\.articleID)).count > index.graph.settings.listLimit)
        #expect(context.moreMentions.articles.isEmpty)
        let months = context.moreMentions.months
        #expect(months.count >= 10)
        // Each month page's paragraphs, as site paths (their links start with "../../").
        var listed: [String] = []
        for month in months {
            let monthPath = "dates/" + month.url
            let monthContext = try #require(page(monthPath).context as? MonthMentionsContext)
            #expect(monthContext.month == month.label)
            listed += monthContext.paragraphs.articles.flatMap(\.paragraphs).map { String($0.url.dropFirst("../../".count)) }
        }
        #expect(listed.count == expected.count)
        #expect(Set(listed) == expected)
        #expect(Set(context.mentions.map { String($0.snippet.url.dropFirst("../".count)) }).isSubset(of: expected))
    }

    /// 400 articles, more than `list_limit`: the front page shows the newest 50 and links to the
    /// month pages, which hold the other 350.
    @Test func theFrontPageShowsTheNewestArticlesAndLinksToEveryMonth() throws {
        let graph = Self.plan.index.graph
        let front = try #require(page(SitePath.index).context as? IndexContext)
        #expect(front.articleCount == 400)
        #expect(front.articles.map(\.url) == graph.articles.suffix(ArticleArchive.frontPageLimit).reversed().map { Self.plan.index.articlePath($0.id) })
        var total = 0
        for month in front.months {
            let context = try #require(page(month.url).context as? ArticleMonthContext)
            #expect(month.counts == Count.phrase(context.articles.count, "article"))
            total += context.articles.count
        }
        #expect(total == 400)
        #expect(front.months.count >= 2)
    }

    /// A role seen in many articles lists the first five and counts the rest.
    @Test func aRoleListsTheFirstArticlesItWasSeenIn() throws {
        let index = Self.plan.index
        func articles(_ actor: Actor, _ role: String) -> [String] {
            var ids: [String] = []
            for sighting in actor.roleSightings where sighting.role != "author" && sighting.role.lowercased() == role.lowercased() && !ids.contains(sighting.articleID) {
                ids.append(sighting.articleID)
            }
            return ids
        }
        let actor = try #require(index.actorsWithPages.max { Set($0.roleSightings.map(\.articleID)).count < Set($1.roleSightings.map(\.articleID)).count })
        let path = index.actorPath(actor.id)
        let context = try #require(page(path).context as? ActorContext)
        var counted = 0
        for role in context.roles where !role.fromGazetteer {
            let seen = articles(actor, role.role)
            #expect(role.seen.map(\.url) == seen.prefix(RoleContext.seenLimit).map { SitePath.relative(from: path, to: index.articlePath($0)) })
            #expect(role.seenMore == (seen.count > RoleContext.seenLimit ? "and \(Count.phrase(seen.count - RoleContext.seenLimit, "more article"))" : nil))
            if role.seenMore != nil { counted += 1 }
        }
        #expect(counted > 0)
    }

    @Test func aSmallActorPageHasNoListByParagraph() throws {
        // The sample site: Peskov is named a few times in two articles.
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: Fixtures.templates,
                                          output: Fixtures.site.appendingPathComponent("Public"))
        let plan = SitePlanner.plan(SiteBuilder.load(options).graph)
        let path = "actors/dmitry-peskov.html"
        let number = try #require(plan.paths.firstIndex(of: path))
        let context = try #require(plan.page(at: number).context as? ActorContext)
        #expect(context.mentionCount > 1 && context.mentionCount < ParagraphList.snippetLimit)
        #expect(context.mentions.flatMap(\.snippets).count == context.mentionCount)
        #expect(context.moreMentions.articles.isEmpty && context.moreMentions.summary == nil)
        #expect(context.moreDates.dates.isEmpty && context.moreDates.summary == nil)
    }

    @Test func relatedArticlesLookAtTheNearestArticlesOfAFrequentActor() throws {
        let index = Self.plan.index
        let actor = try #require(index.articlesByActor.max { $0.value.count < $1.value.count }?.key)
        let frequent = try #require(index.positionsByActor[actor])
        #expect(frequent.count > 40)
        #expect(frequent.map { index.graph.articles[Int($0)].id } == index.articlesByActor[actor])
        let middle = frequent.count / 2
        let window = index.relatedScorer.nearest(frequent, to: Int(frequent[middle]), limit: 20)
        #expect(Array(window) == Array(frequent[(middle - 10)..<(middle + 10)]))
        #expect(Array(index.relatedScorer.nearest(frequent, to: 0, limit: 20)) == Array(frequent.prefix(20)))
        #expect(Array(index.relatedScorer.nearest(frequent, to: Int.max, limit: 20)) == Array(frequent.suffix(20)))
        #expect(index.relatedScorer.nearest(Array(frequent.prefix(15)), to: 0, limit: 20).count == 15)
    }

    /// `related(to:)` adds up scores in tables it lends and takes back: on every core at once, and
    /// again with the tables used, it ranks as a plain count of every shared actor does.
    @Test func relatedArticlesAreTheBestByAPlainCount() {
        let index = Self.plan.index
        let articles = index.graph.articles
        func reference(_ article: Article) -> [(position: Int, score: Double)] {
            let here = index.position[article.id]!
            var scores: [Int: Double] = [:]
            for actor in index.actorsByArticle[article.id] ?? [] {
                let all = index.positionsByActor[actor]!
                let weight = log(1 + Double(articles.count) / Double(all.count))
                for other in index.relatedScorer.nearest(all, to: here) where Int(other) != here { scores[Int(other), default: 0] += weight }
            }
            return scores.map { (position: $0.key, score: $0.value) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.position > $1.position }.prefix(5).map { $0 }
        }
        let expected = articles.map { reference($0).map { "\($0.position) \($0.score)" } }
        for _ in 0..<2 {
            let found = Parallel.map(articles) { article in
                index.related(to: article).map { "\(index.position[$0.article.id]!) \($0.score)" }
            }
            #expect(found == expected)
        }
        #expect(expected.filter { $0.count == 5 }.count > 300)
    }

    /// The actors of many articles, as the page digests write them, gathered by place in
    /// `actorOrder` from the articles' positions: the same bytes as a set of their ids in byte
    /// order, for every actor's articles, for none, and for a position after the articles.
    @Test func theActorsOfManyArticlesAreWrittenInIdOrder() {
        let index = Self.plan.index
        func reference(_ articleIDs: [String]) -> [UInt8] {
            var writer = BinaryWriter()
            let ids = Set(articleIDs.flatMap { index.actorsByArticle[$0] ?? [] }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            writer.int(ids.count)
            for id in ids {
                // What a link to the actor shows, as the digest of its parts.
                let actor = index.actorsByID[id]!
                var link = BinaryWriter()
                link.string(id)
                link.bool(true)
                link.string(actor.name); link.raw(actor.kind); link.string(index.actorPath(id))
                writer.words(StableHasher.words(link.bytes))
            }
            return writer.bytes
        }
        let digests = ArticleDigests(index)
        var lists = index.articlesByActor.keys.sorted().map { index.articlesByActor[$0]! }
        lists += [[], ["no such article"], index.graph.articles.map(\.id)]
        for articleIDs in lists {
            let positions = articleIDs.map { index.position[$0].map(Int32.init) ?? Int32(index.graph.articles.count) }
            var writer = BinaryWriter()
            digests.actorLinks(of: positions, index, into: &writer)
            #expect(StableHasher.digest(writer.bytes) == StableHasher.digest(reference(articleIDs)), "\(articleIDs.prefix(3))")
        }
        #expect(index.actorOrder.count > 40)
    }

    /// The index's actors by article and articles by actor, read straight from the graph's
    /// mentions: each article's actors in the order of their first mention, the actors with a
    /// mention in byte order (`actorOrder`) and their places, and each actor's articles and their
    /// positions in article order; on the bench corpus and on a graph whose mentions name an
    /// article it does not hold (whose actors have a place but no articles).
    @Test func actorsByArticleAndArticlesByActorFollowTheMentions() {
        let stray = Mention(actorID: "zz-only-elsewhere", articleID: "no-such-article", block: 1, offset: 0, text: "Elsewhere")
        let bench = Self.plan.index.graph
        var withStray = bench
        withStray.mentions.append(stray)
        for graph in [bench, withStray] {
            let index = GraphIndex(graph)
            var byArticle: [String: [String]] = [:]
            for mention in graph.mentions where !(byArticle[mention.articleID] ?? []).contains(mention.actorID) {
                byArticle[mention.articleID, default: []].append(mention.actorID)
            }
            #expect(index.actorsByArticle == byArticle)
            let order = Set(graph.mentions.map(\.actorID)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(index.actorOrder == order)
            var articles: [String: [String]] = [:], positions: [String: [Int32]] = [:]
            for (n, article) in graph.articles.enumerated() {
                for actor in byArticle[article.id] ?? [] {
                    articles[actor, default: []].append(article.id)
                    positions[actor, default: []].append(Int32(n))
                }
            }
            #expect(index.articlesByActor == articles)
            #expect(index.positionsByActor == positions)
            #expect(index.actorPlacesByPosition == graph.articles.map { (byArticle[$0.id] ?? []).map { Int32(order.firstIndex(of: $0)!) } })
            #expect(articles.count > 40 && articles["zz-only-elsewhere"] == nil)
        }
        #expect(GraphIndex(withStray).actorOrder.contains("zz-only-elsewhere"))
    }

    /// An article's digest by position is the one by id, as two numbers (of which the text is
    /// the hexadecimal form), each article's its own, and what a link to it shows is the digest
    /// of its title, page and date.
    @Test func articleDigestsByPositionAreThoseById() {
        let index = Self.plan.index
        let digests = ArticleDigests(index)
        func hex(_ words: (UInt64, UInt64)) -> String {
            [words.0, words.1].map { String(repeating: "0", count: 16 - String($0, radix: 16).count) + String($0, radix: 16) }.joined()
        }
        for (position, article) in index.graph.articles.enumerated() {
            #expect(digests.words(at: Int32(position)) == digests.words(of: article.id))
            #expect(hex(digests.words(at: Int32(position))) == digests[article.id])
            var link = BinaryWriter()
            link.string(article.title); link.string(index.articlePath(article.id)); link.value(article.published)
            #expect(digests.articleLink(at: position) == StableHasher.words(link.bytes))
        }
        #expect(Set(index.graph.articles.indices.map { hex(digests.words(at: Int32($0))) }).count == index.graph.articles.count)
        // A place after the articles (a date mention of an article the graph does not hold): the fixed mark.
        #expect(digests.words(at: Int32(index.graph.articles.count)) == (0, 0))
        #expect(digests.words(of: "not-an-article") == (0, 0))
        #expect(digests["not-an-article"] == "-")
    }

    /// A date's count of articles, and the titles the printable timeline lists under it, are the
    /// distinct ones among all its mentions.
    @Test func dateCountsAreOfDistinctArticles() throws {
        let index = Self.plan.index
        let context = try #require(page(SitePath.printable).context as? PrintableContext)
        let printed = Dictionary(uniqueKeysWithValues: context.timeline.map { ($0.anchor, $0.articles) })
        var withMore = 0
        for value in index.dateValues where index.datesByValue.contains(value) {
            let mentions = index.datesByValue[value]
            #expect(index.dateArticleCounts[value] == Set(mentions.map(\.articleID)).count)
            var titles: [String] = []
            for mention in mentions where !titles.contains(index.articlesByID[mention.articleID]!.title) {
                titles.append(index.articlesByID[mention.articleID]!.title)
            }
            let more = titles.count > 10 ? "; and \(titles.count - 10) more" : ""
            #expect(printed["date-\(value)"] == titles.prefix(10).joined(separator: "; ") + more, "\(value)")
            if !more.isEmpty { withMore += 1 }
        }
        #expect(withMore > 10)
    }

    /// The count does not lean on an article's date mentions coming together, nor on their
    /// article being in the graph: a graph made otherwise than by the linker counts the same.
    @Test func dateCountsHoldForMentionsOutOfOrder() {
        var graph = Self.plan.index.graph
        var stray = graph.dates[0]
        stray.articleID = "not-an-article"
        graph.dates = [stray] + graph.dates.reversed() + [graph.dates[0], stray]
        let index = GraphIndex(graph)
        var expected: [String: Set<String>] = [:]
        for mention in graph.dates {
            for point in mention.reference.points where TimexValue.start(point) != nil { expected[point, default: []].insert(mention.articleID) }
        }
        #expect(expected.count > 100)
        #expect(index.dateArticleCounts == expected.mapValues(\.count))
    }
}
