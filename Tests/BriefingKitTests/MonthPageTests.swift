import Foundation
import Testing
@testable import BriefingKit

/// Month pages: an actor or a date named in more articles than `list_limit` lists its mentions
/// on one page per month of publication, and a briefing of more articles its articles. The fixture: the sample site's articles and the 14
/// linking fixtures (November 2024 to September 2025) with their gazetteer, `list_limit: 2`.
@Suite("Month pages")
struct MonthPageTests {
    static func content(limit: String?) throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        let content = root.appendingPathComponent("Content")
        let manager = FileManager.default
        try manager.copyItem(at: Fixtures.siteContent, to: content)
        let linking = Fixtures.root.appendingPathComponent("linking")
        try manager.copyItem(at: linking.appendingPathComponent("actors.yml"), to: content.appendingPathComponent("actors.yml"))
        for name in try manager.contentsOfDirectory(atPath: linking.appendingPathComponent("articles").path) {
            try manager.copyItem(at: linking.appendingPathComponent("articles/" + name),
                                 to: content.appendingPathComponent("articles/" + name))
        }
        if let limit {
            let settings = content.appendingPathComponent("briefing.yml")
            try (try String(contentsOf: settings, encoding: .utf8) + "list_limit: \(limit)\n").write(to: settings, atomically: true, encoding: .utf8)
        }
        return content
    }

    static func plan(limit: String?) throws -> (SitePlanner.Plan, [Diagnostic]) {
        let content = try content(limit: limit)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let (graph, diagnostics) = SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: content))
        return (SitePlanner.plan(graph), diagnostics)
    }

    @Test func everyMentionIsOnExactlyOneMonthPageOfItsArticle() throws {
        let (plan, diagnostics) = try Self.plan(limit: "2")
        #expect(diagnostics.allSatisfy { !$0.message.contains("list_limit") })
        let index = plan.index
        #expect(index.graph.settings.listLimit == 2)
        var pagesBySubject: [String: [Page]] = [:]
        for number in 0..<plan.pageCount where plan.page(at: number).template == MentionArchive.template {
            let page = plan.page(at: number)
            let parts = page.path.split(separator: "/")
            #expect(parts.count == 3)
            pagesBySubject["\(parts[0])/\(parts[1]).html", default: []].append(page)
        }
        // Every actor named in three articles or more has month pages, and no other.
        let actors = index.actorsWithPages.filter { (index.articlesByActor[$0.id]?.count ?? 0) > 2 }
        #expect(actors.count == 9)
        #expect(Set(actors.map { index.actorPath($0.id) }) == Set(pagesBySubject.keys.filter { $0.hasPrefix("actors/") }))
        #expect(pagesBySubject["actors/united-states.html"]?.map(\.path) == [
            "actors/united-states/2024-11.html", "actors/united-states/2025-01.html", "actors/united-states/2025-03.html",
            "actors/united-states/2025-04.html", "actors/united-states/2025-07.html", "actors/united-states/2025-08.html",
            "actors/united-states/2025-09.html",
        ])
        #expect(pagesBySubject.keys.contains("dates/2025-03.html"))

        for actor in actors {
            let pages = try #require(pagesBySubject[index.actorPath(actor.id)])
            // The paragraphs of all its month pages are its mentions' paragraphs, each once.
            var listed: [String] = []
            for page in pages {
                let context = try #require(page.context as? MonthMentionsContext)
                let month = String(page.path.split(separator: "/")[2].dropLast(".html".count))
                #expect(context.subject.title == actor.name)
                #expect(context.month == TimexValue.label(month))
                for group in context.paragraphs.articles {
                    let article = try #require(index.graph.articles.first { group.article.url == SitePath.relative(from: page.path, to: index.articlePath($0.id)) })
                    #expect(article.published.monthValue == month, "\(article.id) on \(page.path)")
                    listed += group.paragraphs.map { "\(article.id)#\($0.number)" }
                }
            }
            var expected: [String] = []
            for mention in index.mentionsByActor[actor.id] where !expected.contains("\(mention.articleID)#\(mention.block)") {
                expected.append("\(mention.articleID)#\(mention.block)")
            }
            #expect(listed == expected, "\(actor.name)")
            // Its page links to each month, in order, instead of listing paragraphs.
            let actorPage = ActorPages.page(index, actor: actor)
            let more = try #require((actorPage.context as? ActorContext)?.moreMentions)
            #expect(more.articles.isEmpty)
            #expect(more.months.map(\.url) == pages.map { SitePath.relative(from: actorPage.path, to: $0.path) })
            #expect(more.summary == "All \(Count.mentions(index.mentionsByActor[actor.id].count, inArticles: index.articlesByActor[actor.id]!.count)), by month of publication:")
        }
    }

    @Test func monthPagesLinkToTheirNeighboursAndTheirSubject() throws {
        let (plan, _) = try Self.plan(limit: "2")
        let pages = (0..<plan.pageCount).map { plan.page(at: $0) }.filter { $0.path.hasPrefix("actors/united-states/") }
        let contexts = try pages.map { try #require($0.context as? MonthMentionsContext) }
        #expect(contexts.map(\.month) == ["November 2024", "January 2025", "March 2025", "April 2025", "July 2025", "August 2025", "September 2025"])
        #expect(contexts.map { $0.previous?.url } == [nil, "2024-11.html", "2025-01.html", "2025-03.html", "2025-04.html", "2025-07.html", "2025-08.html"])
        #expect(contexts.map { $0.next?.title } == ["January 2025", "March 2025", "April 2025", "July 2025", "August 2025", "September 2025", nil])
        #expect(contexts[0].subject.url == "../united-states.html")
        #expect(contexts[0].section.url == "../index.html")
        #expect(contexts[0].counts == "2 mentions in 1 article")
        #expect(pages[0].title == "United States: November 2024")
    }

    @Test func theBuiltSiteLinksBothWays() throws {
        let content = try Self.content(limit: "2")
        let root = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        _ = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        let actor = try String(contentsOf: output.appendingPathComponent("actors/united-states.html"), encoding: .utf8)
        #expect(actor.contains("<li><a href=\"united-states/2025-03.html\">March 2025</a>: 1 mention in 1 article</li>"))
        #expect(!actor.contains("class=\"paragraph-list\""))
        let month = try String(contentsOf: output.appendingPathComponent("actors/united-states/2025-03.html"), encoding: .utf8)
        #expect(month.contains("<title>United States: March 2025 · Fixture briefing</title>"))
        #expect(month.contains("<a href=\"../united-states.html\">United States</a>"))
        #expect(month.contains("<a href=\"../../articles/108_opec-meeting.html#p10\">10</a>"))
        #expect(month.contains("<a href=\"2025-01.html\">← Earlier: January 2025</a>"))
        #expect(month.contains("href=\"../../assets/style.css\""))
        #expect(LinkChecker.check(directory: output).isEmpty)
    }

    @Test func belowTheLimitEveryParagraphIsListedOnThePage() throws {
        let (plan, _) = try Self.plan(limit: nil)
        #expect(plan.index.graph.settings.listLimit == SiteSettings.defaultListLimit)
        #expect(!plan.paths.contains { $0.split(separator: "/").count > 2 || $0.hasPrefix("archive/") })
        let (limited, _) = try Self.plan(limit: "2")
        #expect(limited.pageCount > plan.pageCount)
    }

    /// Articles by month: the briefing's 17 articles are more than `list_limit`.
    @Test func everyArticleIsOnTheMonthPageOfItsPublication() throws {
        let (plan, _) = try Self.plan(limit: "2")
        let graph = plan.index.graph
        let pages = (0..<plan.pageCount).map { plan.page(at: $0) }.filter { $0.template == ArticleArchive.template }
        #expect(pages.map(\.path) == ["archive/2024-11.html", "archive/2025-01.html", "archive/2025-02.html", "archive/2025-03.html",
                                      "archive/2025-04.html", "archive/2025-05.html", "archive/2025-06.html", "archive/2025-07.html",
                                      "archive/2025-08.html", "archive/2025-09.html"])
        var listed: [String] = []
        for page in pages {
            let context = try #require(page.context as? ArticleMonthContext)
            let month = String(page.path.dropFirst("archive/".count).dropLast(".html".count))
            #expect(context.month == TimexValue.label(month))
            #expect(context.counts == Count.phrase(context.articles.count, "article"))
            // Newest first, as on the front page.
            #expect(context.articles.map(\.dateISO) == context.articles.map(\.dateISO).sorted(by: >))
            #expect(context.articles.allSatisfy { $0.dateISO.hasPrefix(month) })
            listed += context.articles.map(\.url)
        }
        #expect(listed.sorted() == graph.articles.map { "../" + plan.index.articlePath($0.id) }.sorted())
        let first = try #require(pages.first?.context as? ArticleMonthContext)
        #expect(first.previous == nil && first.next?.title == "January 2025" && first.next?.url == "2025-01.html")

        // The front page lists them (fewer than 50) and links to each month, newest first.
        let front = try #require(plan.page(at: 0).context as? IndexContext)
        #expect(front.articles.count == graph.articles.count && front.articleCount == 17)
        #expect(front.months.map(\.url) == pages.reversed().map(\.path))
        #expect(front.months.first?.label == "September 2025")
        // The timeline links each month to its page instead of listing the articles.
        let timeline = try #require(plan.pages.first { $0.path == SitePath.timeline }?.context as? TimelineContext)
        let months = timeline.years.flatMap(\.months)
        #expect(months.allSatisfy { $0.published.isEmpty })
        #expect(months.compactMap(\.archive).map(\.url) == pages.map(\.path))
        #expect(months.compactMap(\.archive).first?.counts == "1 article")
    }

    @Test func aBadLimitIsReportedWithItsLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("briefing.yml")
        for (value, expected) in [("0", SiteSettings.defaultListLimit), ("many", SiteSettings.defaultListLimit), ("25", 25)] {
            try "title: T\nlist_limit: \(value)\n".write(to: file, atomically: true, encoding: .utf8)
            let (settings, diagnostics) = SiteSettings.load(file, displayPath: "Content/briefing.yml")
            #expect(settings.listLimit == expected)
            #expect(diagnostics.map(\.description) == (value == "25" ? [] : [
                "Content/briefing.yml:2: warning: `list_limit` must be a whole number above 0; using 300",
            ]))
        }
        try "title: T\nlist-limit: 25\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(SiteSettings.load(file, displayPath: "Content/briefing.yml").1.map(\.description) == [
            "Content/briefing.yml:2: warning: unknown setting `list-limit` ignored; expected one of title, description, language, base_url, list_limit, feed_limit",
        ])
    }
}
