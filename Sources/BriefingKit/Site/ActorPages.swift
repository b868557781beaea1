/// Actor pages and the actors index.
enum ActorPages {
    /// The template of these pages.
    static let template = "actor"
    static let indexTemplate = "actors"

    /// The page of an actor; for `names` other than `.all`, with its context's parts under those
    /// names alone, the rest empty (`ContextNames`): after an edit to a part of `actor.md`, a
    /// heading over the roles needs neither the snippets nor the dates nor the figures.
    static func page(_ index: GraphIndex, actor: Actor, needing names: ContextNames = .all) -> Page {
        let path = index.actorPath(actor.id)
        var parts = ContextParts(names)
        let mentions = index.mentionsByActor[actor.id]
        // The runs of the actor's mentions by article, read once for the mentions by article, the
        // month pages and the chart.
        let articleRuns = index.mentionsByActor.runs(actor.id) { $0.articleID }
        let byArticle = mentionsByArticle(mentions, runs: articleRuns.runs, index)
        let articleIDs = byArticle.map(\.id)

        // Snippets for the first mentions, up to the limit; the rest by article and paragraph.
        var grouped: [ArticleMentions] = []
        var rest: [(articleID: String, block: Int)] = []
        var budget = ParagraphList.snippetLimit
        let wantsSnippets = parts.make("mentions"), wantsMore = parts.make("moreMentions")
        for (id, inArticle) in byArticle where wantsSnippets || wantsMore {
            let shown = min(budget, inArticle.count)
            budget -= shown
            rest += inArticle.dropFirst(shown).map { (id, mentions[$0].block) }
            guard shown > 0, wantsSnippets else { continue }
            let article = index.articlesByID[id]!
            let snippets = inArticle.prefix(shown).map { mentions[$0] }.map { mention in
                SnippetContext(text: index.blockText(id, mention.block), offset: mention.offset, length: mention.text.utf8.count,
                               url: SitePath.relative(from: path, to: index.articlePath(id), fragment: TextBlock.anchor(mention.block)),
                               paragraph: mention.block)
            }
            grouped.append(ArticleMentions(article: SitePlanner.datedLink(article, from: path, index: index), snippets: snippets))
        }

        // Each role with the first articles it was seen in, and how many more.
        // A role is one whatever its case: the first spelling is kept.
        var roles: [RoleContext] = actor.roles.map { RoleContext(role: $0, seen: [], fromGazetteer: true) }
        var roleNumbers: [String: Int] = [:]
        for (number, role) in roles.enumerated() where roleNumbers[role.role.lowercased()] == nil {
            roleNumbers[role.role.lowercased()] = number
        }
        var seenIn: [Set<String>] = roles.map { _ in [] }
        let wantsRoles = parts.make("roles")
        for sighting in actor.roleSightings where sighting.role != "author" && wantsRoles {
            // An article is copied only for the few links shown: an actor is seen in a role in
            // thousands of articles.
            guard let position = index.position[sighting.articleID] else { continue }
            let key = sighting.role.lowercased()
            let role = roleNumbers[key] ?? {
                roles.append(RoleContext(role: sighting.role, seen: [], fromGazetteer: false))
                seenIn.append([])
                roleNumbers[key] = roles.count - 1
                return roles.count - 1
            }()
            guard seenIn[role].insert(sighting.articleID).inserted, roles[role].seen.count < RoleContext.seenLimit else { continue }
            roles[role].seen.append(SitePlanner.datedLink(index.graph.articles[position], from: path, index: index))
        }
        for (role, articles) in seenIn.enumerated() where articles.count > RoleContext.seenLimit {
            roles[role].seenMore = "and \(Count.phrase(articles.count - RoleContext.seenLimit, "more article"))"
        }

        var aliasCounts: [String: Int] = [:]
        if parts.make("aliases") { for mention in mentions { aliasCounts[mention.text, default: 0] += 1 } }
        let aliases = aliasCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)

        // Each part asked of `parts`, so that each left out is noted (`||` would skip the second).
        let (quotesShown, quotesMore) = (parts.make("quotes"), parts.make("moreQuotes"))
        let wantsQuotes = quotesShown || quotesMore
        let monthPages = wantsMore || wantsQuotes
            ? MentionArchive.months(of: .actor(actor.id), articleRuns: articleRuns.runs, count: articleRuns.count, index) : []
        let quotes = wantsQuotes ? QuoteList.split(index, actorID: actor.id, months: monthPages, from: path) : QuoteList.Split(shown: [], more: .empty)

        var shared: [String: Int] = [:]
        let (wantsAppearsWith, wantsNetwork) = (parts.make("appearsWith"), parts.make("network"))
        let wantsCoActors = wantsAppearsWith || wantsNetwork
        for id in articleIDs where wantsCoActors {
            for other in index.actorsByArticle[id] ?? [] where other != actor.id { shared[other, default: 0] += 1 }
        }
        let coActors: [(actor: Actor, shared: Int)] = shared.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.bytesPrecede(b.key)
        }.prefix(12).compactMap { item in index.actorsByID[item.key].map { ($0, item.value) } }
        let appearsWith = coActors.map { other, count in
            CoActor(name: other.name, url: SitePath.relative(from: path, to: index.actorPath(other.id)),
                    sharedArticles: count, shared: Count.phrase(count, "shared article"))
        }

        let first = mentions.first.flatMap { m in index.articlesByID[m.articleID].map { SitePlanner.datedLink($0, from: path, index: index, anchor: TextBlock.anchor(m.block)) } }
        let last = mentions.last.flatMap { m in index.articlesByID[m.articleID].map { SitePlanner.datedLink($0, from: path, index: index, anchor: TextBlock.anchor(m.block)) } }
        let neighbours = coActors.map(\.actor)
        var figures: [String: String] = [:]
        if !neighbours.isEmpty {
            // Sized by what the page is about, its articles and the ones each shares with it: the
            // page then changes only when one of those articles does, not with every article of
            // a co-actor.
            let center = Charts.Node(label: actor.name, url: SitePath.relative(from: path, to: index.actorPath(actor.id)), kind: actor.kind,
                                     weight: articleIDs.count, detail: Count.phrase(articleIDs.count, "article"))
            let nodes = [center] + coActors.map { other, count in
                Charts.Node(label: other.name, url: SitePath.relative(from: path, to: index.actorPath(other.id)), kind: other.kind,
                            weight: count, detail: Count.phrase(count, "shared article"))
            }
            let edges = coActors.enumerated().map { (0, $0.offset + 1, $0.element.shared) }
            figures["network"] = Charts.network(id: "network", nodes: nodes, edges: edges, center: 0,
                                                title: "Actors who appear with \(actor.name)",
                                                caption: "\(actor.name) and the \(Count.phrase(neighbours.count, "actor")) named in the same articles, larger and joined by a thicker line for more shared articles.")
        }
        // An article's mentions come together: its month is looked up once a run of them.
        var perMonth: [String: Int] = [:]
        let wantsChart = parts.make("chart")
        for (n, run) in articleRuns.runs.enumerated() where wantsChart {
            let end = n + 1 < articleRuns.runs.count ? articleRuns.runs[n + 1].start : articleRuns.count
            perMonth[index.publicationMonth(of: run.value)!, default: 0] += end - run.start
        }
        let months = Charts.months(perMonth)
        if !months.isEmpty {
            figures["chart"] = Charts.bars(id: "chart", bars: months.map { ($0.label, $0.value, nil) },
                                           title: "Mentions of \(actor.name) per month",
                                           caption: "Mentions of \(actor.name) per month of publication, \(months.first!.label) to \(months.last!.label).", unit: "mention")
        }
        let (wantsDates, wantsMoreDates) = (parts.make("dates"), parts.make("moreDates"))
        let timeline = wantsDates || wantsMoreDates
            ? DatePages.actorDates(actor, from: path, index: index) : (dates: [], more: DateCounts.empty)
        let context = ActorContext(
            site: SitePlanner.site(index.graph, on: path), id: actor.id, name: actor.name, kind: actor.kind.rawValue,
            origin: actor.origin.rawValue, description: actor.description, link: actor.link, roles: roles, aliases: aliases,
            articleCount: articleIDs.count, mentionCount: mentions.count, counts: index.countPhrase(actor),
            mentions: grouped, moreMentions: wantsMore ? .after(rest, months: monthPages, from: path, index: index) : .empty,
            quotes: quotes.shown, moreQuotes: quotes.more, appearsWith: Array(appearsWith),
            authored: !parts.make("authored") ? [] : index.authored(by: actor).map { SitePlanner.datedLink($0, from: path, index: index) },
            published: !parts.make("published") ? [] : index.published(by: actor).map { SitePlanner.datedLink($0, from: path, index: index) },
            network: figures["network"] == nil ? nil : Figure(id: "network"), chart: figures["chart"] == nil ? nil : Figure(id: "chart"),
            dates: timeline.dates, moreDates: timeline.more, firstMention: first, lastMention: articleIDs.count > 1 || mentions.count > 1 ? last : nil,
            actorsIndex: SitePath.relative(from: path, to: SitePath.actors),
            notes: !parts.make("notes") ? [] : (index.notesByActor[actor.id] ?? []).map { NotePages.context($0, from: path, index: index) })
        let kind = actor.kind.rawValue
        let description = actor.description ?? "\(actor.name) (\(kind)): \(index.countPhrase(actor))."
        // A page for a part of the template: its layout is not rendered (the content goes into the last build's frame).
        var page = Page(path: path, template: template, title: actor.name, description: description, context: context,
                        meta: names.isAll ? StructuredData.actor(actor, path: path, settings: index.graph.settings) : PageMeta())
        page.omitted = parts.omitted
        page.figures = figures
        return page
    }

    /// The places among `mentions` of each article's mentions, the articles in article order,
    /// from the runs of the mentions by article (`Grouped.runs`). The linker gives an article's
    /// mentions together and the articles in order, so each run is an article and they come in
    /// order; mentions that do not (a graph made otherwise) are grouped by article id and sorted.
    static func mentionsByArticle(_ mentions: Grouped<String, Mention>.Group, runs: [(value: String, start: Int)],
                                  _ index: GraphIndex) -> [(id: String, places: [Int])] {
        var last = -1
        let inOrder = runs.allSatisfy { run in
            guard let position = index.position[run.value], position > last else { return false }
            last = position
            return true
        }
        if inOrder {
            return runs.indices.map { n in (runs[n].value, Array(runs[n].start..<(n + 1 < runs.count ? runs[n + 1].start : mentions.count))) }
        }
        let byArticle = Dictionary(grouping: mentions.indices, by: { mentions[$0].articleID })
        return byArticle.keys.sorted { index.position[$0]! < index.position[$1]! }.map { ($0, byArticle[$0]!) }
    }

    static func indexPage(_ index: GraphIndex) -> Page {
        let path = SitePath.actors
        let actors = index.actorsWithPages
        let groups = ActorKind.allCases.compactMap { kind -> ActorGroup? in
            let members = actors.filter { $0.kind == kind }.map { actor -> ActorLinkWithArticles in
                // The articles with a mention of the actor are `articlesByActor`'s, each once.
                ActorLinkWithArticles(name: actor.name, url: SitePath.relative(from: path, to: index.actorPath(actor.id)),
                                      articles: index.articlesByActor[actor.id]?.count ?? 0, mentions: index.mentionsByActor.count(actor.id),
                                      counts: index.countPhrase(actor), discovered: actor.origin == .discovered)
            }.sorted { a, b in a.mentions != b.mentions ? a.mentions > b.mentions : a.name < b.name }
            return members.isEmpty ? nil : ActorGroup(title: kind.plural, actors: members)
        }
        let network = indexNetwork(index, from: path)
        let context = ActorsIndexContext(site: SitePlanner.site(index.graph, on: path), network: network == nil ? nil : Figure(id: "network"),
                                         groups: groups, actorCount: actors.count)
        var page = Page(path: path, template: indexTemplate, title: "Actors",
                        description: "Every person, organisation, outlet and place named in \(index.graph.settings.title).", context: context,
                        meta: StructuredData.website(index.graph.settings, path: path))
        page.figures = network.map { ["network": $0] } ?? [:]
        return page
    }

    static let networkSize = 40

    /// The most-mentioned actors, linked wherever two appear in the same article.
    static func indexNetwork(_ index: GraphIndex, from path: String) -> String? {
        let ranked = index.actorsWithPages.filter { index.mentionsByActor.contains($0.id) }.sorted { a, b in
            let ma = index.mentionsByActor.count(a.id), mb = index.mentionsByActor.count(b.id)
            return ma != mb ? ma > mb : a.id.bytesPrecede(b.id)
        }
        let top = Array(ranked.prefix(networkSize)).sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
        guard top.count >= 2 else { return nil }
        let position = Dictionary(uniqueKeysWithValues: top.enumerated().map { ($1.id, $0) })
        var shared: [Int: [Int: Int]] = [:]
        for article in index.graph.articles {
            let present = (index.actorsByArticle[article.id] ?? []).compactMap { position[$0] }.sorted()
            for (k, a) in present.enumerated() {
                for b in present[(k + 1)...] { shared[a, default: [:]][b, default: 0] += 1 }
            }
        }
        let edges = shared.keys.sorted().flatMap { a in shared[a]!.keys.sorted().map { b in (a, b, shared[a]![b]!) } }
        let nodes = top.map { Charts.Node(label: $0.name, url: SitePath.relative(from: path, to: index.actorPath($0.id)),
                                          kind: $0.kind, weight: index.mentionsByActor.count($0.id),
                                          detail: Count.phrase(index.mentionsByActor.count($0.id), "mention")) }
        let shown = ranked.count > top.count ? "the \(top.count) most-mentioned of \(ranked.count) actors" : "all \(top.count) actors"
        return Charts.network(id: "network", nodes: nodes, edges: edges, title: "Who appears with whom",
                              caption: "Network of \(shown), sized by mentions, with a line wherever two appear in the same article. Every actor is listed below.")
    }
}
