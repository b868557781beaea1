/// Everything an actor's page is made from, as a digest that is cheap to work out (see
/// `ArticlePageInputs`): the actor and its counts; the digest of every article that names it,
/// quotes it, shows a role of it, or that it wrote or published; and how a link shows each actor
/// of those articles (the co-actors, the network, the actors in date snippets). It must cover
/// everything `ActorPages.page` reads. A page with notes is always made. `IncrementalBuildTests`
/// checks that an unchanged digest never hides a changed page.
enum ActorPageInputs {
    static let version = "actor-page-inputs 7"

    /// False when the page has no such digest and must be made.
    static func combine(_ index: GraphIndex, _ digests: ArticleDigests, actor: Actor, into hasher: inout StableHasher) -> Bool {
        guard (index.notesByActor[actor.id] ?? []).isEmpty else { return false }
        var writer = BinaryWriter()
        writer.string(version)
        writer.string(index.actorPath(actor.id))
        writer.words(digests.whole(actor))
        writer.string(index.countPhrase(actor))
        writer.int(index.mentionsByActor.count(actor.id))
        // Its articles by position (`positionsByActor`): an actor of thousands of articles looks
        // each one's digest up without hashing its id, and writes it as two numbers.
        let positions = index.positionsByActor[actor.id] ?? []
        writer.int(positions.count)
        for position in positions { writer.words(digests.words(at: position)) }
        // Each quote by its paragraph and its article's digest, which covers the article's quotes
        // and their speakers: writing out the quotes' text again was a third of this.
        let quotes = index.quotesByActor.places(actor.id)
        writer.int(quotes.count)
        for place in quotes {
            writer.int(index.graph.quotes[Int(place)].block); writer.words(digests.words(at: index.quoteArticles[Int(place)]))
        }
        for articles in [index.authored(by: actor), index.published(by: actor)] {
            writer.int(articles.count)
            for article in articles.indices { writer.words(digests.words(of: articles[article].id)) }
        }
        digests.actorLinks(of: positions, index, into: &writer)
        hasher.combine(writer.bytes)
        return true
    }

    /// The actor whole: every field, each role sighting's article by its digest. Digested once a
    /// build for each actor with a page (`ArticleDigests.whole`).
    static func write(_ actor: Actor, _ digests: ArticleDigests, into writer: inout BinaryWriter) {
        writer.string(actor.id); writer.string(actor.name); writer.raw(actor.kind); writer.raw(actor.origin)
        writer.strings(actor.aliases); writer.strings(actor.roles)
        writer.string(actor.description); writer.string(actor.link)
        writer.int(actor.roleSightings.count)
        for sighting in actor.roleSightings {
            writer.string(sighting.role); writer.words(digests.words(of: sighting.articleID)); writer.value(sighting.date)
        }
    }
}
