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

    /// What a build keeps of a page for the check: its files, and only the links that need more.
    @Test func aPageKeepsItsFilesAndOnlyTheLinksThatNeedMore() {
        let html = "<a href=\"b.html#p1\">b</a><a href=\"b.html\">b</a><a href='../index.html'>i</a>"
            + "<link href=\"../assets/style.css\"><a href=\"c.html\">c</a><a href=\"#top\">t</a>"
        let links = LinkChecker.scan(html, on: "articles/a.html", files: files)
        #expect(links.targets == ["articles/b.html", "index.html", "assets/style.css", "articles/a.html"])
        #expect(links.fragments == [.init(target: 0, id: "p1")])
        #expect(links.links == [
            .init(text: "c.html", target: "articles/c.html", problem: "no file articles/c.html"),
            .init(text: "#top", target: "articles/a.html", fragment: "top"),
        ])
        // A file gone since the page was scanned (a page kept from the last build) is reported too.
        let problems = LinkChecker.verify(["articles/a.html": links, "articles/b.html": .init(ids: ["p1"], links: [])],
                                          files: files.subtracting(["assets/style.css"]))
        #expect(problems.map(\.description) == [
            "articles/a.html: broken link `../assets/style.css`: no file assets/style.css",
            "articles/a.html: broken link `c.html`: no file articles/c.html",
            "articles/a.html: broken link `#top`: no id=\"top\" in articles/a.html",
        ])
        // A link to an id kept as its target's position is written again for the message.
        #expect(LinkChecker.verify(["articles/a.html": links, "articles/b.html": .init(ids: ["p2"], links: [])], files: files)
            .map(\.description).contains("articles/a.html: broken link `b.html#p1`: no id=\"p1\" in articles/b.html"))
    }

    /// An incremental build checks again only what can have changed: a kept page is skipped only
    /// while every page it links into by id was kept too. The same whether the links are as the
    /// scan made them or as the build cache gives them back (bytes, made only when needed).
    @Test(arguments: [false, true]) func keptPagesAreCheckedAgainWhenAPageTheyLinkIntoChanged(stored: Bool) throws {
        func verify(_ pages: [String: LinkChecker.PageLinks], files: Set<String>, unchanged: Set<String> = [],
                    removed: Set<String> = [], sameIDs: Set<String>? = nil) throws -> [LinkChecker.Problem] {
            guard stored else { return LinkChecker.verify(pages, files: files, unchanged: unchanged, removed: removed, sameIDs: sameIDs) }
            return LinkChecker.verify(try Self.stored(pages), files: files, unchanged: unchanged, removed: removed, sameIDs: sameIDs)
        }
        let a = LinkChecker.scan("<a href=\"b.html#p1\">b</a><a href=\"../index.html\">i</a>", on: "articles/a.html", files: files)
        let index = LinkChecker.scan("<p id=\"top\"></p><a href=\"articles/a.html\">a</a>", on: "index.html", files: files)
        // b.html was made again and lost id p1.
        let pages = ["articles/a.html": a, "index.html": index, "articles/b.html": LinkChecker.PageLinks(ids: ["p2"], links: [])]
        let broken = ["articles/a.html: broken link `b.html#p1`: no id=\"p1\" in articles/b.html"]
        #expect(try verify(pages, files: files).map(\.description) == broken)
        #expect(try verify(pages, files: files, unchanged: ["articles/a.html", "index.html"]).map(\.description) == broken,
                "a.html was kept, but links into b.html by id, which was not")
        // Only when b.html was kept too (as the last build's check passed it) is a.html taken as checked.
        #expect(try verify(pages, files: files, unchanged: ["articles/a.html", "index.html", "articles/b.html"]).isEmpty)
        // Or when b.html was made again with the ids it had: the last build's check passed a.html against them.
        #expect(try verify(pages, files: files, unchanged: ["articles/a.html", "index.html"],
                                   sameIDs: ["articles/a.html", "index.html", "articles/b.html"]).isEmpty)
        #expect(try verify(pages, files: files, unchanged: ["articles/a.html", "index.html"],
                                   sameIDs: ["articles/a.html", "index.html"]).map(\.description) == broken)
        // A link to an id written otherwise (kept whole) counts as one too.
        let written = LinkChecker.scan("<a href=\"./b.html#p1\">b</a>", on: "articles/a.html", files: files)
        #expect(written.links.map(\.target) == ["articles/b.html"])
        #expect(try verify(["articles/a.html": written, "articles/b.html": pages["articles/b.html"]!], files: files,
                                   unchanged: ["articles/a.html"]).map(\.description)
                == ["articles/a.html: broken link `./b.html#p1`: no id=\"p1\" in articles/b.html"])
        // A kept page that leads to a file gone since the last build is checked again.
        let gone = files.subtracting(["index.html"])
        let all: Set<String> = ["articles/a.html", "index.html", "articles/b.html"]
        let kept = ["articles/a.html": a, "articles/b.html": LinkChecker.PageLinks(ids: ["p1"], links: [])]
        #expect(try verify(kept, files: gone, unchanged: all).isEmpty, "without being told what is gone, a kept page is not looked at")
        #expect(try verify(kept, files: gone, unchanged: all, removed: ["index.html"]).map(\.description)
                == ["articles/a.html: broken link `../index.html`: no file index.html"])
        #expect(try verify(kept, files: gone, unchanged: all, removed: ["assets/style.css"]).isEmpty)
    }

    /// Links written into a cache and read back, as `BuildCache.load` reads them.
    static func stored(_ pages: [String: LinkChecker.PageLinks]) throws -> [String: StoredLinks] {
        try pages.mapValues { links in
            var writer = BinaryWriter()
            links.write(to: &writer)
            var reader = BinaryReader(writer.bytes)
            return try StoredLinks(from: &reader)
        }
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
        // The root is where `relative` climbs to, a slash before a combining mark counted too.
        for page in ["index.html", "articles/a.html", "a/b/c.html", "a/\u{301}b.html", "\u{301}/x/y.html"] {
            #expect(SitePath.root(from: page) + "index.html" == SitePath.relative(from: page, to: "index.html"), "\(page)")
        }
        #expect(SitePath.root(from: "a/\u{301}b.html") == "../")
        // And back: a link as written, from its page, to a site path.
        #expect(LinkChecker.resolve("../a/./b.html", from: "x/y.html") == "a/b.html")
        #expect(LinkChecker.resolve("..//articles/b.html", from: "actors/people/x.html") == "actors/articles/b.html")
        #expect(LinkChecker.resolve("../../a.html", from: "x/y.html") == nil)
        #expect(LinkChecker.resolve(".../a.html", from: "x/y.html") == "x/.../a.html")
        #expect(LinkChecker.resolve("caf\u{E9}/..", from: "index.html") == "")
    }

    /// `resolve(_:from:)` works on bytes; its definition is on parts split at slashes, joined again.
    @Test func resolvedPathsAsTheirDefinitionSays() {
        func definition(_ link: String, from page: String) -> String? {
            var parts = page.split(separator: "/").dropLast().map { String($0) }
            for part in link.split(separator: "/") {
                if part == "." { continue }
                if part == ".." {
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                    continue
                }
                parts.append(String(part))
            }
            return parts.joined(separator: "/")
        }
        let pages = ["index.html", "articles/a.html", "actors/people/x.html", "a//b/c.html", "/lead.html", "dir/", "", "é/ü.html", "x/../y.html",
                     "a/b/c/d.html", "./a.html", "x/./y/z.html"]
        let links = ["b.html", "../b.html", "../../b.html", "../../../b.html", "./a/./b.html", "a//b", "..", ".", "", "/", "...", "..a/b..",
                     "a/../../..", "café/../naïve.html", "dates/2025-01.html", "../actors/x.html/", ".././../x", "../../x/y.html",
                     "x/.y.html", ".../..z", "../", "../.", "../x/..", "../../é/ü.html"]
        for page in pages {
            for link in links {
                #expect(LinkChecker.resolve(link, from: page) == definition(link, from: page), "\(link) from \(page)")
                // The usual links are read in one pass (`resolveUsual`); what it reads, it reads as the parts say.
                if let usual = LinkChecker.resolveUsual(link, from: page) {
                    #expect(usual == definition(link, from: page), "\(link) from \(page)")
                }
            }
        }
        #expect(LinkChecker.resolveUsual("../actors/x.html", from: "articles/a.html") == "actors/x.html")
        #expect(LinkChecker.resolveUsual("../../x/y.html", from: "a/b/c/d.html") == "a/x/y.html")
        #expect(LinkChecker.resolveUsual("b.html", from: "index.html") == "b.html")
        #expect(LinkChecker.resolveUsual("./b.html", from: "index.html") == nil)
        #expect(LinkChecker.resolveUsual("../b.html", from: "index.html") == nil)
    }

    /// The scan for a few names (`attributes(in:named:)`, the check's) visits what the scan of
    /// every attribute visits under those names, in order, with the same values.
    @Test func theScanForSomeNamesVisitsWhatTheWholeScanVisits() {
        let html = """
            <p>a = b > c</p><A HREF="x.html#p1" title="1 > 2">x</A><img src='i.png' ID = "top">
            <!-- <a href="gone.html"> --><a data-href="no.html" href=bare.html>y</a>
            <a href="q.html?a=1&amp;b=2" id=p&#39;s>z</a><a href="unclosed.html
            """
        let names = ["id", "href", "src"]
        var whole: [String] = []
        HTMLScan.attributes(in: html) { name, value in if names.contains(name) { whole.append("\(name)=\(value())") } }
        var some: [String] = []
        HTMLScan.attributes(in: html, named: names) { number, value in some.append("\(names[number])=\(value())") }
        #expect(some == whole)
        #expect(whole == ["href=x.html#p1", "src=i.png", "id=top", "href=bare.html", "href=q.html?a=1&b=2", "id=p's", "href=unclosed.html"])
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

    /// ASCII text is slugged on its bytes: the same slug as the path of every other text, which
    /// a trailing combining mark (dropped there) sends it down.
    @Test func asciiSlugsAreTheSlugsOfTheFullPath() {
        var random = IncrementalBuildTests.Random(state: 5)
        let samples = ["", "-", "__init__", "Kyiv talks: U.S. & EU", "000123_kyiv-talks-petrov-global-wire", "  A--b  ", "index", "CON"]
            + (0..<300).map { _ in String(decoding: (0..<random.next(40)).map { _ in UInt8(0x20 + random.next(95)) }, as: UTF8.self) }
        for text in samples {
            #expect(Slug.make(text) == Slug.make(text + "\u{0301}"), "\(text)")
        }
    }
}
