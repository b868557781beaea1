/// The Site stage: the briefing graph → the pages of the site, their URLs and their contexts.
public enum SitePlanner {
    public static func pages(for graph: BriefingGraph) -> [Page] {
        let slugs = articleSlugs(graph.articles)
        var pages = [indexPage(graph, slugs: slugs)]
        for (position, article) in graph.articles.enumerated() {
            pages.append(articlePage(graph, position: position, article: article, slugs: slugs))
        }
        return pages
    }

    /// Each article's page name: its id as an ASCII slug, unique even when two ids differ only by
    /// case or by characters the slug drops. Assigned in id order so that adding an article never
    /// renames another one with a different id.
    public static func articleSlugs(_ articles: [Article]) -> [String: String] {
        let ordered = articles.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Slug.unique(ordered.map { (key: $0, text: $0) })
    }

    static func site(_ graph: BriefingGraph, on path: String) -> SiteContext {
        SiteContext(title: graph.settings.title, description: graph.settings.description,
                    language: graph.settings.language, home: SitePath.relative(from: path, to: SitePath.index))
    }

    static func indexPage(_ graph: BriefingGraph, slugs: [String: String]) -> Page {
        let path = SitePath.index
        let cards = graph.articles.reversed().map { article in
            ArticleCard(title: article.title, url: SitePath.relative(from: path, to: SitePath.article(slugs[article.id]!)),
                        date: article.published.longForm, dateISO: article.published.iso,
                        outlet: article.outlet?.name, teaser: article.teaser == article.title ? nil : article.teaser)
        }
        let context = IndexContext(site: site(graph, on: path), articles: cards, articleCount: cards.count)
        return Page(path: path, template: "index", title: graph.settings.title,
                    description: graph.settings.description, context: context)
    }

    static func articlePage(_ graph: BriefingGraph, position: Int, article: Article, slugs: [String: String]) -> Page {
        let path = SitePath.article(slugs[article.id]!)
        func link(_ other: Article?) -> LinkContext? {
            other.map { LinkContext(title: $0.title, url: SitePath.relative(from: path, to: SitePath.article(slugs[$0.id]!))) }
        }
        func blocks(_ role: TextBlock.Role) -> [BlockContext] {
            article.blocks(role).map { BlockContext(anchor: $0.anchor, text: MarkdownFragment(block: $0)) }
        }
        let quoteBlock = article.blocks(.quote).first
        let quote = quoteBlock.map {
            QuoteContext(anchor: $0.anchor, text: MarkdownFragment(block: $0), speaker: article.quote?.speaker)
        }
        var lead = blocks(.lead).first
        var titleAnchor: String?
        if let first = article.blocks(.lead).first, first.text == article.title {
            titleAnchor = first.anchor
            lead = nil
        }
        let context = ArticleContext(
            site: site(graph, on: path), id: article.id, title: article.title, titleAnchor: titleAnchor,
            date: article.published.longForm, dateISO: article.published.iso,
            outlet: article.outlet.map { OutletContext(name: $0.name, description: $0.description) },
            author: article.author, originalURL: article.url,
            lead: lead, summary: blocks(.summary), highlights: blocks(.highlight), quote: quote,
            body: blocks(.body), details: blocks(.details), background: blocks(.background),
            previous: link(position > 0 ? graph.articles[position - 1] : nil),
            next: link(position + 1 < graph.articles.count ? graph.articles[position + 1] : nil))
        let description = article.teaser.map { String($0.prefix(300)) } ?? article.title
        return Page(path: path, template: "article", title: article.title, description: description, context: context)
    }
}
