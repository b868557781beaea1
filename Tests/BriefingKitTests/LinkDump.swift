import Foundation
import Testing
@testable import BriefingKit

@Test(.disabled(if: ProcessInfo.processInfo.environment["BRIEFING_DUMP"] == nil)) func dumpSampleGraph() {
    let (graph, diagnostics) = SiteBuilder.load(.init(content: Fixtures.repository.appendingPathComponent("Content"), templates: Fixtures.templates, output: URL(fileURLWithPath: "/tmp/x")))
    print(diagnostics)
    for actor in graph.actors { print(actor.id, actor.kind, actor.origin, actor.roleSightings.map(\.role)) }
    for m in graph.mentions { print(m.articleID.prefix(3), m.block, m.offset, m.text, "→", m.actorID) }
    for q in graph.quotes { print(q.articleID.prefix(3), q.block, q.speakerID ?? "-", q.text.prefix(50)) }
    print(graph.unresolved)
}

@Test(.disabled(if: ProcessInfo.processInfo.environment["BRIEFING_DUMP"] == nil)) func dumpQuoteMisses() throws {
    let (graph, gold) = try LinkingQualityTests.load()
    for article in gold {
        let id = (article.file as NSString).deletingPathExtension
        let system = graph.quotes.filter { $0.articleID == id }
        for quote in article.quotes {
            let match = system.first { $0.text.hasPrefix(quote.starts) }
            let got = match?.speakerID.flatMap { graph.actor($0)?.name }
            if got != quote.speaker { print(id.prefix(3), "gold:", quote.speaker ?? "nil", "got:", match == nil ? "NOT FOUND" : (got ?? "nil"), "|", quote.starts) }
        }
    }
}
