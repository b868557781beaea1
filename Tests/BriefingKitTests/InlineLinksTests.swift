import Testing
@testable import BriefingKit

/// The links on an article page's text (`ArticlePages.inlineLinks`): each actor's first mention
/// in each block, every date on the timeline, in text order, the first of two that overlap.
@Suite("Links on an article's text")
struct InlineLinksTests {
    @Test func firstMentionPerBlockAndEveryDateInTextOrder() throws {
        let paragraphs = [
            "President Volodymyr Zelenskyy met Foreign Minister Sergei Lavrov on 5 March 2024, and Zelenskyy spoke again on 5 March 2024.",
            "Lavrov left on 9 May 2024. Zelenskyy stayed until 1 June 2025.",
        ]
        let blocks = paragraphs.enumerated().map { TextBlock(number: $0 + 1, role: .body, text: $1, line: $0 + 1) }
        let article = Article(id: "a", sourceFile: "articles/a.txt", format: .tagged, title: "Talks",
                              published: CalendarDay(year: 2025, month: 1, day: 10)!, blocks: blocks)
        let index = GraphIndex(Linker.link(articles: [article], gazetteer: Gazetteer(), settings: SiteSettings()))
        let path = index.articlePath("a")
        let links = ArticlePages.inlineLinks(Array(index.mentionsByArticle["a"]), dates: Array(index.datesByArticle["a"]), index: index, from: path)
        #expect(links.keys.sorted() == ["p1", "p2"])
        #expect(links["p1"]?.map(\.text) == ["Volodymyr Zelenskyy", "Sergei Lavrov", "5 March 2024", "5 March 2024"])
        #expect(links["p2"]?.map(\.text) == ["Lavrov", "9 May 2024", "Zelenskyy", "1 June 2025"])
        let zelenskyy = try #require(links["p1"]?.first), date = try #require(links["p1"]?[2])
        #expect(zelenskyy.url == "../actors/volodymyr-zelenskyy.html" && zelenskyy.title == "Volodymyr Zelenskyy (person)")
        #expect(zelenskyy.cssClass == "actor actor-person" && zelenskyy.datetime == nil)
        #expect(date.url == "../dates/2024-03-05.html" && date.title == "5 March 2024" && date.datetime == "2024-03-05")
        #expect(date.cssClass == "date")
        // The same link everywhere but for its text.
        #expect(links["p2"]?[2].url == zelenskyy.url && links["p2"]?[2].title == zelenskyy.title)
        #expect(links["p2"]?[3].cssClass == "date date-plan" && links["p2"]?[3].title == "1 June 2025 (then ahead)")
    }
}
