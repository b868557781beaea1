import Testing
@testable import BriefingKit

@Suite("Markdown with YAML front matter")
struct MarkdownReaderTests {
    @Test func frontMatterFields() throws {
        let article = try Fixtures.article("010_kellogg-plan.md")
        #expect(article.format == .markdown)
        #expect(article.title == "Kellogg's *plan* for [Ukraine] <b>talks</b>")
        #expect(article.published.iso == "2025-01-12")
        #expect(article.outlet == Outlet(name: "The Example Times", description: "a fictional daily newspaper"))
        #expect(article.url == "https://example.com/kellogg%20plan")
        #expect(article.author == "Jane Q. Doe")
        #expect(article.blocks(.summary).map(\.text) == ["Kellogg's plan calls for a ceasefire along the current line.", "Kyiv has rejected ceding territory."])
    }

    @Test func bodyBlocksKeepMarkdownAndFencesStayWhole() throws {
        let body = try Fixtures.article("010_kellogg-plan.md").blocks(.body)
        #expect(body.allSatisfy { $0.isMarkdown })
        #expect(body[0].text == "Special envoy Keith Kellogg said on Sunday that his plan would freeze the front line, according to officials in the U.S. administration who spoke on condition of anonymity.")
        #expect(body[0].line == 11)
        #expect(body[1].text == "The plan has **three** parts:")
        #expect(body[2].text == "- a ceasefire;\n- talks in Riyadh;\n- security guarantees.")
        #expect(body[3].text == "```\ncode that stays whole\n\nacross a blank line\n```")
        #expect(body.count == 5)
    }

    @Test func unknownFieldsAreReportedWithTheirLine() {
        let text = "---\ntitle: Talks resume\ndate: 2025-01-12\nsumary: A misspelt summary.\ndraft: true\n---\nBody.\n"
        let result = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.md")
        #expect(result.problems == [
            LoadProblem(line: 4, "unknown front matter field `sumary` ignored; expected one of title, date, source, url, author, summary"),
            LoadProblem(line: 5, "unknown front matter field `draft` ignored; expected one of title, date, source, url, author, summary"),
        ])
        #expect(result.article?.blocks.map(\.text) == ["Body."])
        // A field reported before the article is skipped is still reported.
        let undated = "---\ntitle: T\ndat: 2025-01-12\n---\nBody.\n"
        #expect(ArticleLoader.read(bytes: Array(undated.utf8), id: "x", sourceFile: "articles/x.md").problems == [
            LoadProblem(line: 3, "unknown front matter field `dat` ignored; expected one of title, date, source, url, author, summary"),
            LoadProblem(line: 1, "missing `date` in front matter; the article is skipped"),
        ])
    }

    @Test func aListOrAMappingWhereTextBelongsIsReported() {
        let text = """
            ---
            title: Talks
            date: 2025-01-01
            author: [Jane Doe, John Smith]
            source:
              name: Reuters
            summary:
              - A first point.
              - [nested, list]
              - A last point.
            ---
            Body.

            """
        let result = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.md")
        #expect(result.problems == [
            LoadProblem(line: 4, "`author` must be a single line of text; ignored"),
            LoadProblem(line: 5, "`source` must be a single line of text; ignored"),
            LoadProblem(line: 9, "a `summary` item must be a single line of text; ignored"),
        ])
        #expect(result.article?.author == nil)
        #expect(result.article?.blocks(.summary).map(\.text) == ["A first point.", "A last point."])
        let mapping = "---\ntitle: T\ndate: 2025-01-01\nsummary:\n  first: a\n---\nBody.\n"
        #expect(ArticleLoader.read(bytes: Array(mapping.utf8), id: "x", sourceFile: "articles/x.md").problems == [
            LoadProblem(line: 4, "`summary` must be one line of text or a list of them; ignored"),
        ])
    }

    @Test func badYAMLNamesTheLine() {
        let text = "---\ntitle: ok\ndate: [unclosed\n---\nBody.\n"
        let result = ArticleLoader.read(bytes: Array(text.utf8), id: "x", sourceFile: "articles/x.md")
        #expect(result.article == nil)
        #expect(result.problems.first?.message.hasPrefix("invalid YAML front matter") == true)
        #expect(result.problems.first?.line == 4)
    }
}
