import Foundation
import Testing
@testable import BriefingKit

@Suite("Tagged format (sample 003)")
struct TaggedReaderTests {
    let article: Article

    init() throws {
        article = try Fixtures.article("003_aa876f87d1a0a2ba.txt")
    }

    @Test func header() {
        #expect(article.id == "003_aa876f87d1a0a2ba")
        #expect(article.format == .tagged)
        #expect(article.title == "Putin is open to meet with Trump after inauguration, Kremlin says")
        #expect(article.published == CalendarDay(year: 2025, month: 1, day: 10))
        #expect(article.url == "https://www.washingtonpost.com/world/2025/01/10/putin-trump-meeting-kremlin/")
        #expect(article.author == "Mary Ilyushina")
        #expect(article.outlet == nil)
    }

    @Test func summaryFirstLineAndBullets() {
        #expect(article.blocks(.lead).map(\.text) == ["President Putin is open to a meeting with President-elect Trump after the inauguration, the Kremlin stated."])
        let bullets = article.blocks(.summary).map(\.text)
        #expect(bullets.count == 5)
        #expect(bullets[0] == "Trump has also expressed a desire for a meeting to discuss the war in Ukraine.")
        #expect(bullets[4] == "Trump's advisors have proposed a peace plan involving concessions from Ukraine, which Kyiv has rejected.")
    }

    @Test func highlightsAreRepairedToo() {
        let highlights = article.blocks(.highlight).map(\.text)
        #expect(highlights.count == 4)
        #expect(highlights[1].contains("Helsinki summit with Trump in 2018, when the U.S. president expressed admiration"))
        #expect(highlights[2] == "Trump met with Putin without officials, just an interpreter.")
    }

    @Test func contentParagraphs() {
        let body = article.blocks(.body)
        #expect(body.first?.text == "The Kremlin said Friday that President Vladimir Putin is open to a meeting with President-elect Donald Trump after he is sworn in to office on Jan. 20.")
        #expect(body.first?.number == 11)
        #expect(body.first?.line == 25)
        #expect(body.contains { $0.text == "“President Putin has repeatedly stated his openness to contacts with international leaders, including the U.S. president, including Donald Trump,” Peskov said." })
        #expect(body.contains { $0.text.hasPrefix("“We see that Mr. Trump is declaring his readiness to solve problems through dialogue. We welcome that.” The Kremlin did not confirm") })
        #expect(body.last?.text.hasPrefix("Ultimately, Putin’s high hopes") == true)
        #expect(body.count == 24)
    }

    @Test func tagsInAnyOrderWithExtraWhitespace() {
        let text = "\n  < CONTENT >\nBody one.\n\nBody two.\n</CONTENT >\n<AUTHOR>  A. Writer </AUTHOR>\n<PUBLISHED_DATE> 2024-02-29 </ PUBLISHED_DATE>\n<TITLE>\n  A title\n</TITLE>\n"
        let result = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        #expect(result.problems.isEmpty)
        #expect(result.article?.title == "A title")
        #expect(result.article?.author == "A. Writer")
        #expect(result.article?.published.iso == "2024-02-29")
        #expect(result.article?.blocks.map(\.text) == ["Body one.", "Body two."])
        #expect(result.article?.blocks.map(\.line) == [3, 5])
    }

    @Test func unsafeURLIsDropped() {
        let text = "<TITLE>T</TITLE>\n<PUBLISHED_DATE>2025-01-01</PUBLISHED_DATE>\n<URL>javascript:alert(1)</URL>\n<CONTENT>\nText.\n</CONTENT>\n"
        let result = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        #expect(result.article?.url == nil)
        #expect(result.problems == [LoadProblem(line: 3, "<URL> is not an http(s) address; ignored")])
    }

    /// The tag scan as it was on characters, before it read bytes: the reference.
    static func referenceScan(_ text: String) -> [(name: String, isClosing: Bool, range: Range<String.Index>, line: Int)] {
        var tags: [(name: String, isClosing: Bool, range: Range<String.Index>, line: Int)] = []
        var line = 1
        var index = text.startIndex
        scanning: while index < text.endIndex {
            let ch = text[index]
            if ch == "\n" { line += 1 }
            if ch == "<" {
                var i = text.index(after: index)
                func skipSpaces() { while i < text.endIndex, text[i] == " " || text[i] == "\t" { i = text.index(after: i) } }
                skipSpaces()
                var closing = false
                if i < text.endIndex, text[i] == "/" { closing = true; i = text.index(after: i); skipSpaces() }
                var name = ""
                while i < text.endIndex, text[i].isASCII, text[i].isUppercase || text[i] == "_" { name.append(text[i]); i = text.index(after: i) }
                skipSpaces()
                if name.count >= 2, i < text.endIndex, text[i] == ">" {
                    tags.append((name, closing, index..<text.index(after: i), line))
                    index = text.index(after: i)
                    continue scanning
                }
            }
            index = text.index(after: index)
        }
        return tags
    }

    @Test func tagScanOnBytesMatchesTheScanOnCharacters() throws {
        // Tags, near-tags and marks that join a `<` or `>` to the next character. Line ends are LF:
        // the scan reads a `SourceText`, which has turned CR and CRLF into LF.
        let pieces = ["<", ">", "</", "< ", "TITLE", "CONTENT", "X", "_", " ", "\t", "\n", "\u{301}", "\u{200D}", "é", "日", "a", "/", "<TITLE>", "</TITLE>", "< / CONTENT >"]
        var random = IncrementalBuildTests.Random(state: 5)
        var texts = (0..<3000).map { _ in (0..<random.next(16)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.articles.path).sorted() {
            texts.append(try String(contentsOf: Fixtures.articles.appendingPathComponent(name), encoding: .utf8))
        }
        var found = 0
        for text in texts {
            let tags = Tag.scan(text)
            let reference = Self.referenceScan(text)
            #expect(tags.map(\.name) == reference.map(\.name), "\(text.debugDescription)")
            #expect(tags.map(\.isClosing) == reference.map(\.isClosing), "\(text.debugDescription)")
            #expect(tags.map(\.range) == reference.map(\.range), "\(text.debugDescription)")
            #expect(tags.map(\.line) == reference.map(\.line), "\(text.debugDescription)")
            found += tags.count
        }
        #expect(found > 1000)
        // A mark after `>` makes it another character: no tag, on bytes as on characters.
        #expect(Tag.scan("<TITLE>\u{301}").isEmpty)
        #expect(Tag.scan("<TITLE>x").map(\.name) == ["TITLE"])
    }
}

