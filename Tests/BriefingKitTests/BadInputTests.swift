import Foundation
import Testing
@testable import BriefingKit

@Suite("Bad input: one warning with file and line, the other articles go on")
struct BadInputTests {
    let result = ArticleLoader.load(directory: Fixtures.bad, displayRoot: "Bad")

    func warning(for file: String) -> [String] {
        result.diagnostics.filter { $0.file == "Bad/articles/\(file)" }.map(\.description)
    }

    @Test func goodArticleStillLoads() {
        #expect(result.articles.map(\.id) == ["good", "unclosed-tag"])
    }

    @Test func emptyFile() {
        #expect(warning(for: "empty.txt") == ["Bad/articles/empty.txt: warning: empty file"])
    }

    @Test func unknownFormat() {
        #expect(warning(for: "unknown.txt") == ["Bad/articles/unknown.txt:1: warning: unknown format: expected a ` date YYYY-MM-DD` line, `<TITLE>`-style tags, or `---` YAML front matter"])
    }

    @Test func missingDate() {
        #expect(warning(for: "missing-date.txt") == ["Bad/articles/missing-date.txt: warning: missing <PUBLISHED_DATE> tag; the article is skipped"])
    }

    @Test func impossibleDateDoesNotRollOver() {
        #expect(warning(for: "impossible-date.txt") == ["Bad/articles/impossible-date.txt:1: warning: impossible or malformed date `2025-02-30`; expected YYYY-MM-DD"])
        #expect(CalendarDay(iso: "2025-02-30") == nil)
        #expect(CalendarDay(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CalendarDay(iso: "2025-13-01") == nil)
        #expect(CalendarDay(iso: "2025-1-01") == nil)
    }

    @Test func unclosedTagIsReportedAndRecovered() {
        #expect(warning(for: "unclosed-tag.txt") == ["Bad/articles/unclosed-tag.txt:3: warning: unclosed <SUMMARY> tag"])
        // Nothing is lost: the unclosed summary runs to the next tag, and the content is still read.
        let article = result.articles.first { $0.id == "unclosed-tag" }
        #expect(article?.blocks.map(\.text) == ["A first line.", "a bullet", "The body text."])
        #expect(article?.blocks.map(\.role) == [.lead, .summary, .body])
    }

    @Test func invalidUTF8NamesTheLine() {
        #expect(warning(for: "invalid-utf8.txt") == ["Bad/articles/invalid-utf8.txt:3: warning: invalid UTF-8; save the file as UTF-8"])
    }

    @Test func binaryFile() {
        #expect(warning(for: "binary.png") == ["Bad/articles/binary.png:3: warning: binary file (contains a NUL byte), not an article"])
    }

    @Test func missingClosingTagOfContent() {
        let text = "<TITLE>T</TITLE>\n<PUBLISHED_DATE>2025-01-01</PUBLISHED_DATE>\n<CONTENT>\nText one.\n\nText two.\n"
        let read = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        #expect(read.problems == [LoadProblem(line: 3, "unclosed <CONTENT> tag")])
        #expect(read.article?.blocks.map(\.text) == ["Text one.", "Text two."])
    }

    @Test func textOutsideTheTagsIsReportedWithItsLine() {
        let text = """
            <DOC>
            <TITLE>T</TITLE>
            A stray line between two tags.
            <PUBLISHED_DATE>2025-01-01</PUBLISHED_DATE>
            <CONTENT>
            Text one.
            </CONTENT>

            A paragraph written after the content, where no reader looks for it, and then some more.

            More of it.
            </DOC>

            """
        let read = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        #expect(read.problems == [
            LoadProblem(line: 1, "unknown tag <DOC> ignored"),
            LoadProblem(line: 3, "text outside the tags ignored: `A stray line between two tags.`; put it inside <CONTENT> to keep it"),
            LoadProblem(line: 9, "text outside the tags ignored: `A paragraph written after the content, w…`; put it inside <CONTENT> to keep it"),
        ])
        #expect(read.article?.blocks.map(\.text) == ["Text one."])
    }

    @Test func whiteSpaceAndUnknownTagsOutsideTheTagsAreNotText() {
        let text = "  \n<DOC>\n\t<TITLE>T</TITLE> </DOC>\n<PUBLISHED_DATE>2025-01-01</PUBLISHED_DATE>\n\n<CONTENT>\nText.\n</CONTENT>\n\n \n"
        let read = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        #expect(read.problems == [LoadProblem(line: 2, "unknown tag <DOC> ignored")])
        let unclosed = "<TITLE>T</TITLE>\n<PUBLISHED_DATE>2025-01-01</PUBLISHED_DATE>\n<SUMMARY>\nLead.\n<CONTENT>\nText.\n</CONTENT>\nafter\n"
        #expect(ArticleLoader.read(bytes: Array(unclosed.utf8), id: "x", sourceFile: "articles/x.txt").problems == [
            LoadProblem(line: 3, "unclosed <SUMMARY> tag"),
            LoadProblem(line: 8, "text outside the tags ignored: `after`; put it inside <CONTENT> to keep it"),
        ])
    }

    @Test func controlCharactersFromTheInputArePrintedEscaped() {
        let text = "<TITLE>T</TITLE>\n<PUBLISHED_DATE>2025-01-0\u{1B}[2J1</PUBLISHED_DATE>\n<CONTENT>\nText.\n</CONTENT>\n"
        let read = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.txt")
        let problem = try! #require(read.problems.first)
        let diagnostic = Diagnostic(file: "articles/\u{1B}]8;;http://x\u{07}x\u{202E}txt.md", line: problem.line, problem.message)
        #expect(diagnostic.description == "articles/\\u{1B}]8;;http://x\\u{7}x\\u{202E}txt.md:2: warning: impossible or malformed date `2025-01-0\\u{1B}[2J1` in <PUBLISHED_DATE>; expected YYYY-MM-DD")
        let error = BuildError(.check, file: "a\tb", "2 broken links:\n  x.html: `\u{9B}31m`\n  y.html")
        #expect(error.description == "a\\u{9}b: error: 2 broken links:\n  x.html: `\\u{9B}31m`\n  y.html [check]")
    }
}
