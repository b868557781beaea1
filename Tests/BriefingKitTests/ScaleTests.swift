import Foundation
import Testing
@testable import BriefingKit

/// Pages that gather the whole briefing stay bounded when it grows: a synthetic corpus of 400
/// articles (`briefing bench-corpus`), larger than every limit.
@Suite("Large briefings")
struct ScaleTests {
    static let plan: SitePlanner.Plan = {
        let directory = try! Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try! BenchCorpus.write(count: 400, to: directory)
        let options = SiteBuilder.Options(content: directory.appendingPathComponent("Content"), templates: Fixtures.templates,
                                          output: directory.appendingPathComponent("Public"))
        return SitePlanner.plan(SiteBuilder.load(options).graph)
    }()

    func page(_ path: String) -> Page {
        Self.plan.page(at: Self.plan.paths.firstIndex(of: path)!)
    }

    @Test func thePrintableBriefingPrintsTheMostRecentArticles() throws {
        let context = try #require(page(SitePath.printable).context as? PrintableContext)
        #expect(context.articles.count == PrintableBriefing.articleLimit)
        #expect(context.articles.first?.anchor == "a\(400 - PrintableBriefing.articleLimit + 1)")
        #expect(context.articles.last?.anchor == "a400")
        #expect(context.omitted == "The briefing has 400 articles; the 150 most recent are printed here. All of them are on the site.")
        // A date named by many articles lists ten titles and a count.
        #expect(context.timeline.contains { $0.articles.hasSuffix(" more") && $0.articles.split(separator: ";").count == 11 })
    }

    @Test func theTimelineShowsAFewSnippetsPerDate() throws {
        let context = try #require(page(SitePath.timeline).context as? TimelineContext)
        let dates = context.years.flatMap(\.months).flatMap(\.dates)
        #expect(dates.allSatisfy { $0.mentions.count <= DatePages.timelineSnippets })
        let busy = try #require(dates.first { $0.more != nil })
        let total = Int(busy.counts.split(separator: " ").first!)!
        #expect(busy.more == "and \(total - DatePages.timelineSnippets) more")
    }

    @Test func relatedArticlesLookAtTheNearestArticlesOfAFrequentActor() throws {
        let index = Self.plan.index
        let frequent = try #require(index.articlesByActor.values.max { $0.count < $1.count })
        #expect(frequent.count > 40)
        let middle = frequent.count / 2
        let window = index.nearest(frequent, to: index.position[frequent[middle]]!, limit: 20)
        #expect(Array(window) == Array(frequent[(middle - 10)..<(middle + 10)]))
        #expect(Array(index.nearest(frequent, to: 0, limit: 20)) == Array(frequent.prefix(20)))
        #expect(Array(index.nearest(frequent, to: Int.max, limit: 20)) == Array(frequent.suffix(20)))
        #expect(index.nearest(Array(frequent.prefix(15)), to: 0, limit: 20).count == 15)
    }
}
