import Testing
@testable import BriefingKit

@Suite("Dateline format (sample 000)")
struct DatelineReaderTests {
    let article: Article

    init() throws {
        article = try Fixtures.article("000_a07414719247a0af.txt")
    }

    @Test func identity() {
        #expect(article.id == "000_a07414719247a0af")
        #expect(article.sourceFile == "articles/000_a07414719247a0af.txt")
        #expect(article.format == .dateline)
        #expect(article.published == CalendarDay(year: 2024, month: 11, day: 7))
    }

    @Test func leadIsTheTitleAndTheFirstBlock() {
        let lead = "Putin’s press secretary Dmitry Peskov does not rule out Russian leader Vladimir Putin's communication with US president-elect Donald Trump before his inauguration on 20 January 2025."
        #expect(article.title == lead)
        #expect(article.blocks.first == TextBlock(number: 1, role: .lead, text: lead, line: 1))
    }

    @Test func sourceLabelBecomesTheOutlet() {
        #expect(article.outlet == Outlet(name: "RIA Novosti", description: "a Kremlin-aligned Russian news outlet"))
        #expect(!article.blocks.contains { $0.text.contains("Source:") })
    }

    @Test func quoteLabelKeepsTheSpeakerAsWritten() {
        #expect(article.quote == Quote(
            text: "Putin's communication with Trump before the inauguration is not ruled out. The Kremlin proceeds from the statements of the US president-elect.",
            speaker: "Peskov"))
        let block = article.blocks(.quote)
        #expect(block.map(\.number) == [2])
        #expect(block.map(\.line) == [5])
    }

    @Test func detailsSection() {
        let details = article.blocks(.details)
        #expect(details.count == 3)
        #expect(details[0].text.hasPrefix("However, Peskov added that Russian representatives"))
        #expect(details[0].line == 7)
        #expect(details[1].text.hasPrefix("Russian Foreign Minister Sergei Lavrov said"))
        #expect(details[2].text.hasSuffix("Lavrov said when asked about the prospects for contacts with the Trump team."))
    }

    @Test func backgroundSection() {
        let background = article.blocks(.background)
        #expect(background.count == 7)
        #expect(background.first?.text.hasPrefix("Donald Trump has on several occasions") == true)
        #expect(background.first?.line == 15)
        #expect(background.last?.text.hasPrefix("President Volodymyr Zelenskyy has warned") == true)
        #expect(!article.blocks.contains { $0.text == "Background:" || $0.text.hasPrefix("Details:") })
    }

    @Test func blocksAreNumberedInReadingOrder() {
        #expect(article.blocks.map(\.number) == Array(1...12))
        #expect(article.blocks.map(\.role) == [.lead, .quote] + Array(repeating: .details, count: 3) + Array(repeating: .background, count: 7))
        #expect(article.url == nil)
        #expect(article.author == nil)
    }

    /// A file's lines are its slices between line feeds, as splitting its UTF-8 at each one gives
    /// them, empty lines and the end included, in a substring of a larger text too.
    @Test func linesAreTheSlicesBetweenLineFeeds() {
        let texts = ["", "\n", "a", "a\n", "\na", "a\n\nb", "Kyiv — “x”\n\u{301}é\n\n", "x\u{1F600}\ny\n😀", "\n\n\n"]
        for text in texts {
            for slice in [text[...], ("pre\n" + text + "\npost").dropFirst(4).dropLast(5)] {
                let definition = slice.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
                #expect(slice.lineSlices == definition, "\(slice.debugDescription)")
            }
        }
        #expect("a\n\nb"[...].lineSlices == ["a", "", "b"])
    }
}
