import Foundation
import Testing
@testable import BriefingKit

/// Article ids, actor ids, note ids and slugs can never write outside the output directory, and
/// no two files of the site differ only by case or Unicode form (they would collide on macOS and
/// Windows file systems).
@Suite("Paths stay inside the output directory")
struct PathSafetyTests {
    static let longA = String(repeating: "a", count: 240) + "1"
    static let longB = String(repeating: "a", count: 240) + "2"

    /// File name → what the article says. Names a hostile or careless editor could give.
    static let articleNames = [
        "index.md", "Report.md", "report.md", "REPORT.md", "caf\u{E9}.md", "cafe\u{301}.md",
        "\u{FF30}eskov.md", "peskov.md", "con.md", "%2E%2E%2Fetc%2Fpasswd.md", "a\nb.md", "-.md",
        longA + ".md", longB + ".md", "sub/dir/nested.md",
    ]

    static func makeContent() throws -> URL {
        let content = try Fixtures.temporaryDirectory().appendingPathComponent("Content")
        let manager = FileManager.default
        for (number, name) in articleNames.enumerated() {
            let url = content.appendingPathComponent("articles/" + name)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "---\ntitle: Article \(number)\ndate: 2025-01-\(String(format: "%02d", number + 1))\n---\nDmitry Peskov met Index and Con on day \(number).\n"
                .write(to: url, atomically: false, encoding: .utf8)
        }
        try """
        - name: Dmitry Peskov
          aliases: [Peskov]
        - name: Index
        - name: Con
        - name: "../../etc/passwd"
        - name: Null Byte
          id: "a\\0b"
        - name: Absolute
          id: /etc/shadow
        """.write(to: content.appendingPathComponent("actors.yml"), atomically: false, encoding: .utf8)
        try manager.createDirectory(at: content.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try """
        ---
        id: ../../outside
        target:
          actor: Dmitry Peskov
        ---
        A note.

        ---
        id: "nul\\0note"
        target:
          date: 2025-01-02
        ---
        Another note.
        """.write(to: content.appendingPathComponent("notes/paths.md"), atomically: false, encoding: .utf8)
        for name in ["Logo.txt", "logo.txt", "index.html", "articles/Report-2.html", "caf\u{E9}.txt", "cafe\u{301}.txt"] {
            let url = content.appendingPathComponent("static/" + name)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try name.write(to: url, atomically: false, encoding: .utf8)
        }
        return content
    }

    static let built: Result<(output: URL, report: SiteBuilder.Report, files: [String]), Error> = Result {
        let content = try makeContent()
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("Public")
        let report = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates, output: output))
        return (output, report, FileTree.files(under: output))
    }

    /// What the loader and the writer walk: regular files only, hidden entries skipped, symbolic
    /// links neither listed nor followed, sorted by bytes.
    @Test func fileTreeListsRegularFilesAndNoLinks() throws {
        let root = try Fixtures.temporaryDirectory().appendingPathComponent("tree")
        let manager = FileManager.default
        for folder in ["sub/deep/deeper", ".hidden", "real", "Zeta"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["a.md", "sub/b.md", "sub/deep/deeper/d.md", ".h.md", ".hidden/x.md", "real/r.md", "Zeta/z.md", "caf\u{E9}.md", "B.md"] {
            try Data(file.utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("sub/link.md").path, withDestinationPath: "../a.md")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("folder-link").path, withDestinationPath: "real")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("broken.md").path, withDestinationPath: "nowhere")
        #expect(mkfifo(root.appendingPathComponent("pipe.md").path, 0o644) == 0)
        #expect(FileTree.files(under: root) == ["B.md", "Zeta/z.md", "a.md", "caf\u{E9}.md", "real/r.md", "sub/b.md", "sub/deep/deeper/d.md"])
        #expect(FileTree.files(under: root.appendingPathComponent("sub/../real")) == ["r.md"])
        #expect(FileTree.files(under: root.appendingPathComponent("folder-link")) == [], "a linked folder is not followed")
        #expect(FileTree.files(under: root.appendingPathComponent("a.md")) == [])
        #expect(FileTree.files(under: root.appendingPathComponent("missing")) == [])
    }

    @Test func unsafePathsAreRefused() {
        for path in ["../x.html", "/etc/passwd", "a/../../b.html", "a/./b.html", "a//b.html", "a\0b.html", "a\\..\\b.html",
                     "", "..", "a/.", "./a", "a/", "a/b/../c", "\\", String(repeating: "x", count: 256) + ".html"] {
            #expect(!SafePath.isSafe(path), "\(path.debugDescription)")
        }
        for path in ["index.html", "articles/a-b.html", "caf\u{E9}.txt", "...", "a/.b/..c", "\u{1F600}/x",
                     String(repeating: "x", count: 250) + ".html", String(repeating: "\u{E9}", count: 127) + "/x"] {
            #expect(SafePath.isSafe(path), "\(path)")
        }
        #expect(!SafePath.isSafe(String(repeating: "\u{E9}", count: 128)), "255 bytes a part at most, not 255 characters")
        // A combining mark after a slash makes one character of the two: split by characters, the
        // `..` before it was not a part of its own, but the file system splits at the byte.
        #expect(!SafePath.isSafe("a/../\u{301}b.html"))
        #expect(!SafePath.isSafe("../\u{301}etc/x.html"))
        #expect(SafePath.isSafe("a/..\u{301}/b.html"), "a part that is `..` and a mark is a name")
    }

    /// The folders of a site's paths, and the folders above them, each once.
    @Test func theFoldersOfPathsAreEveryPrefixUpToASlash() {
        let paths = ["a/b/c.html", "a/d.html", "x.html", "a/b/e/f.html", "caf\u{E9}/g/h.html", "a/b/c2.html"]
        #expect(StagedSite.folders(of: paths) == ["a", "a/b", "a/b/e", "caf\u{E9}", "caf\u{E9}/g"])
        #expect(StagedSite.folders(of: ["index.html"]).isEmpty)
    }

    @Test func theStagedSiteWritesNothingOutsideIt() throws {
        let directory = try Fixtures.temporaryDirectory()
        let site = try StagedSite(OutputDirectory(directory.appendingPathComponent("Public")))
        defer { site.discard() }
        for path in ["../escaped.html", "/tmp/escaped-\(UUID().uuidString).html", "a/../../escaped.html", "x\0.html"] {
            #expect(throws: BuildError.self) { try site.write(Array("x".utf8), at: path) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("escaped.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).map { $0.hasPrefix(".Public.staging-") } == [true])
    }

    @Test func slugsAreSafeAndNeverReserved() {
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("a\0b") == "a-b")
        #expect(Slug.make("Index") == "index-1")
        #expect(Slug.make("NUL") == "nul-1")
        #expect(Slug.make("com7") == "com7-1")
        #expect(Slug.make("\u{FF30}eskov") == "peskov")  // full-width P
        #expect(Slug.make("caf\u{E9}") == Slug.make("cafe\u{301}"))
        #expect(Slug.make("\u{2024}\u{2024}/") == "item")  // one-dot leaders look like ".."
        let long = Slug.make(Self.longA), other = Slug.make(Self.longB)
        #expect(long.utf8.count == Slug.maximumLength && other.utf8.count == Slug.maximumLength && long != other)
    }

    /// `Slug.make` skips the transliteration for ASCII text: it must be what ICU's transliteration
    /// and decomposition make of it, every ASCII character alone and in random runs.
    @Test func asciiIsItsOwnLatinFolding() {
        for value in UInt8(0)..<0x80 {
            let text = String(decoding: [value], as: UTF8.self)
            #expect(Slug.latinFolded(text) == text, "\(value)")
        }
        var random = IncrementalBuildTests.Random(state: 11)
        for _ in 0..<500 {
            let text = String(decoding: (0..<(1 + random.next(40))).map { _ in UInt8(random.next(128)) }, as: UTF8.self)
            #expect(Slug.latinFolded(text) == text)
        }
        #expect(Slug.latinFolded("Śmigły") == "Smigly")
    }

    @Test func hostileNamesGetDistinctSafePages() throws {
        let files = try Self.built.get().files
        let checksumA = String(Slug.fnv1a(Self.longA) & 0xFFFF_FFFF, radix: 16), checksumB = String(Slug.fnv1a(Self.longB) & 0xFFFF_FFFF, radix: 16)
        let prefix = String(repeating: "a", count: Slug.maximumLength - 9)
        #expect(files.filter { $0.hasPrefix("articles/") } == [
            "articles/2e-2e-2fetc-2fpasswd.html", "articles/a-b.html",
            "articles/\(prefix)-\(checksumA).html", "articles/\(prefix)-\(checksumB).html",
            "articles/cafe.html", "articles/con-1.html", "articles/index-1.html", "articles/item.html", "articles/nested.html",
            "articles/peskov-2.html", "articles/peskov.html", "articles/report-2.html", "articles/report-3.html", "articles/report.html",
        ])
        #expect(files.filter { $0.hasPrefix("actors/") } == ["actors/con-1.html", "actors/dmitry-peskov.html", "actors/index-1.html", "actors/index.html"])
    }

    @Test func noTwoFilesCollideOnACaseInsensitiveFileSystem() throws {
        let built = try Self.built.get()
        let folded = built.files.map(SiteWriter.foldedPath)
        #expect(Set(folded).count == built.files.count)
        #expect(built.files.contains("Logo.txt") && !built.files.contains("logo.txt"))
        #expect(built.files.filter { $0.hasPrefix("caf") }.map { Array($0.utf8) } == [Array("cafe\u{301}.txt".utf8)])
        let warnings = built.report.diagnostics.filter { $0.file.contains("/static/") }.map { "\($0.file.split(separator: "/static/").last!): \($0.message)" }
        // (Swift compares strings by canonical equivalence; the bytes above tell the two forms apart.)
        #expect(warnings == [
            "articles/Report-2.html: differs from `articles/report-2.html` only by case or Unicode form: on a case-insensitive file system one would replace the other; not copied",
            "caf\u{E9}.txt: differs from `cafe\u{301}.txt` only by case or Unicode form: on a case-insensitive file system one would replace the other; not copied",
            "index.html: would overwrite a generated file; not copied",
            "logo.txt: differs from `Logo.txt` only by case or Unicode form: on a case-insensitive file system one would replace the other; not copied",
        ])
    }

    @Test func everyGeneratedPathIsPlainASCIIAndNothingIsWrittenBesideIt() throws {
        let built = try Self.built.get()
        for path in built.files {
            #expect(SafePath.isSafe(path))
            if !path.hasPrefix("caf") && !path.hasSuffix(".txt") { #expect(path.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(path)") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: built.output.deletingLastPathComponent().path) == ["Public"])
    }

    @Test func idsThatDifferOnlyByUnicodeFormAreOneIdWithAWarning() throws {
        let built = try Self.built.get()
        let messages = built.report.diagnostics.filter { $0.file.hasSuffix("articles/cafe\u{301}.md") }.map(\.message)
        #expect(messages.count == 1 && messages[0].hasPrefix("article id `cafe\u{301}` is already used by") && messages[0].hasSuffix("(the same name in another Unicode form); this file is skipped"))
    }
}
