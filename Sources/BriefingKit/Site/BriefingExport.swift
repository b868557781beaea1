import Foundation

/// `Public/briefing.json`: the briefing graph as data, the project's interface for other tools.
/// Keys are sorted and absent values are `null`, so the file is stable and easy to diff.
enum BriefingExport {
    static let path = "briefing.json"

    struct DateRef: Encodable {
        var text, value, granularity: String
        var mod: String?
        var paragraph, offset: Int
        var plan: Bool

        enum CodingKeys: String, CodingKey { case text, value, granularity, mod, paragraph, offset, plan }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(value, forKey: .value)
            try c.encode(granularity, forKey: .granularity)
            try c.encode(mod, forKey: .mod)
            try c.encode(paragraph, forKey: .paragraph)
            try c.encode(offset, forKey: .offset)
            try c.encode(plan, forKey: .plan)
        }
    }

    struct DateEntry: Encodable {
        var value, page: String
        var mentions: Int
    }

    struct ArticleEntry: Encodable {
        var id, sourceFile, title, published, page: String
        var outlet, author, url: String?
        var mentions: [MentionEntry]
        var quotes: [QuoteEntry]
        var dates: [DateRef]

        enum CodingKeys: String, CodingKey {
            case id, sourceFile = "source_file", title, published, page, outlet, author, url, mentions, quotes, dates
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(sourceFile, forKey: .sourceFile)
            try c.encode(title, forKey: .title)
            try c.encode(published, forKey: .published)
            try c.encode(page, forKey: .page)
            try c.encode(outlet, forKey: .outlet)
            try c.encode(author, forKey: .author)
            try c.encode(url, forKey: .url)
            try c.encode(mentions, forKey: .mentions)
            try c.encode(quotes, forKey: .quotes)
            try c.encode(dates, forKey: .dates)
        }
    }

    struct MentionEntry: Encodable {
        var actor: String
        var text: String
        var paragraph: Int
        var offset: Int
    }

    struct QuoteEntry: Encodable {
        var speaker: String?
        var text: String
        var paragraph: Int

        enum CodingKeys: String, CodingKey { case speaker, text, paragraph }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(speaker, forKey: .speaker)
            try c.encode(text, forKey: .text)
            try c.encode(paragraph, forKey: .paragraph)
        }
    }

    struct ActorEntry: Encodable {
        var id, name, kind: String
        var aliases: [String]
        var roles: [String]
        var page: String
        var origin: String
        var description: String?
        var link: String?
        var mentions: Int
    }

    /// Writes the document one entry at a time: the same bytes as encoding `Document` whole, without
    /// holding it (or the encoder's copy of it) in memory.
    ///
    /// With `digests`, each article's entry is a part of the file under its article's digest
    /// (which covers everything the entry shows), copied from the last build when it is there.
    static func write(_ index: GraphIndex, digests: ArticleDigests? = nil, to stream: ByteStream, parts: DataFileParts = DataFileParts()) {
        let graph = index.graph
        stream.write("{\n")
        let actors = graph.actors.filter { index.hasPage.contains($0.id) }
        JSONText.entries("actors", count: actors.count, last: false, to: stream) { actorEntry(actors[$0], index) }
        // The editor's notes, as W3C Web Annotations.
        stream.write("\"annotations\":\"" + SitePath.annotations + "\",\n")
        // By position (an article's quotes come together): a dictionary of copies of them was
        // made again in every build, even one that copies every article's entry.
        let quotesByArticle = Grouped(graph.quotes, by: \.articleID)
        JSONText.entries("articles", count: graph.articles.count, last: false, to: stream, parts: parts, partKey: { n in
            digests.map { "article " + $0[graph.articles[n].id] }
        }, text: { n in
            articleEntry(graph.articles[n], index, quotes: Array(quotesByArticle[graph.articles[n].id])).json()
        })
        JSONText.entries("dates", count: index.dateValues.count, last: true, to: stream) { n in
            DateEntry(value: index.dateValues[n], page: index.datePath(index.dateValues[n]), mentions: index.datesByValue.count(index.dateValues[n]))
        }
        stream.write("}\n")
    }

    static func articleEntry(_ article: Article, _ index: GraphIndex, quotes: [AttributedQuote]) -> ArticleEntry {
        ArticleEntry(
            id: article.id, sourceFile: article.sourceFile, title: article.title, published: article.published.iso,
            page: index.articlePath(article.id), outlet: article.outlet?.name, author: article.author, url: article.url,
            mentions: index.mentionsByArticle[article.id].map {
                MentionEntry(actor: $0.actorID, text: $0.text, paragraph: $0.block, offset: $0.offset)
            },
            quotes: quotes.map { QuoteEntry(speaker: $0.speakerID, text: $0.text, paragraph: $0.block) },
            dates: index.datesByArticle[article.id].map {
                DateRef(text: $0.reference.text, value: $0.reference.value, granularity: $0.reference.granularity.rawValue,
                        mod: $0.reference.mod?.rawValue, paragraph: $0.block, offset: $0.reference.offset, plan: $0.isFuture)
            })
    }

    static func actorEntry(_ actor: Actor, _ index: GraphIndex) -> ActorEntry {
        // The names it is mentioned by, in order: thousands of mentions, which come in runs of
        // one name, read in place (`forEach`) and each run's name looked at once.
        var aliases = actor.aliases
        var last: String?
        index.mentionsByActor.forEach(actor.id) { mention in
            guard mention.text != last else { return }
            last = mention.text
            if mention.text != actor.name && !aliases.contains(mention.text) { aliases.append(mention.text) }
        }
        var roles = actor.roles
        for sighting in actor.roleSightings where !roles.contains(sighting.role) { roles.append(sighting.role) }
        return ActorEntry(id: actor.id, name: actor.name, kind: actor.kind.rawValue, aliases: aliases, roles: roles,
                          page: index.actorPath(actor.id), origin: actor.origin.rawValue, description: actor.description,
                          link: actor.link, mentions: index.mentionsByActor.count(actor.id))
    }

    static func data(_ graph: BriefingGraph) -> [UInt8] {
        ByteStream.collect { write(GraphIndex(graph), to: $0) }
    }
}

/// Articles are most of `briefing.json` (125 MB at 10,000 articles): written by hand, byte for
/// byte as `JSONEncoder` writes them with sorted keys (`DataFileTests` compares the two), in a
/// fraction of its time.
extension BriefingExport.ArticleEntry {
    func json() -> String {
        var out = JSONText.Bytes()
        out.raw(#"{"author":"#); out.nullable(author)
        out.raw(#","dates":"#); out.array(dates) { $0.write(to: &$1) }
        out.raw(#","id":"#); out.string(id)
        out.raw(#","mentions":"#); out.array(mentions) { $0.write(to: &$1) }
        out.raw(#","outlet":"#); out.nullable(outlet)
        out.raw(#","page":"#); out.string(page)
        out.raw(#","published":"#); out.string(published)
        out.raw(#","quotes":"#); out.array(quotes) { $0.write(to: &$1) }
        out.raw(#","source_file":"#); out.string(sourceFile)
        out.raw(#","title":"#); out.string(title)
        out.raw(#","url":"#); out.nullable(url)
        out.raw("}")
        return out.text
    }
}

extension BriefingExport.MentionEntry {
    func write(to out: inout JSONText.Bytes) {
        out.raw(#"{"actor":"#); out.string(actor)
        out.raw(#","offset":"#); out.int(offset)
        out.raw(#","paragraph":"#); out.int(paragraph)
        out.raw(#","text":"#); out.string(text)
        out.raw("}")
    }
}

extension BriefingExport.DateRef {
    func write(to out: inout JSONText.Bytes) {
        out.raw(#"{"granularity":"#); out.string(granularity)
        out.raw(#","mod":"#); out.nullable(mod)
        out.raw(#","offset":"#); out.int(offset)
        out.raw(#","paragraph":"#); out.int(paragraph)
        out.raw(#","plan":"#); out.bool(plan)
        out.raw(#","text":"#); out.string(text)
        out.raw(#","value":"#); out.string(value)
        out.raw("}")
    }
}

extension BriefingExport.QuoteEntry {
    func write(to out: inout JSONText.Bytes) {
        out.raw(#"{"paragraph":"#); out.int(paragraph)
        out.raw(#","speaker":"#); out.nullable(speaker)
        out.raw(#","text":"#); out.string(text)
        out.raw("}")
    }
}
