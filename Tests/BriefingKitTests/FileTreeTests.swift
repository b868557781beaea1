import Foundation
import Testing
@testable import BriefingKit

/// Articles and cache files are read straight into arrays, in room made for the size `fstat`
/// gives: the bytes must be the file's whether it is empty, small, large or grows meanwhile.
@Suite("Reading files")
struct FileTreeTests {
    @Test(arguments: [0, 1, 4095, 4096, 70_000])
    func aFileIsReadWhole(_ size: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: file)
        #expect(try FileTree.read(file) == bytes)
    }

    /// A file whose size says 0 but that has bytes (as files under /proc do) is read to its end,
    /// the room grown as it fills.
    @Test func aFileLongerThanItsSizeIsReadToItsEnd() throws {
        let file = URL(fileURLWithPath: "/proc/self/cmdline")
        let expected = try Data(contentsOf: file)
        #expect(!expected.isEmpty)
        #expect(try FileTree.read(file) == Array(expected))
        let cpus = URL(fileURLWithPath: "/proc/cpuinfo")
        let read = try FileTree.read(cpus)
        #expect(read.count > 1000)
        #expect(read == Array(try Data(contentsOf: cpus)))
    }

    /// An article's id is its file's name without the extension, read on the bytes as
    /// Foundation's path methods give it: folders, several dots, a dot at the end, none, two
    /// together, non-ASCII names (a combining accent after a slash or a dot), a line end, and
    /// names starting with a dot.
    @Test func anArticlesIdIsItsFileNameWithoutTheExtension() {
        let paths = ["a.txt", "dir/a.txt", "a.b.c", "file.", "a", "a..b", "x/y/z.md", "é.txt", "dir/é.tar.gz", "a b.txt", "a.",
                     "dir.d/file", "dir.d/file.e", "a\\b.c", "a. b", "😀.md", "e\u{301}.txt", "dir/\u{301}x.txt", "a.\u{301}txt", ".x", "dir/.x", "..a", "dir/..",
                     "a/.", "a.b/", "a/b/", "", "/", "a.\r\nb", "dir/\r\n.txt"]
        for path in paths {
            #expect(ArticleLoader.id(of: path) == ((path as NSString).lastPathComponent as NSString).deletingPathExtension, "\(path)")
        }
        #expect(ArticleLoader.id(of: "articles/2025/000123_kyiv-talks.txt") == "000123_kyiv-talks")
        #expect(ArticleLoader.id(of: "a..b") == "a." && ArticleLoader.id(of: "file.") == "file")
    }

    /// Paths, ids and terms are sorted by their UTF-8 bytes: `bytesPrecede` gives the order of
    /// `utf8.lexicographicallyPrecedes` for short (inline) and long strings, prefixes, empty
    /// strings, non-ASCII text and strings that Unicode calls equal but whose bytes differ.
    /// Hidden files and editors' backups are not read: an Emacs `a.txt~` or `#a.txt#` beside an
    /// article was published as a second copy of it.
    @Test func filesNoBuildReadsAreSkipped() throws {
        #expect([".DS_Store", ".a.txt.swp", ".git", "a.txt~", "#a.txt#", "~", "#x#"].allSatisfy(FileTree.isSkipped))
        #expect(!["a.txt", "a~b.txt", "#hashtag.md", "notes#", "#", "", "a.txt.bak"].contains(where: FileTree.isSkipped))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let article = "<TITLE>Talks</TITLE>\n<PUBLISHED_DATE>2025-01-10</PUBLISHED_DATE>\n<CONTENT>\nThe talks went on.\n</CONTENT>\n"
        for name in ["a.txt", "a.txt~", "#a.txt#", ".#a.txt", "old~/b.txt", "2025/c.txt"] {
            let file = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(article.utf8).write(to: file)
        }
        #expect(FileTree.files(under: directory) == ["2025/c.txt", "a.txt"])
        let loaded = ArticleLoader.load(directory: directory, displayRoot: "Content")
        #expect(loaded.articles.map(\.id) == ["c", "a"])
        #expect(loaded.diagnostics.isEmpty)
    }

    /// A hidden file in `Content/static/` is not published, and says so; what systems and editors
    /// leave there does not.
    @Test func hiddenStaticFilesAreNotCopiedAndSaySo() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let statics = workspace.content.appendingPathComponent("static")
        for name in [".htaccess", ".well-known/security.txt", ".DS_Store", ".gitkeep", "robots.txt~", ".robots.txt.swp", ".#robots.txt", "humans.txt"] {
            let file = statics.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(name.utf8).write(to: file)
        }
        let report = try SiteBuilder.build(workspace.options(cached: false))
        #expect(report.diagnostics.filter { $0.file.contains("/static/") }.map(\.description) == [".htaccess", ".well-known"].map {
            workspace.content.path + "/static/\($0): warning: hidden files are not copied to the site; this one is not published"
        })
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("humans.txt").path))
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(".htaccess").path))
    }

    @Test func stringsAreOrderedByTheirBytes() {
        var random = IncrementalBuildTests.Random(state: 5)
        let pieces = ["", "a", "b", "ab", "abc", "é", "e\u{301}", "Z", "articles/", "articles/x.html", "ü", "😀", "\u{0}", "~"]
        var strings = pieces
        for _ in 0..<300 {
            strings.append((0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined())
        }
        var wrong: [String] = []
        for a in strings {
            for b in strings where a.bytesPrecede(b) != a.utf8.lexicographicallyPrecedes(b.utf8) {
                wrong.append(a.debugDescription + " " + b.debugDescription)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(strings.count == pieces.count + 300)
        #expect("é".bytesPrecede("e\u{301}") == false && "e\u{301}".bytesPrecede("é"), "canonically equal, different bytes")
    }
}
