/// The editor's overview: at the top of the front page (its first part, when it is long) and whole
/// on `overview.html`. Its actors and dates are linked like article text, and `[[…]]` links resolved.
enum OverviewPages {
    static let template = "overview"

    static func context(_ index: GraphIndex, on path: String, full: Bool) -> (context: OverviewContext, links: [String: [InlineLink]])? {
        guard let linked = index.graph.overview else { return nil }
        let overview = linked.overview
        let shown = full ? overview.blocks.count : overview.frontBlocks
        let blocks = zip(overview.blocks, linked.blocks).prefix(shown).map { block, pieces in
            BlockContext(anchor: Overview.anchor(block.number), text: MarkdownFragment(markdown: NotePages.markdown(pieces, from: path, index: index)),
                         actors: [])
        }
        let mentions = linked.mentions.filter { $0.block <= shown && index.hasPage.contains($0.actorID) }
        let dates = linked.dates.filter { $0.block <= shown }
        let links = ArticlePages.inlineLinks(mentions, dates: dates, index: index,
                                             actorURL: { SitePath.relative(from: path, to: index.actorPath($0.id)) },
                                             dateURL: { SitePath.relative(from: path, to: index.datePath($0)) },
                                             anchor: Overview.anchor)
        let more = !full && overview.isLong ? SitePath.relative(from: path, to: SitePath.overview) : nil
        return (OverviewContext(title: overview.title, blocks: blocks, more: more), links)
    }

    static func page(_ index: GraphIndex) -> Page {
        let path = SitePath.overview
        let (context, links) = context(index, on: path, full: true)!
        return Page(path: path, template: template, title: context.title,
                    description: "The editor's overview of \(index.graph.settings.title).",
                    context: OverviewPageContext(site: SitePlanner.site(index.graph, on: path), overview: context),
                    inlineLinks: links, meta: StructuredData.website(index.graph.settings, path: path))
    }
}
