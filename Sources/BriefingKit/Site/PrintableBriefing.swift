/// `Public/briefing.html`: the whole briefing on one page, to read offline or print: every article
/// in order with its annotations, then a glossary of actors and a timeline. Mentions link to the
/// glossary and dates to the timeline on the same page.
public struct PrintableContext: PageContext {
    public var site: SiteContext
    public var articles: [PrintArticle]
    public var glossary: [GlossaryEntry]
    public var timeline: [PrintDate]
    /// Set when the briefing has more articles than are printed: says how many and which.
    public var omitted: String?
}

public struct PrintArticle: Sendable, Codable {
    public var anchor: String
    public var title: String
    public var date: String
    public var outlet: String?
    public var author: String?
    public var originalURL: String?
    public var quoteSpeaker: String?
    public var blocks: [PrintBlock]
}

public struct PrintBlock: Sendable, Codable {
    public var anchor: String
    public var text: MarkdownFragment
    /// A heading before the block when its section starts: "Summary", "Details", …
    public var section: String?
    public var isQuote: Bool
}

public struct GlossaryEntry: Sendable, Codable {
    public var anchor: String
    public var name: String
    public var kind: String
    public var description: String?
    public var roles: String?
    public var counts: String
}

public struct PrintDate: Sendable, Codable {
    public var anchor: String
    public var label: String
    public var articles: String
    public var plan: Bool
}

enum PrintableBriefing {
    static let template = "briefing"

    /// The most recent articles printed in full. A briefing of thousands of articles would be a
    /// book nobody prints and a page no browser opens; the site holds them all.
    static let articleLimit = 150
    /// Article titles listed under a date of the printed timeline.
    static let titlesPerDate = 10

    static func page(_ index: GraphIndex) -> Page {
        let graph = index.graph
        let path = SitePath.printable
        var links: [String: [InlineLink]] = [:]
        let sectionNames: [TextBlock.Role: String] = [.summary: "Summary", .highlight: "Highlights", .details: "Details", .background: "Background"]
        let articles = Array(graph.articles.enumerated()).suffix(articleLimit).map { position, article -> PrintArticle in
            let prefix = "a\(position + 1)"
            var previous: TextBlock.Role?
            let blocks = article.blocks.map { block -> PrintBlock in
                defer { previous = block.role }
                return PrintBlock(anchor: "\(prefix)-\(block.anchor)", text: MarkdownFragment(block: block),
                                  section: block.role != previous ? sectionNames[block.role] : nil, isQuote: block.role == .quote)
            }
            let own = ArticlePages.inlineLinks(
                index.mentionsByArticle[article.id].filter { $0.block > 0 }, dates: Array(index.datesByArticle[article.id]),
                index: index, actorURL: { "#actor-\($0.id)" }, dateURL: { "#date-\($0)" }, anchor: { "\(prefix)-\(TextBlock.anchor($0))" })
            links.merge(own) { $1 }
            return PrintArticle(anchor: prefix, title: article.title, date: article.published.longForm, outlet: article.outlet?.name,
                                author: article.author, originalURL: article.url, quoteSpeaker: article.quote?.speaker, blocks: blocks)
        }
        let glossary = index.actorsWithPages.filter { index.mentionsByActor.contains($0.id) }.map { actor -> GlossaryEntry in
            var roles = actor.roles
            for sighting in actor.roleSightings where sighting.role != "author" && !roles.contains(sighting.role) { roles.append(sighting.role) }
            return GlossaryEntry(anchor: "actor-\(actor.id)", name: actor.name, kind: actor.kind.rawValue, description: actor.description,
                                 roles: roles.isEmpty ? nil : roles.joined(separator: "; "), counts: index.countPhrase(actor))
        }.sorted { $0.name < $1.name }
        // Each distinct title numbered once; a date's titles are then told apart by number, with
        // the number of the last date that listed each one, instead of hashing every title again.
        var titleNumbers: [String: Int] = [:]
        var titles: [String] = []
        let titleOf = graph.articles.map { article in
            if let known = titleNumbers[article.title] { return known }
            titleNumbers[article.title] = titles.count
            titles.append(article.title)
            return titles.count - 1
        }
        var listedFor = [Int](repeating: -1, count: titles.count)
        let timeline = index.dateValues.filter { index.datesByValue.contains($0) }.enumerated().map { number, value -> PrintDate in
            let places = index.datesByValue.places(value)
            var listed: [String] = []
            var count = 0
            var last: Int32 = -1
            // An article's mentions come together: its title is looked up once.
            for place in places where index.dateArticles[Int(place)] != last {
                last = index.dateArticles[Int(place)]
                guard Int(last) < titleOf.count else { continue }
                let title = titleOf[Int(last)]
                guard listedFor[title] != number else { continue }
                listedFor[title] = number
                count += 1
                if listed.count < titlesPerDate { listed.append(titles[title]) }
            }
            let more = count > titlesPerDate ? "; and \(count - titlesPerDate) more" : ""
            return PrintDate(anchor: "date-\(value)", label: TimexValue.label(value), articles: listed.joined(separator: "; ") + more,
                             plan: places.contains { graph.dates[Int($0)].isFuture })
        }
        let total = graph.articles.count
        let omitted = total > articleLimit
            ? "The briefing has \(total) articles; the \(articleLimit) most recent are printed here. All of them are on the site." : nil
        let context = PrintableContext(site: SitePlanner.site(graph, on: path), articles: articles, glossary: glossary,
                                       timeline: timeline, omitted: omitted)
        var page = Page(path: path, template: template, title: "The whole briefing",
                        description: "\(graph.settings.title): every article with its annotations, a glossary of actors and a timeline, on one page.",
                        context: context, meta: StructuredData.website(graph.settings, path: path))
        page.inlineLinks = links
        return page
    }
}
