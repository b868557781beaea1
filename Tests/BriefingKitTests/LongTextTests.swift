import Foundation
import Testing
@testable import BriefingKit

/// Text far longer than news usually is (`make limits` builds the full-size cases): a paragraph-long
/// title, and a paragraph with no full stop.
@Suite("Long text")
struct LongTextTests {
    func article(title: String) -> Article {
        Article(id: "x", sourceFile: "articles/x.txt", format: .tagged, title: title,
                published: CalendarDay(year: 2025, month: 1, day: 10)!, outlet: nil, blocks: [], quote: nil)
    }

    @Test func longTitlesAreShortenedAtAWord() {
        let words = (1...100).map { "word\($0)" }.joined(separator: " ")
        let short = article(title: words).shortTitle
        #expect(short.count <= Article.shortTitleLength + 1)
        #expect(short.hasSuffix(" word29…"), "\(short)")
        #expect(words.hasPrefix(String(short.dropLast())))
        let exact = String(repeating: "é", count: Article.shortTitleLength)
        #expect(article(title: exact).shortTitle == exact)
        #expect(article(title: "Kremlin says talks go on").shortTitle == "Kremlin says talks go on")
        #expect(article(title: String(repeating: "x", count: 300)).shortTitle == String(repeating: "x", count: 200) + "…")
    }

    /// One paragraph of 30,000 bytes without a full stop, as a dateline article: its lead is its
    /// title. Pages that link to it show the short title; its own page shows all of it; a date's
    /// snippet names the actors near the date, not every actor of the endless "sentence".
    @Test func aParagraphWithoutFullStops() throws {
        let directory = try Fixtures.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "title: Long\n".write(to: content.appendingPathComponent("briefing.yml"), atomically: true, encoding: .utf8)
        let filler = String(repeating: "talks would continue next week ", count: 500)  // 15,500 bytes
        let line = " date 2024-11-07 Vladimir Putin said " + filler + "and Dmitry Peskov said on 20 January 2025 " + filler + "\n"
        try line.write(to: content.appendingPathComponent("articles/line.txt"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("Public")
        let report = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")

        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let lead = String(line.dropFirst(" date 2024-11-07 ".count).dropLast())
        #expect(try page("articles/line.html").contains(lead.trimmingCharacters(in: .whitespaces)))
        let putin = try page("actors/vladimir-putin.html")
        #expect(putin.utf8.count < 20_000, "the actor page repeats the whole lead: \(putin.utf8.count) bytes")
        #expect(putin.contains("Vladimir Putin said talks would continue"))
        let date = try page("dates/2025-01-20.html")
        #expect(date.contains("actors/dmitry-peskov.html"))
        #expect(!date.contains("actors/vladimir-putin.html"), "Putin is 15,000 bytes away from the date")
    }
}
