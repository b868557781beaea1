/// Actor pages and the actors index.
enum ActorPages {
    static func page(_ index: GraphIndex, actor: Actor) -> Page {
        let path = index.actorPath(actor.id)
        let mentions = index.mentionsByActor[actor.id] ?? []
        let byArticle = Dictionary(grouping: mentions, by: \.articleID)
        let articleIDs = byArticle.keys.sorted { index.position[$0]! < index.position[$1]! }

        let grouped: [ArticleMentions] = articleIDs.map { id in
            let article = index.articlesByID[id]!
            let snippets = byArticle[id]!.map { mention in
                SnippetContext(text: index.blockText(id, mention.block), offset: mention.offset, length: mention.text.utf8.count,
                               url: SitePath.relative(from: path, to: index.articlePath(id), fragment: TextBlock.anchor(mention.block)),
                               paragraph: mention.block)
            }
            return ArticleMentions(article: SitePlanner.datedLink(article, from: path, index: index), snippets: snippets)
        }

        var roles: [RoleContext] = actor.roles.map { RoleContext(role: $0, seen: [], fromGazetteer: true) }
        for sighting in actor.roleSightings where sighting.role != "author" {
            guard let article = index.articlesByID[sighting.articleID] else { continue }
            let link = SitePlanner.datedLink(article, from: path, index: index)
            if let existing = roles.firstIndex(where: { $0.role.lowercased() == sighting.role.lowercased() }) {
                if !roles[existing].seen.contains(where: { $0.url == link.url }) { roles[existing].seen.append(link) }
            } else {
                roles.append(RoleContext(role: sighting.role, seen: [link], fromGazetteer: false))
            }
        }

        var aliasCounts: [String: Int] = [:]
        for mention in mentions { aliasCounts[mention.text, default: 0] += 1 }
        let aliases = aliasCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)

        let quotes = (index.quotesByActor[actor.id] ?? []).compactMap { quote -> QuoteItem? in
            guard let article = index.articlesByID[quote.articleID] else { return nil }
            return QuoteItem(text: quote.text, article: SitePlanner.datedLink(article, from: path, index: index),
                             url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: TextBlock.anchor(quote.block)))
        }

        var shared: [String: Int] = [:]
        for id in articleIDs {
            for other in index.actorsByArticle[id] ?? [] where other != actor.id { shared[other, default: 0] += 1 }
        }
        let appearsWith = shared.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }.prefix(12).compactMap { item -> CoActor? in
            guard let other = index.actorsByID[item.key] else { return nil }
            return CoActor(name: other.name, url: SitePath.relative(from: path, to: index.actorPath(other.id)),
                           sharedArticles: item.value, shared: Count.phrase(item.value, "shared article"))
        }

        let first = mentions.first.flatMap { m in index.articlesByID[m.articleID].map { SitePlanner.datedLink($0, from: path, index: index, anchor: TextBlock.anchor(m.block)) } }
        let last = mentions.last.flatMap { m in index.articlesByID[m.articleID].map { SitePlanner.datedLink($0, from: path, index: index, anchor: TextBlock.anchor(m.block)) } }
        let context = ActorContext(
            site: SitePlanner.site(index.graph, on: path), id: actor.id, name: actor.name, kind: actor.kind.rawValue,
            origin: actor.origin.rawValue, description: actor.description, link: actor.link, roles: roles, aliases: aliases,
            articleCount: articleIDs.count, mentionCount: mentions.count, counts: index.countPhrase(actor),
            mentions: grouped, quotes: quotes, appearsWith: Array(appearsWith),
            authored: index.authored(by: actor).map { SitePlanner.datedLink($0, from: path, index: index) },
            published: index.published(by: actor).map { SitePlanner.datedLink($0, from: path, index: index) },
            dates: DatePages.actorDates(actor, from: path, index: index), firstMention: first, lastMention: articleIDs.count > 1 || mentions.count > 1 ? last : nil,
            actorsIndex: SitePath.relative(from: path, to: SitePath.actors))
        let kind = actor.kind.rawValue
        let description = actor.description ?? "\(actor.name) (\(kind)): \(index.countPhrase(actor))."
        return Page(path: path, template: "actor", title: actor.name, description: description, context: context,
                    meta: StructuredData.actor(actor, path: path, settings: index.graph.settings))
    }

    static func indexPage(_ index: GraphIndex) -> Page {
        let path = SitePath.actors
        let actors = index.actorsWithPages
        let groups = ActorKind.allCases.compactMap { kind -> ActorGroup? in
            let members = actors.filter { $0.kind == kind }.map { actor -> ActorLinkWithArticles in
                let mentions = index.mentionsByActor[actor.id] ?? []
                return ActorLinkWithArticles(name: actor.name, url: SitePath.relative(from: path, to: index.actorPath(actor.id)),
                                             articles: Set(mentions.map(\.articleID)).count, mentions: mentions.count,
                                             counts: index.countPhrase(actor), discovered: actor.origin == .discovered)
            }.sorted { a, b in a.mentions != b.mentions ? a.mentions > b.mentions : a.name < b.name }
            return members.isEmpty ? nil : ActorGroup(title: kind.plural, actors: members)
        }
        let context = ActorsIndexContext(site: SitePlanner.site(index.graph, on: path), groups: groups, actorCount: actors.count)
        return Page(path: path, template: "actors", title: "Actors",
                    description: "Every person, organisation, outlet and place named in \(index.graph.settings.title).", context: context,
                    meta: StructuredData.website(index.graph.settings, path: path))
    }
}
