import Testing
@testable import BriefingKit

/// The lists of paragraphs on actor, date and month pages (`ParagraphList`).
@Suite("Paragraph lists")
struct ParagraphListTests {
    /// An article's paragraphs by number give the links and the Markdown that the general
    /// list of links gives: each paragraph's link is the article's with its anchor, escaped as
    /// `MarkdownFragment(links:separator:)` escapes it, whatever the article's link holds.
    @Test func paragraphsByNumberAreTheLinksOfTheGeneralList() {
        let bases = ["../articles/a.html", "a (b)_*.html", "\\[x].html", "x  y.html", "ž-ł.html", "#", ""]
        let numberLists = [[], [3], [0, 1, 2], [12, 7, 100_000], [-1, 4]]
        for base in bases {
            for numbers in numberLists {
                let article = DatedLink(title: "T", url: base, date: "1 May 2024", dateISO: "2024-05-01")
                let links = numbers.map { ParagraphLink(number: $0, url: base + "#" + TextBlock.anchor($0)) }
                let general = MarkdownFragment(links: links.map { (String($0.number), $0.url) }, separator: ", ")
                let byNumber = ArticleParagraphs(article: article, numbers: numbers)
                #expect(byNumber.paragraphLinks == general, "\(base) \(numbers)")
                #expect(byNumber.paragraphs.map(\.url) == links.map(\.url))
                #expect(byNumber.paragraphs.map(\.number) == numbers)
            }
        }
        let one = ArticleParagraphs(article: DatedLink(title: "T", url: "../articles/a b.html", date: "", dateISO: ""), numbers: [0, 3])
        #expect(one.paragraphLinks.markdown == ##"[0](\.\.\/articles\/a b\.html\#title), [3](\.\.\/articles\/a b\.html\#p3)"##)
    }

    /// Grouped by article in the order given, each paragraph once, the counts of every pair;
    /// an article the graph does not hold is left out.
    @Test func groupingKeepsTheOrderAndEachParagraphOnce() {
        let index = ScaleTests.plan.index
        let (a, b) = (index.graph.articles[0].id, index.graph.articles[1].id)
        let list = ParagraphList.grouping([(a, 3), (a, 1), (a, 3), ("no-such-article", 2), (b, 2), (a, 5)],
                                          from: "actors/x.html", index: index)
        #expect(list.articles.map(\.article.url) == [index.articlePath(a), index.articlePath(b), index.articlePath(a)]
            .map { SitePath.relative(from: "actors/x.html", to: $0) })
        #expect(list.articles.map { $0.paragraphs.map(\.number) } == [[3, 1], [2], [5]])
        #expect(list.summary == "6 more mentions in 3 articles, by paragraph:")
    }
}
