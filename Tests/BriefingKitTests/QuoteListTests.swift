import Foundation
import Testing
@testable import BriefingKit

/// An actor's quotes on its page: the first in full, the rest by paragraph or on its month pages.
/// The fixture: the sample site and the linking fixtures (`MonthPageTests.plan`). Johanna Keller
/// is quoted four times, three times in February 2025 and once in March; Donald Trump four times.
@Suite("Quotes on actor pages")
struct QuoteListTests {
    static func actor(_ name: String, _ index: GraphIndex) throws -> Actor {
        try #require(index.actorsWithPages.first { $0.name == name })
    }

    @Test func withMonthPagesTheRestAreOnTheMonthPages() throws {
        let (plan, _) = try MonthPageTests.plan(limit: "2")
        let index = plan.index
        let keller = try Self.actor("Johanna Keller", index)
        let path = index.actorPath(keller.id)
        let months = MentionArchive.months(of: .actor(keller.id), index)
        #expect(months.map(\.month) == ["2025-02", "2025-03"])

        let split = QuoteList.split(index, actorID: keller.id, months: months, from: path, limit: 1)
        #expect(split.shown.map(\.text) == ["technical, not political."])
        #expect(split.shown.map(\.url) == ["../articles/101_eu-summit.html#p9"])
        #expect(split.more.summary == "4 quotes, by month of publication:")
        #expect(split.more.months.map(\.url) == ["johanna-keller/2025-02.html", "johanna-keller/2025-03.html"])
        #expect(split.more.months.map(\.counts) == ["3 quotes", "1 quote"])
        #expect(split.more.articles.isEmpty)

        // The month pages show every quote once, in order, each on its article's month.
        var onMonthPages: [String] = []
        for month in months {
            let context = try #require(MentionArchive.page(index, month).context as? MonthMentionsContext)
            onMonthPages += context.quotes.map(\.text)
            #expect(context.quotes.allSatisfy { $0.article.date.hasSuffix(month.month == "2025-02" ? "February 2025" : "March 2025") })
        }
        #expect(onMonthPages == index.quotesByActor[keller.id].map(\.text))
        #expect(onMonthPages.count == 4)

        // Up to the limit, every quote is on the page and there is nothing more.
        let all = QuoteList.split(index, actorID: keller.id, months: months, from: path)
        #expect(all.shown.map(\.text) == onMonthPages)
        #expect(all.more.summary == nil && all.more.months.isEmpty)
    }

    /// A quote whose month has no page (a tagged article's `speaker` need not be named in the
    /// text) stays in full on the actor page. Here February's page is left out.
    @Test func aQuoteInAMonthWithoutAPageStaysOnTheActorPage() throws {
        let (plan, _) = try MonthPageTests.plan(limit: "2")
        let index = plan.index
        let keller = try Self.actor("Johanna Keller", index)
        let months = MentionArchive.months(of: .actor(keller.id), index).filter { $0.month == "2025-03" }
        let split = QuoteList.split(index, actorID: keller.id, months: months, from: index.actorPath(keller.id), limit: 1)
        let february = index.quotesByActor[keller.id].prefix(3).map(\.text)
        #expect(split.shown.map(\.text) == Array(february))
        #expect(split.more.summary == "1 quote, by month of publication:")
        #expect(split.more.months.map(\.counts) == ["1 quote"])
        // With no month that has a quote, nothing is said of months.
        let none = QuoteList.split(index, actorID: keller.id, months: [], from: index.actorPath(keller.id), limit: 4)
        #expect(none.shown.count == 4 && none.more.summary == nil)
    }

    @Test func withoutMonthPagesTheRestAreListedByParagraph() throws {
        let (plan, _) = try MonthPageTests.plan(limit: nil)
        let index = plan.index
        let trump = try Self.actor("Donald Trump", index)
        let path = index.actorPath(trump.id)
        #expect(MentionArchive.months(of: .actor(trump.id), index).isEmpty)
        let quotes = Array(index.quotesByActor[trump.id])
        #expect(quotes.count == 4)
        let split = QuoteList.split(index, actorID: trump.id, months: [], from: path, limit: 1)
        #expect(split.shown.map(\.text) == [quotes[0].text])
        let articles = Set(quotes.dropFirst().map(\.articleID))
        #expect(split.more.summary == "3 more quotes in \(Count.phrase(articles.count, "article")), by paragraph:")
        // Every quote's paragraph is linked from the page: in full or in the list.
        let expected = Set(quotes.map { SitePath.relative(from: path, to: index.articlePath($0.articleID), fragment: TextBlock.anchor($0.block)) })
        #expect(Set(split.shown.map(\.url) + split.more.articles.flatMap(\.paragraphs).map(\.url)) == expected)
        #expect(split.more.months.isEmpty)
    }

    @Test func theBuiltSiteShowsQuotesOnMonthPages() throws {
        let content = try MonthPageTests.content(limit: "2")
        let root = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        _ = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        let month = try String(contentsOf: output.appendingPathComponent("actors/johanna-keller/2025-02.html"), encoding: .utf8)
        #expect(month.contains("<h2>Quotes</h2>\n<blockquote>\n<p>“technical, not political.”</p>\n<p>— <a href=\"../../articles/101_eu-summit.html#p9\">"))
        #expect(month.components(separatedBy: "<blockquote>").count - 1 == 3)
        let date = try String(contentsOf: output.appendingPathComponent("dates/2025-03.html"), encoding: .utf8)
        #expect(!date.contains("<h2>Quotes</h2>"))
        #expect(LinkChecker.check(directory: output).isEmpty)
    }
}
