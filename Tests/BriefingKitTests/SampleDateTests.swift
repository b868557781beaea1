import Foundation
import Testing
@testable import BriefingKit

@Suite("Dates in the samples")
struct SampleDateTests {
    let graph = SampleLinkingTests.graph
    let dateline = "000_a07414719247a0af"
    let tagged = "003_aa876f87d1a0a2ba"

    func dates(_ article: String) -> [(String, String, DateReference.Modifier?)] {
        graph.dates.filter { $0.articleID == article }.map { ($0.reference.text, $0.reference.value, $0.reference.mod) }
    }

    func value(of text: String, in article: String) -> String? {
        graph.dates.first { $0.articleID == article && $0.reference.text == text }?.reference.value
    }

    @Test func bothSamplesMeetOnTheTwentiethOfJanuary() {
        #expect(value(of: "20 January 2025", in: dateline) == "2025-01-20")
        #expect(value(of: "Jan. 20", in: tagged) == "2025-01-20")
        let index = GraphIndex(graph)
        #expect(Set(index.datesByValue["2025-01-20"].map(\.articleID)) == [dateline, tagged])
    }

    @Test func resolvedAsInTheIssue() {
        #expect(value(of: "last June", in: tagged) == "2024-06")
        #expect(value(of: "Thursday", in: tagged) == "2025-01-09")
        #expect(value(of: "Friday", in: tagged) == "2025-01-10")
        #expect(dates(tagged).contains { $0 == ("at the end of last year", "2024", .end) })
        #expect(value(of: "April 2024", in: dateline) == "2024-04")
        #expect(value(of: "June 2021", in: tagged) == "2021-06")
        #expect(value(of: "2018", in: tagged) == "2018")
        #expect(value(of: "24 hours", in: dateline) == "PT24H")
        #expect(value(of: "more than four years", in: tagged) == "P4Y")
    }

    @Test func theInaugurationWasAPlanIn000() {
        let inauguration = graph.dates.first { $0.articleID == dateline && $0.reference.text == "20 January 2025" }
        #expect(inauguration?.isFuture == true)
        let june = graph.dates.first { $0.articleID == tagged && $0.reference.text == "last June" }
        #expect(june?.isFuture == false)
    }

    @Test func datePagesNavigateUpAndDown() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        _ = try SiteBuilder.build(.init(content: Fixtures.repository.appendingPathComponent("Content"), templates: Fixtures.templates, output: output))
        let day = try String(contentsOf: output.appendingPathComponent("dates/2025-01-20.html"), encoding: .utf8)
        #expect(day.contains("<h1>20 January 2025</h1>"))
        #expect(day.contains("href=\"2025-01.html\">January 2025</a>"))
        #expect(day.contains("href=\"2025.html\">2025</a>"))
        #expect(day.contains("href=\"../articles/000_a07414719247a0af.html#p1\""))
        #expect(day.contains("href=\"../articles/003_aa876f87d1a0a2ba.html#p11\""))
        #expect(day.contains("<em>Then ahead:</em>"))
        let month = try String(contentsOf: output.appendingPathComponent("dates/2025-01.html"), encoding: .utf8)
        #expect(month.contains("href=\"2025-01-09.html\">9 January 2025</a>"))
        let article = try String(contentsOf: output.appendingPathComponent("articles/003_aa876f87d1a0a2ba.html"), encoding: .utf8)
        #expect(article.contains("<a class=\"date date-plan\" href=\"../dates/2025-01-20.html\" title=\"20 January 2025 (then ahead)\"><time datetime=\"2025-01-20\">Jan. 20</time></a>"))
        let timeline = try String(contentsOf: output.appendingPathComponent("timeline.html"), encoding: .utf8)
        #expect(timeline.contains("Published: <a href=\"articles/000_a07414719247a0af.html\">"))
        #expect(LinkChecker.check(directory: output).isEmpty)
    }

    @Test func exportHasDates() throws {
        let json = try JSONSerialization.jsonObject(with: Data(BriefingExport.data(graph))) as? [String: Any]
        let dates = json?["dates"] as? [[String: Any]]
        let page = dates?.first { $0["value"] as? String == "2025-01-20" }
        #expect(page?["page"] as? String == "dates/2025-01-20.html")
        #expect(page?["mentions"] as? Int == 2)
        let article = (json?["articles"] as? [[String: Any]])?.first
        let first = (article?["dates"] as? [[String: Any]])?.first
        #expect(first?["text"] as? String == "20 January 2025")
        #expect(first?["value"] as? String == "2025-01-20")
        #expect(first?["granularity"] as? String == "day")
        #expect(first?["paragraph"] as? Int == 1)
        #expect(first?["mod"] is NSNull)
    }
}
