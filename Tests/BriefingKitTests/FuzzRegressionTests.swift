import Foundation
import Testing
@testable import BriefingKit

/// Inputs that made a fuzz target (`make fuzz`, `Fuzz/`) crash or break a property, kept in
/// `Tests/Fixtures/fuzz-regressions/<target>/`. Each runs through the code its target runs and is
/// checked against the same property; the values the fixes give are checked too.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = Fixtures.root.appendingPathComponent("fuzz-regressions")

    static func inputs(_ target: String) -> [String] {
        FileTree.files(under: root.appendingPathComponent(target)).map { target + "/" + $0 }
    }

    static func bytes(_ input: String) throws -> [UInt8] {
        try FileTree.read(root.appendingPathComponent(input))
    }

    static func text(_ input: String) throws -> String {
        String(decoding: try bytes(input), as: UTF8.self)
    }

    // MARK: temporal-resolver

    @Test(arguments: inputs("temporal-resolver"))
    func datesLieInTheirTextAndOnTheCalendar(_ input: String) throws {
        let lines = try Self.text(input).split(separator: "\n", maxSplits: 1)
        let dct = try #require(CalendarDay(iso: lines[0]))
        var resolver = TemporalResolver(dct: dct)
        var count = 0
        for paragraph in lines[1].split(separator: "\n\n").map(String.init) {
            let bytes = Array(paragraph.utf8)
            for reference in resolver.resolve(paragraph) {
                count += 1
                let range = reference.offset..<(reference.offset + reference.text.utf8.count)
                #expect(range.upperBound <= bytes.count && bytes[range].elementsEqual(reference.text.utf8))
                if reference.granularity == .day { #expect(CalendarDay(iso: reference.value) != nil, "\(reference)") }
                for point in reference.points { #expect(TimexValue.start(point) != nil, "\(reference)") }
            }
        }
        #expect(count > 0)
    }

    @Test func relativeDatesStopAtTheEndsOfTheCalendar() {
        let last = CalendarDay(year: 9999, month: 12, day: 31)!
        #expect(TemporalResolver.resolve("tomorrow", dct: last).isEmpty)
        #expect(TemporalResolver.resolve("next week", dct: last).isEmpty)
        #expect(TemporalResolver.resolve("the weekend", dct: last).isEmpty)
        #expect(TemporalResolver.resolve("yesterday", dct: last).map(\.value) == ["9999-12-30"])
        #expect(TemporalResolver.resolve("last week", dct: last).map(\.value) == ["9999-W51"])
        let first = CalendarDay(year: 1, month: 1, day: 1)!
        #expect(TemporalResolver.resolve("yesterday", dct: first).isEmpty)
        #expect(TemporalResolver.resolve("999 weeks ago", dct: first).isEmpty)
        #expect(TemporalResolver.resolve("today", dct: first).map(\.value) == ["0001-01-01"])
    }

    @Test func yearsBefore1000KeepFourDigits() {
        let dct = CalendarDay(year: 1000, month: 6, day: 15)!
        let found = TemporalResolver.resolve("Two years ago, last year and next spring.", dct: dct)
        #expect(found.map(\.value) == ["0998", "0999", "1001-SP"])
        #expect(TimexValue.start("0998") == CalendarDay(year: 998, month: 1, day: 1))
    }

    /// Values the resolver never makes, as a damaged article cache may hold them (`article-memo`):
    /// no day, not a week or quarter multiplied past the largest number.
    @Test func weeksAndQuartersOutOfTheirRangesAreNoDay() {
        #expect(TimexValue.start("2020-W53") == CalendarDay(year: 2020, month: 12, day: 28))
        #expect(TimexValue.start("2024-Q4") == CalendarDay(year: 2024, month: 10, day: 1))
        for value in ["2024-W0", "2024-W54", "2024-W-3", "2024-W\(Int.max)", "2024-Q0", "2024-Q5", "2024-Q\(Int.max / 3 + 2)", "2024-Q\(Int.min)"] {
            #expect(TimexValue.start(value) == nil, "\(value)")
        }
    }

    // MARK: paragraph-repair

    @Test(arguments: inputs("paragraph-repair"))
    func repairChangesOnlyWhiteSpaceAndIsIdempotent(_ input: String) throws {
        for paragraph in try Self.text(input).split(separator: "\n\n", omittingEmptySubsequences: false) {
            let clean = ParagraphRepair.clean(paragraph)
            #expect(clean.unicodeScalars.filter { !$0.properties.isWhitespace } == paragraph.unicodeScalars.filter { !$0.properties.isWhitespace })
            #expect(ParagraphRepair.clean(clean) == clean)
            #expect(!clean.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " })
        }
    }

    @Test func combiningMarkAfterWhiteSpaceIsKept() {
        #expect(ParagraphRepair.clean("a line\n\u{07EB} mark") == "a line \u{07EB} mark")
        #expect(ParagraphRepair.clean("\u{2003}\u{301} accent") == "\u{301} accent")
    }

    // MARK: dateline-reader

    @Test(arguments: inputs("dateline-reader"))
    func datelineWithoutTextIsSkipped(_ input: String) throws {
        let result = ArticleLoader.read(bytes: try Self.bytes(input), id: "x", sourceFile: "articles/x.txt")
        #expect(result.article == nil)
        #expect(result.problems.last == LoadProblem(line: 1, "no text after the date; the article is skipped"))
    }

    // MARK: markdown-reader

    @Test(arguments: inputs("markdown-reader"))
    func problemsNameALineOfTheFile(_ input: String) throws {
        let bytes = try Self.bytes(input)
        let lines = try SourceText(path: input, bytes: bytes).lines.count
        let result = ArticleLoader.read(bytes: bytes, id: "x", sourceFile: "articles/x.md")
        #expect(!result.problems.isEmpty)
        for problem in result.problems { #expect((1...lines).contains(problem.line ?? 1), "\(problem)") }
    }

    /// "\r\r\n" is two line ends, as in an editor and in libyaml; replacing strings (which works
    /// on characters) left a CRLF and counted one.
    @Test func carriageReturnBeforeCRLFIsTwoLineEnds() throws {
        #expect(try SourceText(path: "x", bytes: Array("a\r\r\nb\rc\r\nd\n".utf8)).lines == ["a", "", "b", "c", "d", ""])
    }

    @Test func noTextAfterFrontMatterPointsAtItsEnd() {
        let result = ArticleLoader.read(bytes: Array("---\ntitle: T\ndate: 2025-01-12\n---".utf8), id: "x", sourceFile: "articles/x.md")
        #expect(result.article == nil)
        #expect(result.problems == [LoadProblem(line: 4, "no text after the front matter; the article is skipped")])
    }

    // MARK: gazetteer

    @Test func yamlErrorAtTheEndNamesTheLastLine() throws {
        let text = try Self.text("gazetteer/yaml-error-past-the-last-line.yml")
        let (_, diagnostics) = Gazetteer.parse(text, displayPath: "actors.yml")
        #expect(diagnostics.map(\.line) == [3])  // the file's last line, not the one after it
        #expect(diagnostics.map(\.message) == ["invalid YAML: could not find expected ':'"])
    }

    /// A lone CR is a line end for libyaml and for `SourceText`, so lines agree: the unknown field
    /// is on the last line, 16, as an editor shows it (the fuzzer counted 15, and was told 16).
    @Test func carriageReturnsCountAsLineEnds() throws {
        let text = try Self.text("gazetteer/carriage-return-in-a-value.yml")
        let (_, diagnostics) = Gazetteer.parse(text, displayPath: "actors.yml")
        #expect(diagnostics.filter { $0.message.hasPrefix("unknown field `na r-t-oles") }.map(\.line) == [16], "\(diagnostics)")
        #expect(YAMLText.prepared("a\r\nb\rc\u{2028}d\u{85}e\u{2029}f\r\r\n") == "a\nb\nc d e f\n\n")
    }

    /// `---` with nothing after it is an empty document; libyaml puts it on the line after the
    /// last (4 of 3 here), so the warning that it is not a list named a line past the end.
    @Test func emptyDocumentAtTheEndNamesTheLastLine() throws {
        let text = try Self.text("gazetteer/empty-document-after-carriage-returns.yml")
        #expect(text == "\r\r---")
        let (gazetteer, diagnostics) = Gazetteer.parse(text, displayPath: "actors.yml")
        #expect(gazetteer.entries.isEmpty)
        #expect(diagnostics.map(\.description) == ["actors.yml:3: warning: expected a list of actors (`- name: …`)"])
    }

    @Test func settingsWarningStaysInTheFile() throws {
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("briefing.yml")
        try "title: T\nlanguage".write(to: file, atomically: true, encoding: .utf8)
        let (_, diagnostics) = SiteSettings.load(file, displayPath: "briefing.yml")
        #expect(diagnostics.map(\.description) == ["briefing.yml:2: warning: invalid YAML: could not find expected ':'"])
    }

    // MARK: build-cache, article-memo, naming-table, unchanged-record

    /// A cache fuzz target's seeds (`Fuzz/Corpus/<target>/`), each read whole; a seed not read is
    /// an expectation failed (and nil).
    static func seeds<T>(_ target: String, read: (inout BinaryReader) throws -> T) throws -> [T?] {
        let folder = Fixtures.repository.appendingPathComponent("Fuzz/Corpus/" + target)
        return try FileTree.files(under: folder).map { name in
            var reader = BinaryReader(try FileTree.read(folder.appendingPathComponent(name)))
            let value = try? read(&reader)
            #expect(value != nil && reader.isAtEnd, "\(target)/\(name): not read; make the seeds again with scripts/fuzz-cache-seeds.py")
            return value
        }
    }

    /// The seeds the build-cache target starts from are caches this version reads, with pages,
    /// frames, links to ids and related articles: seeds it refused would leave the fuzzer at the first bytes.
    @Test func buildCacheSeedsAreReadAsCaches() throws {
        var pages = 0, frames = 0, fragments = 0, parts = 0, related = 0
        for cache in try Self.seeds("build-cache", read: BuildCache.init(from:)) {
            if let lists = cache?.related, lists.fits(articleCount: lists.count) { related += lists.lists.joined().count }
            for entry in cache?.entries.values.map({ $0 }) ?? [] {
                pages += 1
                if entry.frame != nil { frames += 1 }
                fragments += entry.links.page.fragments.count
            }
            parts += cache?.files.values.map(\.parts.count).reduce(0, +) ?? 0
        }
        #expect(pages >= 3 && frames >= 2 && fragments >= 1 && parts >= 1 && related >= 2,
                "\(pages) pages, \(frames) frames, \(fragments) links to ids, \(parts) parts, \(related) related articles")
    }

    /// … and the article-memo target's are memo shards, with articles and their facts.
    @Test func articleMemoSeedsAreReadAsShards() throws {
        var files = 0, facts = 0, mentions = 0, dates = 0
        for memo in try Self.seeds("article-memo", read: ArticleMemo.init(from:)) {
            files += memo?.files.count ?? 0
            facts += memo?.facts.count ?? 0
            mentions += memo?.facts.map(\.mentions.count).reduce(0, +) ?? 0
            dates += memo?.facts.map(\.dates.count).reduce(0, +) ?? 0
        }
        #expect(files >= 2 && facts >= 2 && mentions >= 10 && dates >= 2, "\(files) files, \(facts) facts, \(mentions) mentions, \(dates) dates")
    }

    /// … and the naming-table target's, a memo's table of names.
    @Test func namingTableSeedIsReadAsATable() throws {
        let tables = try Self.seeds("naming-table", read: NamingTable.init(from:))
        #expect(tables.count == 1)
        #expect(tables.allSatisfy { ($0?.names.count ?? 0) >= 10 && ($0?.surnames.count ?? 0) >= 3 })
    }

    /// … and the unchanged-record target's, records of a build with nothing to do: files trusted
    /// by their stamps, an article recorded too new (read by every build), folders without digests.
    @Test func unchangedRecordSeedsAreReadAsRecords() throws {
        let records = try Self.seeds("unchanged-record", read: UnchangedBuild.decode)
        let files = records.compactMap { $0 }.flatMap(\.inputFiles)
        #expect(records.count == 2)
        #expect(files.filter { $0.bytes != nil && $0.settled }.count >= 10)
        #expect(files.contains { $0.bytes != nil && !$0.settled })
        #expect(files.contains { $0.bytes == nil })
    }

    /// A cache whose frames' segment lengths add up past the largest number: read, and the frame
    /// asked for (as a build after a template edit does), it is none, not a crash.
    @Test(arguments: inputs("build-cache"))
    func framesOfADamagedCacheAreNoneOrWhole(_ input: String) throws {
        var reader = BinaryReader(try Self.bytes(input))
        let cache = try #require(try? BuildCache(from: &reader))
        #expect(!cache.entries.isEmpty)
        for entry in cache.entries.values {
            guard let frame = entry.frame else { continue }
            #expect(frame.segments.isEmpty || frame.segments.map(\.length).reduce(0, +) == frame.contentLength)
        }
    }

    /// A shard whose file holds an article read from another file, its facts named by the file's
    /// path: refused (written again, the facts would name the article's path, which no file has).
    @Test(arguments: inputs("article-memo"))
    func aMemoShardIsRefusedOrReadsBackTheSame(_ input: String) throws {
        var reader = BinaryReader(try Self.bytes(input))
        guard let memo = try? ArticleMemo(from: &reader), reader.isAtEnd else { return }
        var writer = BinaryWriter()
        memo.write(to: &writer)
        var again = BinaryReader(writer.bytes)
        #expect((try? ArticleMemo(from: &again)) == memo)
    }

    // MARK: markdown-escaping

    @Test(arguments: inputs("markdown-escaping"))
    func escapedTextShowsLiterally(_ input: String) throws {
        let text = try Self.text(input)
        let html = MarkdownDocument.html(from: MarkdownEscaping.escape(text) + "\n")
            .replacing(#/<a href="mailto:[^"]*">([^<]*)</a>/#.matchingSemantics(.unicodeScalar)) { String($0.output.1) }
        #expect(html == "<p>" + HTML.escape(MarkdownEscaping.collapsing(text)).replacingOccurrences(of: "&#39;", with: "'") + "</p>\n")
    }

    @Test(arguments: inputs("markdown-escaping"))
    func sanitizedFragmentCannotSwallowWhatFollows(_ input: String) throws {
        let html = MarkdownDocument.html(from: MarkdownEscaping.sanitize(markdown: try Self.text(input)) + "\n\nAfter\n")
        #expect(html.hasSuffix("<p>After</p>\n"))
    }

    @Test func sanitizeClosesExactlyWhatIsOpen() {
        #expect(MarkdownEscaping.sanitize(markdown: "````\ncode\n```\nstill code") == "````\ncode\n```\nstill code\n````")
        #expect(MarkdownEscaping.sanitize(markdown: "    ```\nindented code") == "    ```\nindented code")
        #expect(MarkdownEscaping.sanitize(markdown: "Text <!-- draft -->") == "Text <!-- draft -->")
        #expect(MarkdownEscaping.sanitize(markdown: "<!-- draft\nmore") == "<!-- draft\nmore\n-->")
        #expect(MarkdownEscaping.sanitize(markdown: "<PRE class=x>\ncode") == "<PRE class=x>\ncode\n</pre>")
        #expect(MarkdownEscaping.sanitize(markdown: "<!--\u{034B}") == "<!--\u{034B}\n-->")
        #expect(MarkdownEscaping.sanitize(markdown: "> ```\n> quoted fence") == "> ```\n> quoted fence")
    }
}
