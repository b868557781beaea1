import Foundation
import Testing
@testable import BriefingKit

/// Mangled versions of the sample articles go through loading, linking and page planning without
/// crashing: quotes left open, stray dashes and digits, cut-off lines. (Fuzzing proper comes with
/// the hardening issue; this keeps the known crash classes from coming back.)
@Suite("Mangled input")
struct MutationTests {
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = ["“", "”", "\"", "’s", " Jan.", " 20–21", "\n\n", " U.S.", ",", " Mr.", " said", " Putin", " 2018", "-", ":", " the day before", " May"]

    @Test func mangledSamplesNeverCrash() throws {
        let samples = try ["000_a07414719247a0af.txt", "003_aa876f87d1a0a2ba.txt"].map {
            try String(contentsOf: Fixtures.articles.appendingPathComponent($0), encoding: .utf8)
        }
        let environment = ProcessInfo.processInfo.environment
        var random = Random(state: UInt64(environment["BRIEFING_MUTATION_SEED"] ?? "") ?? 7)
        let rounds = Int(environment["BRIEFING_MUTATIONS"] ?? "") ?? 150
        var articles: [Article] = []
        for round in 0..<rounds {
            var text = Array(samples[round % 2])
            for _ in 0..<(1 + random.next(12)) {
                guard !text.isEmpty else { break }
                let at = random.next(text.count)
                switch random.next(3) {
                case 0: text.insert(contentsOf: Array(Self.pieces[random.next(Self.pieces.count)]), at: at)
                case 1: text.removeSubrange(at..<min(text.count, at + random.next(40)))
                default: text = Array(text.prefix(max(1, at)))
                }
            }
            let result = ArticleLoader.read(bytes: Array(String(text).utf8), id: "m\(round)", sourceFile: "articles/m\(round).txt")
            if let article = result.article { articles.append(article) }
        }
        #expect(articles.count > 100)
        let graph = Linker.link(articles: articles, settings: SiteSettings())
        let plan = SitePlanner.plan(graph)
        #expect(plan.pages.count > articles.count)
        let renderer = PageRenderer(templates: try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates"), settings: graph.settings)
        let files = try SiteBuilder.render(plan.pages, with: renderer)
        var html: [String: String] = [:]
        for file in files { html[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        var all = Set(html.keys).union(plan.files.map(\.path))
        all.formUnion(FileTree.files(under: Fixtures.templates.appendingPathComponent("assets")).map { "assets/" + $0 })
        #expect(LinkChecker.check(pages: html, files: all).isEmpty)
    }
}
