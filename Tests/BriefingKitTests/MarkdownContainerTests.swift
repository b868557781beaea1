import Testing
@testable import BriefingKit

/// The Render stage alone: fenced containers in templates, and the marks of noted passages.
@Suite("Fenced containers and passage marks")
struct MarkdownContainerTests {
    func render(_ template: String, highlights: [String: [Highlight]] = [:], links: [String: [InlineLink]] = [:]) -> String {
        MarkdownDocument.html(from: BlockAttributes.markLines(in: template), links: links, highlights: highlights)
    }

    func mark(_ text: String, _ occurrence: Int = 0) -> [String: [Highlight]] {
        ["p1": [Highlight(text: text, occurrence: occurrence, note: "note-n", number: 7, tag: "context")]]
    }

    @Test func aFenceWrapsTheBlocksUpToItsClose() {
        #expect(render("::: aside {#n1 .note .note-context}\n\nOne.\n\n- two\n\n:::\n\nAfter.\n")
                    == "<aside id=\"n1\" class=\"note note-context\">\n<p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n</aside>\n<p>After.</p>\n")
    }

    @Test func fencesNestAndAPlainFenceIsADiv() {
        #expect(render("::: {.outer}\n\n::: section {.inner}\n\nIn.\n\n:::\n\nOut.\n\n:::\n")
                    == "<div class=\"outer\">\n<section class=\"inner\">\n<p>In.</p>\n</section>\n<p>Out.</p>\n</div>\n")
    }

    @Test func fencesNextToTextAndUnpairedFences() {
        // No blank lines around the fences: the paragraph is still wrapped, whole.
        #expect(render("::: aside {.a}\nText.\n:::\n") == "<aside class=\"a\">\n<p>Text.</p>\n</aside>\n")
        // A closing fence with nothing open is dropped; an unclosed one runs to the end.
        #expect(render("Text.\n\n:::\n") == "<p>Text.</p>\n")
        #expect(render("::: aside {.a}\n\nText.\n\nMore.\n") == "<aside class=\"a\">\n<p>Text.</p>\n<p>More.</p>\n</aside>\n")
    }

    @Test func attributeLinesAndFencesEndingInCRLFAreRead() {
        // A template saved with Windows line ends: each line ends in \r\n, one Character to Swift.
        #expect(render("::: aside {.a}\r\n{#p1 .lead}\r\nText.\r\n\r\n- {#i1}\r\n  Item.\r\n:::\r\n")
                    == render("::: aside {.a}\n{#p1 .lead}\nText.\n\n- {#i1}\n  Item.\n:::\n"))
        #expect(render("{#p1 .lead}\r\nText.\r\n") == "<p id=\"p1\" class=\"lead\">\nText.\n</p>\n")
    }

    @Test func contentCannotOpenAFence() {
        let html = MarkdownDocument.html(from: BlockAttributes.markLines(in: "Text\n") + "\n" + MarkdownEscaping.escape("::: aside {.x}") + "\n")
        #expect(html == "<p>Text</p>\n<p>::: aside {.x}</p>\n")
    }

    @Test func aPassageIsMarkedAndNumbered() {
        #expect(render("{#p1}\nPutin said it. Putin said it again.\n", highlights: mark("Putin said it", 1))
                    == "<p id=\"p1\">\nPutin said it. <mark class=\"note-mark note-context\">Putin said it</mark><sup class=\"note-ref\"><a href=\"#note-n\" aria-label=\"Note 7\">7</a></sup> again.\n</p>\n")
    }

    @Test func aPassageAcrossEmphasisAndLineBreaksIsMarkedPieceByPiece() {
        #expect(render("{#p1}\nThe *quick*\nbrown fox.\n", highlights: mark("quick brown"))
                    == "<p id=\"p1\">\nThe <em><mark class=\"note-mark note-context\">quick</mark></em>\n<mark class=\"note-mark note-context\">brown</mark><sup class=\"note-ref\"><a href=\"#note-n\" aria-label=\"Note 7\">7</a></sup> fox.\n</p>\n")
    }

    @Test func mentionsInsideAMarkAreStillLinked() {
        let link = InlineLink(text: "Peskov", url: "../actors/dmitry-peskov.html", title: "Dmitry Peskov", cssClass: "actor")
        #expect(render("{#p1}\nSaid Peskov today.\n", highlights: mark("Said Peskov"), links: ["p1": [link]])
                    == "<p id=\"p1\">\n<mark class=\"note-mark note-context\">Said <a class=\"actor\" href=\"../actors/dmitry-peskov.html\" title=\"Dmitry Peskov\">Peskov</a></mark><sup class=\"note-ref\"><a href=\"#note-n\" aria-label=\"Note 7\">7</a></sup> today.\n</p>\n")
    }

    /// Links to one page with different titles, classes or times each open with their own tag,
    /// in whichever block they are; the same link's tag serves every text of it.
    @Test func linksToOnePageKeepTheirOwnTags() {
        let year = InlineLink(text: "2019", url: "../dates/2019.html", title: "2019", cssClass: "date", datetime: "2019")
        let range = InlineLink(text: "from 2019 to 2021", url: "../dates/2019.html", title: "2019 to 2021", cssClass: "date")
        let plan = InlineLink(text: "next year", url: "../dates/2019.html", title: "2019 (then ahead)", cssClass: "date date-plan", datetime: "2019")
        var again = year, bare = year
        again.text = "that year"
        (bare.text, bare.datetime) = ("the year", nil)
        let html = render("{#p1}\nIn 2019, from 2019 to 2021.\n\n{#p2}\nThen next year, and that year, the year.\n",
                          links: ["p1": [year, range], "p2": [plan, again, bare]])
        #expect(html == """
            <p id="p1">
            In <a class="date" href="../dates/2019.html" title="2019"><time datetime="2019">2019</time></a>, \
            <a class="date" href="../dates/2019.html" title="2019 to 2021">from 2019 to 2021</a>.
            </p>
            <p id="p2">
            Then <a class="date date-plan" href="../dates/2019.html" title="2019 (then ahead)"><time datetime="2019">next year</time></a>, \
            and <a class="date" href="../dates/2019.html" title="2019"><time datetime="2019">that year</time></a>, \
            <a class="date" href="../dates/2019.html" title="2019">the year</a>.
            </p>

            """)
    }

    @Test func aPassageThatIsNotThereMarksNothing() {
        #expect(render("{#p1}\nSomething else.\n", highlights: mark("Putin said")) == "<p id=\"p1\">\nSomething else.\n</p>\n")
        #expect(render("{#p1}\nPutin said.\n", highlights: mark("Putin said", 1)) == "<p id=\"p1\">\nPutin said.\n</p>\n")
    }
}
