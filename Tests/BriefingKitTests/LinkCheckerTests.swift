import Testing
@testable import BriefingKit

@Suite("Link check")
struct LinkCheckerTests {
    let files: Set<String> = ["index.html", "articles/a.html", "articles/b.html", "assets/style.css"]

    func problems(_ html: String, on page: String = "articles/a.html") -> [String] {
        var pages = ["index.html": "<p id=\"top\"></p>", "articles/b.html": "<p id=\"p1\">x</p>", "articles/a.html": ""]
        pages[page] = html
        return LinkChecker.check(pages: pages, files: files).map(\.description)
    }

    @Test func goodLinksPass() {
        #expect(problems("<a href=\"b.html#p1\">b</a><a href=\"../index.html#top\">i</a><link href=\"../assets/style.css\"><a href=\"https://example.com/x\">e</a><a href=\"mailto:a@b\">m</a><a href=\"#here\" id=\"here\">s</a>").isEmpty)
    }

    @Test func missingFileFragmentAndAbsolutePathsFail() {
        #expect(problems("<a href=\"c.html\">c</a>") == ["articles/a.html: broken link `c.html`: no file articles/c.html"])
        #expect(problems("<a href='b.html#p9'>b</a>") == ["articles/a.html: broken link `b.html#p9`: no id=\"p9\" in articles/b.html"])
        #expect(problems("<img src=\"/assets/x.png\">") == ["articles/a.html: broken link `/assets/x.png`: absolute path; it breaks under a sub-path and over file://"])
        #expect(problems("<a href=\"../../x.html\">x</a>") == ["articles/a.html: broken link `../../x.html`: points outside the site"])
    }

    @Test func linksInCommentsAreIgnored() {
        #expect(problems("<!-- <a href=\"gone.html\"> -->").isEmpty)
    }

    @Test func relativePaths() {
        #expect(SitePath.relative(from: "articles/a.html", to: "articles/b.html") == "b.html")
        #expect(SitePath.relative(from: "articles/a.html", to: "index.html") == "../index.html")
        #expect(SitePath.relative(from: "index.html", to: "articles/b.html", fragment: "p2") == "articles/b.html#p2")
        #expect(SitePath.relative(from: "actors/people/x.html", to: "articles/b.html") == "../../articles/b.html")
        #expect(SitePath.root(from: "articles/a.html") == "../")
    }

    @Test func slugsAreASCIIUniqueAndCaseSafe() {
        #expect(Slug.make("Śmigły-Rydz Édouard") == "smigly-rydz-edouard")
        #expect(Slug.make("Зеленський") == "zelens-kij")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        let slugs = Slug.unique([(key: "A", text: "Report"), (key: "b", text: "report"), (key: "c", text: "RÉPORT")])
        #expect(slugs == ["A": "report", "b": "report-2", "c": "report-3"])
        #expect(Slug.make(String(repeating: "x", count: 300)).count == Slug.maximumLength)
        #expect(!SafePath.isSafe("../x.html"))
        #expect(!SafePath.isSafe("/etc/x.html"))
        #expect(!SafePath.isSafe("a/\0.html"))
        #expect(SafePath.isSafe("articles/x.html"))
    }
}
