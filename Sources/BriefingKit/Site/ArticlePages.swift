/// Article pages: the text with its anchors, the actors it mentions and the related articles.
enum ArticlePages {
    /// The template of these pages.
    static let template = "article"

    /// The key of `ArticleContext` each role's blocks are shown under; with `titleAnchor`, the
    /// keys whose values give blocks their ids, which the links on mentions and the marks of
    /// noted passages go into.
    static let roleKeys: [TextBlock.Role: String] = [
        .lead: "lead", .summary: "summary", .highlight: "highlights", .quote: "quote", .body: "body", .details: "details",
        .background: "background",
    ]

    /// The numbers of the blocks a page made for `names` shows under them (the title's too, for
    /// `titleAnchor`), whose links on mentions and marks it needs; nil for every block.
    static func blockNumbers(of article: Article, shownUnder names: ContextNames) -> Set<Int>? {
        guard !names.isAll else { return nil }
        // Each role asked once; the blocks read in place, not copied (a page made for a part of its
        // template, 10,000 of them after an edit to a tagged part of `article.md`).
        let roles = Set(roleKeys.compactMap { names.needs($0.value) ? $0.key : nil })
        let blocks = article.blocks
        var numbers = Set<Int>()
        for index in blocks.indices where roles.contains(blocks[index].role) { numbers.insert(blocks[index].number) }
        // The title is block 0, never among `article.blocks`, and shown under `titleAnchor`.
        if names.needs("titleAnchor") {
            numbers.insert(0)
            if let lead = blocks.firstIndex(where: { $0.role == .lead }) { numbers.insert(blocks[lead].number) }
        }
        return numbers
    }

    /// The page of the article at `position`; for `names` other than `.all`, with its context's
    /// parts under those names alone (the rest empty, `ContextNames`), and the links on mentions
    /// and marks of the blocks shown under them alone (`Page.undecoratedBlocks`): after an edit to
    /// a part of `article.md`, most often a heading or a link's label, that part needs no
    /// paragraph of the article.
    static func page(_ index: GraphIndex, position: Int, article: Article, needing names: ContextNames = .all) -> Page {
        let graph = index.graph
        let path = index.articlePath(article.id)
        let shown = blockNumbers(of: article, shownUnder: names)
        let decorated = shown.map { !$0.isEmpty } ?? true
        var parts = ContextParts(names)
        let wantsActors = parts.make("actors")
        let mentions = decorated || wantsActors ? Array(index.mentionsByArticle[article.id]) : []
        let mentionsByBlock = decorated ? Dictionary(grouping: mentions, by: \.block) : [:]

        func link(_ other: Article?) -> LinkContext? {
            other.map { LinkContext(title: $0.shortTitle, url: SitePath.relative(from: path, to: index.articlePath($0.id))) }
        }
        // Each actor's link made once for the page, not once for each block that names it. Every
        // actor a block names is among the article's (`actorsByArticle` is made from its mentions).
        let actorLinks = mentions.isEmpty ? [:] : Dictionary((index.actorsByArticle[article.id] ?? []).compactMap { index.actorsByID[$0] }.map {
            ($0.id, SitePlanner.actorLink($0, from: path, index: index))
        }, uniquingKeysWith: { first, _ in first })
        func actorsIn(_ block: TextBlock) -> [ActorLink] {
            var seen: [String] = []
            for mention in mentionsByBlock[block.number] ?? [] where !seen.contains(mention.actorID) { seen.append(mention.actorID) }
            return seen.compactMap { actorLinks[$0] }
        }
        // Notes on a placed passage sit beside its block; the others are about the whole article,
        // and so is a note on the quotation, which the template shows as a quote, not a block.
        let quoteBlocks = Set(article.blocks(.quote).map(\.number))
        let notes = index.notesByArticle[article.id] ?? []
        var notesByBlock: [Int: [NoteContext]] = [:]
        var articleNotes: [NoteContext] = []
        let wantsNotes = decorated || parts.make("notes")
        for note in notes where wantsNotes {
            let blocks = note.targets.compactMap { target -> Int? in
                if case .passage(let passage) = target, passage.articleID == article.id, !quoteBlocks.contains(passage.block) { return passage.block }
                return nil
            }
            let context = NotePages.context(note, from: path, index: index)
            if let block = blocks.first { notesByBlock[block, default: []].append(context) } else { articleNotes.append(context) }
        }
        func blocks(_ role: TextBlock.Role) -> [BlockContext] {
            guard parts.make(Self.roleKeys[role]!) else { return [] }
            return article.blocks(role).map {
                BlockContext(anchor: $0.anchor, text: MarkdownFragment(block: $0), actors: actorsIn($0), notes: notesByBlock[$0.number] ?? [])
            }
        }
        var lead = blocks(.lead).first
        var titleAnchor: String? = article.blocks.first?.text == article.title ? nil : TextBlock.anchor(0)
        if let first = article.blocks(.lead).first, first.text == article.title {
            titleAnchor = first.anchor
            lead = nil
        }
        let quote = parts.make(Self.roleKeys[.quote]!) ? article.blocks(.quote).first.map {
            QuoteContext(anchor: $0.anchor, text: MarkdownFragment(block: $0), speaker: article.quote?.speaker,
                         speakerURL: index.quoteSpeaker(ofArticleAt: position).map { SitePlanner.actorLink($0, from: path, index: index).url })
        } : nil
        let author = article.author.flatMap { index.personActors[$0] }
        let related = !parts.make("related") ? [] : index.related(to: article).map { item in
            RelatedArticle(title: item.article.shortTitle, url: SitePath.relative(from: path, to: index.articlePath(item.article.id)),
                           date: item.article.published.longForm,
                           shared: item.shared.prefix(5).map(\.name).joined(separator: ", ") + (item.shared.count > 5 ? ", …" : ""))
        }
        let context = ArticleContext(
            site: SitePlanner.site(graph, on: path), id: article.id, title: article.title, titleAnchor: titleAnchor,
            date: article.published.longForm, dateISO: article.published.iso,
            outlet: article.outlet.map { OutletContext(name: $0.name, description: $0.description,
                                                       url: SitePath.relative(from: path, to: SitePath.source(index.sourceSlugs[$0.name]!))) },
            author: article.author, authorURL: author.map { SitePlanner.actorLink($0, from: path, index: index).url },
            originalURL: article.url,
            lead: lead, summary: blocks(.summary), highlights: blocks(.highlight), quote: quote,
            body: blocks(.body), details: blocks(.details), background: blocks(.background),
            notes: articleNotes, actors: wantsActors ? actors(mentions, of: article, index: index, links: actorLinks) : [],
            related: related, actorsIndex: SitePath.relative(from: path, to: SitePath.actors),
            previous: link(position > 0 ? graph.articles[position - 1] : nil),
            next: link(position + 1 < graph.articles.count ? graph.articles[position + 1] : nil))
        let description = article.teaser.map { String($0.prefix(300)) } ?? article.shortTitle
        guard let shown else {
            var page = Page(path: path, template: template, title: article.shortTitle, description: description, context: context,
                            inlineLinks: inlineLinks(mentions, dates: Array(index.datesByArticle[article.id]), index: index, from: path),
                            meta: StructuredData.article(article, path: path, settings: graph.settings,
                                                         about: (index.actorsByArticle[article.id] ?? []).compactMap { index.actorsByID[$0] }))
            page.highlights = NotePages.highlights(notes, articleID: article.id, index: index)
            return page
        }
        // For a part of the template: its layout is not rendered (the content goes into the last
        // build's frame), and the links and marks of the other blocks are not needed.
        var page = Page(path: path, template: template, title: article.shortTitle, description: description, context: context)
        page.omitted = parts.omitted
        page.undecoratedBlocks = Set(([0] + article.blocks.map(\.number)).filter { !shown.contains($0) }.map(TextBlock.anchor))
        guard decorated else { return page }
        page.inlineLinks = inlineLinks(mentions.filter { shown.contains($0.block) },
                                       dates: index.datesByArticle[article.id].filter { shown.contains($0.block) }, index: index, from: path)
        page.highlights = NotePages.highlights(notes, articleID: article.id, index: index).filter { !page.undecoratedBlocks.contains($0.key) }
        return page
    }

    /// The actors of an article in order of first mention, each with its mentions in the article.
    /// - Parameter links: each actor's link from the page, by id (an id no actor has has none).
    static func actors(_ mentions: [Mention], of article: Article, index: GraphIndex, links: [String: ActorLink]) -> [ArticleActor] {
        var counts: [String: Int] = [:]
        for mention in mentions { counts[mention.actorID, default: 0] += 1 }
        return (index.actorsByArticle[article.id] ?? []).compactMap { id in
            links[id].map { link in
                let count = counts[id] ?? 0
                return ArticleActor(name: link.name, url: link.url, kind: link.kind, mentions: count, mentionsLabel: Count.phrase(count, "mention"))
            }
        }
    }

    /// The first mention of each actor in each block becomes a link (every mention stays in the
    /// data), and every date placed on the timeline links to its date page. Links of a block are in
    /// text order, as the renderer finds them one after the other.
    static func inlineLinks(_ mentions: [Mention], dates: [DateMention], index: GraphIndex, from path: String) -> [String: [InlineLink]] {
        inlineLinks(mentions, dates: dates, index: index,
                    actorURL: { SitePath.relative(from: path, to: index.actorPath($0.id)) },
                    dateURL: { SitePath.relative(from: path, to: index.datePath($0)) },
                    anchor: TextBlock.anchor)
    }

    /// The same, with the link targets and the block ids chosen by the caller (the printable
    /// briefing links to its own glossary and timeline, and prefixes block ids per article).
    static func inlineLinks(_ mentions: [Mention], dates: [DateMention], index: GraphIndex,
                            actorURL: (Actor) -> String, dateURL: (String) -> String, anchor: (Int) -> String) -> [String: [InlineLink]] {
        // Each link of the page is made once (its text aside) and placed by its number in `made`:
        // an article names the same few actors and dates many times, and sorting and copying
        // whole links, five strings each, was most of the work.
        var made: [InlineLink] = []
        var placed: [(block: Int, offset: Int, order: Int, link: Int, text: String)] = []
        placed.reserveCapacity(mentions.count + dates.count)
        // An actor is linked once per block: its link's number, or -1 when no actor has its id.
        var actorLinks: [String: Int] = [:]
        struct Linked: Hashable { var block: Int; var link: Int }
        var linked = Set<Linked>()
        for mention in mentions {
            let number = actorLinks[mention.actorID] ?? {
                let number = index.actorsByID[mention.actorID].map { actor in
                    made.append(InlineLink(text: "", url: actorURL(actor), title: "\(actor.name) (\(actor.kind.rawValue))",
                                           cssClass: "actor actor-\(actor.kind.rawValue)"))
                    return made.count - 1
                } ?? -1
                actorLinks[mention.actorID] = number
                return number
            }()
            guard number >= 0, linked.insert(Linked(block: mention.block, link: number)).inserted else { continue }
            placed.append((mention.block, mention.offset, placed.count, number, mention.text))
        }
        struct DateKey: Hashable { var points: [String]; var isFuture: Bool }
        var dateLinks: [DateKey: Int] = [:]
        for date in dates {
            let reference = date.reference
            let key = DateKey(points: reference.points, isFuture: date.isFuture)
            let number = dateLinks[key] ?? {
                var number = -1
                if let point = key.points.first, index.datesByValue.contains(point) {
                    made.append(InlineLink(text: "", url: dateURL(point),
                                           title: key.points.map { index.dateLabel($0).text }.joined(separator: " to ") + (date.isFuture ? " (then ahead)" : ""),
                                           cssClass: date.isFuture ? "date date-plan" : "date",
                                           datetime: key.points.count == 1 && index.dateLabel(point).isHTMLDatetime ? point : nil))
                    number = made.count - 1
                }
                dateLinks[key] = number
                return number
            }()
            guard number >= 0 else { continue }
            placed.append((date.block, reference.offset, placed.count, number, reference.text))
        }
        placed.sort { ($0.block, $0.offset, $0.order) < ($1.block, $1.offset, $1.order) }
        var links: [String: [InlineLink]] = [:]
        var block: (number: Int, links: [InlineLink])?
        var end = 0
        for item in placed {
            if item.block != block?.number {
                if let block { links[anchor(block.number)] = block.links }
                (block, end) = ((item.block, []), 0)
            }
            // Overlapping expressions (a name inside a date) keep the first.
            if item.offset < end { continue }
            var link = made[item.link]
            link.text = item.text
            block!.links.append(link)
            end = item.offset + item.text.utf8.count
        }
        if let block { links[anchor(block.number)] = block.links }
        return links
    }
}
