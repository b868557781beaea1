import Foundation
import Testing
@testable import BriefingKit

/// Editorial notes and the overview, on the fixture site plus `Tests/Fixtures/notes/`: notes of
/// every target kind, passages found exactly, across white space, by prefix, across a repaired
/// split, ambiguous and not at all.
@Suite("Editorial notes")
struct NoteTests {
    static let notesFixture = Fixtures.root.appendingPathComponent("notes")

    /// A content directory: the fixture site's articles and settings, with the fixture notes and overview.
    static func content() throws -> URL {
        let content = try Fixtures.temporaryDirectory().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.siteContent, to: content)
        try FileManager.default.copyItem(at: notesFixture.appendingPathComponent("notes"), to: content.appendingPathComponent("notes"))
        try FileManager.default.copyItem(at: notesFixture.appendingPathComponent("briefing.md"), to: content.appendingPathComponent("briefing.md"))
        return content
    }

    static let built: (output: URL, report: SiteBuilder.Report, graph: BriefingGraph) = {
        let content = try! Self.content()
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        let options = SiteBuilder.Options(content: content, templates: Fixtures.templates, output: output)
        let report = try! SiteBuilder.build(options)
        return (output, report, SiteBuilder.load(options).graph)
    }()

    func note(_ id: String) throws -> AnchoredNote {
        try #require(Self.built.graph.notes.first { $0.note.id == id })
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: Self.built.output.appendingPathComponent(path), encoding: .utf8)
    }

    func warnings(_ file: String) -> [String] {
        Self.built.report.diagnostics.filter { $0.file.hasSuffix(file) }.map { "\($0.line ?? 0): \($0.message)" }
    }

    // MARK: Reading

    @Test func notesAreReadWithTheirFieldsAndLines() throws {
        let notes = Self.built.graph.notes.map(\.note)
        #expect(notes.map(\.id) == ["exact", "whitespace", "by-prefix", "ambiguous", "not-found", "across-repair",
                                    "whole-article", "actor", "date", "nobody", "actor-2"])
        let exact = try note("exact").note
        #expect(exact.sourceFile == "notes/anchoring.md" && exact.line == 1 && exact.bodyLine == 9)
        #expect(exact.tag == .context && exact.author == "Test desk" && exact.body == "An exact passage.")
        #expect(try note("by-prefix").note.line == 19)
        #expect(try note("whole-article").note.line == 2)
        #expect(try note("nobody").note.tag == nil)
        #expect(warnings("notes/targets.md").sorted { Int($0.prefix { $0 != ":" })! < Int($1.prefix { $0 != ":" })! } == [
            "1: text before the first note's `---` is ignored",
            "27: unknown tag `rumour`; use one of contradiction, unverified, context, follow-up; the note is kept untagged",
            "29: note `nobody`: no actor “Nobody Here” in the briefing",
            "30: note `nobody`: no article `003_aa876f87d1a0a2bb`; did you mean `003_aa876f87d1a0a2ba`?",
            "32: unresolved link [[Nobody Here]]: no article, actor or date of that name",
            "32: unresolved link [[003_aa876f87d1a0a2ba#p999]]: 003_aa876f87d1a0a2ba has no paragraph `p999` (paragraphs are p1 to p34)",
            "34: note id `actor` is already used; this note is `actor-2`",
            "37: note `actor-2`: `2025-13-40` is not a date value; use YYYY, YYYY-MM or YYYY-MM-DD",
        ])
    }

    /// A misspelt target field (`exat:`) would anchor the note to the whole article without a
    /// word; a list where one line belongs was dropped.
    @Test func aMisspeltTargetFieldOrAListWhereTextBelongsIsReported() throws {
        let text = "---\nauthor: [A, B]\ntarget: {article: a1, exat: The passage.}\n---\nA note.\n"
        let read = NoteReader.parse(try SourceText(path: "x.md", bytes: Array(text.utf8)), sourceFile: "notes/x.md", stem: "x")
        #expect(read.problems.map(\.message) == [
            "`author` must be a single line of text; ignored",
            "unknown target field `exat` ignored; expected one of article, actor, date, exact, prefix, suffix",
        ])
        #expect(read.problems.map(\.line) == [2, 3])
        #expect(read.notes.first?.author == nil)
        #expect(read.notes.first?.targets.map(\.kind) == [.article(id: "a1", quote: nil)])
    }

    @Test func aNoteWithoutFrontMatterOrTargetIsReported() throws {
        let source = try SourceText(path: "x.md", bytes: Array("---\ntag: context\n---\nNo target.\n\n---\ntarget: [unclosed\n".utf8))
        let read = NoteReader.parse(source, sourceFile: "notes/x.md", stem: "x")
        #expect(read.notes.map(\.id) == ["x-1"])
        #expect(read.notes.first?.targets.isEmpty == true)
        #expect(read.problems.map(\.line) == [1, 6])
        #expect(read.problems[0].message.hasPrefix("note has no target"))
        #expect(read.problems[1].message.hasPrefix("note front matter is not closed"))
    }

    // MARK: Anchoring

    @Test func passagesAreFoundByTheirText() throws {
        guard case .passage(let exact) = try note("exact").targets.first else { Issue.record("not placed"); return }
        #expect(exact.articleID == "003_aa876f87d1a0a2ba" && exact.block == 12 && exact.occurrence == 0)
        guard case .passage(let spaced) = try note("whitespace").targets.first else { Issue.record("not placed"); return }
        #expect(spaced.block == 11 && spaced.text == "said Friday that President")
        guard case .passage(let repaired) = try note("across-repair").targets.first else { Issue.record("not placed"); return }
        #expect(repaired.block == 11 && repaired.text == "sworn in to office on Jan. 20")
    }

    @Test func thePrefixChoosesAmongRepeatedPassages() throws {
        guard case .passage(let chosen) = try note("by-prefix").targets.first else { Issue.record("not placed"); return }
        #expect(chosen.block == 18 && chosen.occurrence == 0)
        guard case .passage(let cited) = try note("by-prefix").evidence.first else { Issue.record("evidence not placed"); return }
        #expect(cited.articleID == "000_a07414719247a0af" && cited.block == 3)
    }

    @Test func ambiguousAndMissingPassagesFallBackToTheArticleWithAWarning() throws {
        #expect(try note("ambiguous").targets == [.article(id: "003_aa876f87d1a0a2ba", unplaced: TextQuote(exact: "Trump said"))])
        #expect(try note("not-found").targets.first?.articleID == "003_aa876f87d1a0a2ba")
        #expect(warnings("notes/anchoring.md") == [
            "35: note `ambiguous`: the passage “Trump said” occurs 3 times in 003_aa876f87d1a0a2ba (paragraphs 16, 17, 18); add a `prefix` or `suffix` to choose one. The note is shown at article level",
            "44: note `not-found`: the passage “Putin is closed to any meeting with Trump after he is sworn in” is not in 003_aa876f87d1a0a2ba; closest passage: “Putin is open to a meeting with President-elect Donald Trump after he is sworn in” (paragraph 11). The note is shown at article level",
        ])
    }

    /// The closest passage is the one to paste: its words in the passage's order, from its first
    /// word to its last, not a run as long that shares as many words shifted by one.
    @Test func theClosestPassageIsTheOneToPaste() throws {
        let article = try Fixtures.article("003_aa876f87d1a0a2ba.txt")
        let wanted = "open to a meeting with President-elect Donald Trump after he is sworn in to office on Jan 20"
        #expect(TextQuoteMatch.nearMiss(wanted, in: article) == .init(block: 11,
            text: "open to a meeting with President-elect Donald Trump after he is sworn in to office on Jan. 20."))
        #expect(TextQuoteMatch.nearMiss("nothing of the kind whatsoever", in: article) == nil)
        // A passage longer than `orderedLimit` words: compared as a bag of words, over runs of its length.
        let words = (1...120).map { "w\($0)" }
        let long = Article(id: "l", sourceFile: "articles/l.txt", format: .tagged, title: "Long", published: CalendarDay(year: 2025, month: 1, day: 1)!,
                           blocks: [TextBlock(number: 1, role: .body, text: "Short one.", line: 1),
                                    TextBlock(number: 2, role: .body, text: words.joined(separator: " "), line: 2)])
        var typo = Array(words[10..<100])
        typo[40] = "typo"
        #expect(TextQuoteMatch.nearMiss(typo.joined(separator: " "), in: long) == .init(block: 2, text: words[10..<100].joined(separator: " ")))
    }

    @Test func actorsAndDatesAreFoundByNameAliasAndValue() throws {
        #expect(try note("actor").targets == [.actor(id: "dmitry-peskov")])
        #expect(try note("date").targets == [.date("2025-01-20")])
        #expect(try note("whole-article").targets == [.article(id: "000_a07414719247a0af", unplaced: nil)])
        #expect(try note("nobody").targets == [.missing("actor Nobody Here"), .missing("article 003_aa876f87d1a0a2bb")])
    }

    /// Re-import: the article changes around the passage, and the note follows its words.
    @Test func aReimportedArticleKeepsItsNotes() throws {
        let original = try Fixtures.article("003_aa876f87d1a0a2ba.txt")
        let source = try String(contentsOf: Fixtures.articles.appendingPathComponent("003_aa876f87d1a0a2ba.txt"), encoding: .utf8)
        let quote = TextQuote(exact: "Kremlin spokesman Dmitry Peskov made the comment")
        guard case .found(let before) = TextQuoteMatch.find(quote, in: original) else { Issue.record("not found"); return }
        #expect(before.block == 12)

        // A paragraph inserted before it, and the split "on Jan.\n\n20." now written whole.
        let edited = source.replacingOccurrences(of: "<CONTENT>\n", with: "<CONTENT>\nAn editor's update, inserted on re-import.\n\n")
            .replacingOccurrences(of: "on Jan.\n\n20.", with: "on Jan. 20.")
        let reimported = try #require(ArticleLoader.read(bytes: Array(edited.utf8), id: original.id, sourceFile: original.sourceFile).article)
        #expect(reimported.blocks.count == original.blocks.count + 1)
        guard case .found(let after) = TextQuoteMatch.find(quote, in: reimported) else { Issue.record("lost on re-import"); return }
        #expect(after.block == 13 && after.text == before.text)
        guard case .found(let repaired) = TextQuoteMatch.find(TextQuote(exact: "sworn in to office on Jan. 20"), in: reimported) else {
            Issue.record("lost after the split was mended"); return
        }
        #expect(repaired.block == 12)
    }

    // MARK: Rendering

    @Test func thePassageIsMarkedAndTheNoteStandsBesideIt() throws {
        let html = try page("articles/003_aa876f87d1a0a2ba.html")
        #expect(html.contains(##"<p id="p12">"## + "\n" + ##"<mark class="note-mark note-context">Kremlin spokesman <a class="actor actor-person" href="../actors/dmitry-peskov.html" title="Dmitry Peskov (person)">Dmitry Peskov</a> made the comment</mark><sup class="note-ref"><a href="#note-exact" aria-label="Note 1">1</a></sup>"##))
        // The note follows its paragraph, inside the block that places it in the margin.
        let paragraph = try #require(html.range(of: #"<p id="p12">"#))
        let aside = try #require(html.range(of: #"<aside id="note-exact" class="note note-context">"#))
        #expect(paragraph.lowerBound < aside.lowerBound)
        #expect(html[..<paragraph.lowerBound].hasSuffix("<div class=\"annotated\">\n"))
        #expect(html.contains(#"<strong>1</strong> Context · Test desk"#))
        // Marked with its white space as written on the page, and in the third "Trump said".
        #expect(html.contains(#"<mark class="note-mark note-context">said</mark>"#) == false)
        #expect(html.contains(##"bloody mess,” <mark class="note-mark note-contradiction"><a class="actor actor-person" href="../actors/donald-trump.html" title="Donald Trump (person)">Trump</a> said</mark><sup class="note-ref"><a href="#note-by-prefix" aria-label="Note 3">3</a></sup>"##))
        // Ambiguous and missing passages are notes on the whole article, saying why.
        #expect(html.contains(#"<aside id="note-ambiguous" class="note note-note">"#))
        #expect(html.contains("The passage “Putin is closed to any meeting with Trump after he is sworn in” was not found in"))
        #expect(html.components(separatedBy: "<mark ").count - 1 == 4)
    }

    @Test func actorAndDatePagesShowTheirNotes() throws {
        let actor = try page("actors/dmitry-peskov.html")
        #expect(actor.contains(#"<aside id="note-actor" class="note note-context">"#))
        #expect(actor.contains(#"on <a href="../dates/2025-01-20.html">20 January 2025</a> he is quoted again"#))
        let date = try page("dates/2025-01-20.html")
        #expect(date.contains(#"<aside id="note-date" class="note note-follow-up">"#))
    }

    @Test func theNotesPageListsEveryNoteByTag() throws {
        let html = try page("notes.html")
        #expect(html.contains("11 notes: 1 contradiction, 1 unverified, 2 context notes, 2 follow-ups, 5 other notes."))
        let headings = ["Contradictions", "Unverified claims", "Context", "Follow-ups", "Other notes"].map { html.range(of: ">\n\($0)\n</h2>")?.lowerBound }
        #expect(headings.allSatisfy { $0 != nil })
        #expect(headings.compactMap { $0 } == headings.compactMap { $0 }.sorted())
        for note in Self.built.graph.notes { #expect(html.contains(#"<aside id="note-\#(note.note.id)""#), "\(note.note.id)") }
        // A contradiction shows both statements side by side.
        #expect(html.contains(#"<div class="statements">"# + "\n" + #"<div class="statement">"# + "\n<blockquote>\n<p>“Trump said”</p>"))
        #expect(html.contains("<p>“no work was underway to organise a meeting between Putin and Trump”</p>"))
        #expect(html.contains("Not found in the briefing: actor Nobody Here."))
    }

    @Test func theOverviewLinksItsActorsDatesAndWikiLinks() throws {
        let index = try page("index.html")
        #expect(index.contains("<h2>Key judgements</h2>"))
        #expect(index.contains(#"<p id="o1">"# + "\n" + #"<a class="actor actor-person" href="actors/dmitry-peskov.html" title="Dmitry Peskov (person)">Dmitry Peskov</a> speaks for the Kremlin; see <a href="actors/dmitry-peskov.html">Dmitry Peskov</a> and <a href="dates/2025-01-20.html">20 January 2025</a>."#))
        #expect(index.contains("names [[Nobody]] and"))
        #expect(warnings("briefing.md") == ["7: unresolved link [[Nobody]]: no article, actor or date of that name"])
    }

    @Test func aLongOverviewHasItsOwnPage() throws {
        let body = (1...12).map { "Paragraph \($0) of the overview, with enough words in it to make the whole text long: " + String(repeating: "analysis ", count: 12) }
        let text = "Opening judgement.\n\n" + body[..<3].joined(separator: "\n\n") + "\n\n## Details\n\n" + body[3...].joined(separator: "\n\n") + "\n"
        let read = OverviewReader.parse(try SourceText(path: "briefing.md", bytes: Array(text.utf8)), sourceFile: "briefing.md")
        let overview = try #require(read.overview)
        #expect(overview.title == "Overview" && overview.blocks.count == 14 && overview.frontBlocks == 4 && overview.isLong)
        #expect(overview.blocks[4].line == 9 && overview.blocks[4].text == "## Details")
        let short = OverviewReader.parse(try SourceText(path: "briefing.md", bytes: Array("One.\n\n## Two\n\nThree.\n".utf8)), sourceFile: "briefing.md")
        #expect(short.overview?.isLong == false)
    }

    @Test func anOverviewsUnknownFrontMatterFieldIsReported() throws {
        let text = "---\ntitle: Where talks stand\nauthor: Desk\n---\nOpening judgement.\n"
        let read = OverviewReader.parse(try SourceText(path: "briefing.md", bytes: Array(text.utf8)), sourceFile: "briefing.md")
        #expect(read.overview?.title == "Where talks stand")
        #expect(read.problems == [LoadProblem(line: 3, "unknown front matter field `author` ignored; expected `title`")])
        let listed = "---\ntitle: [A, B]\n---\nOpening judgement.\n"
        let list = OverviewReader.parse(try SourceText(path: "briefing.md", bytes: Array(listed.utf8)), sourceFile: "briefing.md")
        #expect(list.overview?.title == "Overview")
        #expect(list.problems == [LoadProblem(line: 2, "`title` must be a single line of text; ignored")])
    }

    // MARK: Export

    /// The structure the W3C Web Annotation Data Model requires, checked field by field.
    @Test func annotationsAreWebAnnotationJSONLD() throws {
        let data = try Data(contentsOf: Self.built.output.appendingPathComponent("annotations.jsonld"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(collection["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(collection["type"] as? String == "AnnotationCollection")
        #expect(collection["total"] as? Int == 11)
        let page = try #require(collection["first"] as? [String: Any])
        #expect(page["type"] as? String == "AnnotationPage")
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.count == 11)
        let motivations: Set<String> = ["assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
                                        "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"]
        for item in items {
            let id = try #require(item["id"] as? String)
            #expect(id.hasPrefix("urn:uuid:") && id.count == 45, "an annotation id is an IRI")
            #expect(item["type"] as? String == "Annotation")
            #expect(motivations.contains(item["motivation"] as? String ?? ""))
            let targets = try #require(item["target"] as? [[String: Any]])
            #expect(!targets.isEmpty)
            for target in targets {
                #expect(target["type"] as? String == "SpecificResource")
                let source = try #require(target["source"] as? String)
                #expect(FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent(source.components(separatedBy: "#")[0]).path), "\(source)")
                if let selector = target["selector"] as? [String: Any] {
                    #expect(selector["type"] as? String == "TextQuoteSelector")
                    #expect(!((selector["exact"] as? String) ?? "").isEmpty)
                }
            }
            for body in try #require(item["body"] as? [[String: Any]]) {
                #expect(["TextualBody", "SpecificResource"].contains(body["type"] as? String ?? ""))
                #expect(motivations.contains(body["purpose"] as? String ?? ""))
                if body["type"] as? String == "TextualBody" { #expect(body["value"] is String) } else { #expect(body["source"] is String) }
            }
        }
        let byPrefix = try #require(items.first { ($0["body"] as? [[String: Any]])?.first?["value"] as? String == "Three times \"Trump said\"; the prefix picks the third." })
        let target = try #require((byPrefix["target"] as? [[String: Any]])?.first)
        #expect(target["source"] as? String == "articles/003_aa876f87d1a0a2ba.html")
        #expect((target["selector"] as? [String: String]) == ["type": "TextQuoteSelector", "exact": "Trump said", "prefix": "That’s a bloody mess,”"])
        #expect(byPrefix["motivation"] as? String == "assessing")
        // briefing.json points to it.
        let export = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.built.output.appendingPathComponent("briefing.json"))) as? [String: Any])
        #expect(export["annotations"] as? String == "annotations.jsonld")
    }

    @Test func withABaseURLEveryAddressIsAbsolute() throws {
        var graph = Self.built.graph
        graph.settings.baseURL = "https://example.org/briefing/"
        let data = AnnotationExport.data(GraphIndex(graph))
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        #expect(collection["id"] as? String == "https://example.org/briefing/annotations.jsonld")
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.first?["id"] as? String == "https://example.org/briefing/notes.html#note-exact")
        #expect(((items.first?["target"] as? [[String: Any]])?.first?["source"] as? String) == "https://example.org/briefing/articles/003_aa876f87d1a0a2ba.html")
    }
}

extension NoteTests {
    /// The quotation of a dateline article is shown as a quote, not as a block with notes: a note on
    /// it is shown at the top of the article, and the words are still marked.
    @Test func aNoteOnTheQuotationIsShownWithTheArticle() throws {
        let article = try Fixtures.article("000_a07414719247a0af.txt")
        let quote = try #require(article.blocks(.quote).first)
        var graph = Self.built.graph
        let passage = Passage(articleID: article.id, block: quote.number, occurrence: 0, text: "is not ruled out",
                              quote: TextQuote(exact: "is not ruled out"))
        let note = Note(id: "on-quote", sourceFile: "notes/q.md", line: 1, tag: .context, author: nil,
                        targets: [NoteTarget(kind: .article(id: article.id, quote: passage.quote), line: 3)], evidence: [], body: "On the quote.", bodyLine: 6)
        graph.notes = [AnchoredNote(note: note, targets: [.passage(passage)], evidence: [], body: [.markdown("On the quote.")])]
        let index = GraphIndex(graph)
        let page = ArticlePages.page(index, position: index.position[article.id]!, article: article)
        let context = try #require(page.context as? ArticleContext)
        #expect(context.notes.map(\.anchor) == ["note-on-quote"])
        #expect(page.highlights[quote.anchor]?.map(\.text) == ["is not ruled out"])
    }
}
