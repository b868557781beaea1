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
