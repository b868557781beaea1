import Foundation
import Testing
@testable import BriefingKit

/// An incremental build (with `.briefing-cache`) must give the same bytes as a clean build, after
/// any change: an article edited, added or removed, a template edited, the gazetteer edited, a
/// note or the overview edited.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A briefing to edit: the sample site's articles plus the 14 linking fixtures and their
    /// gazetteer, the fixture notes and overview, and a copy of the templates.
    struct Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var articles: URL { content.appendingPathComponent("articles") }
        var templates: URL { root.appendingPathComponent("Templates") }
        var cache: URL { root.appendingPathComponent(".briefing-cache") }
        var output: URL { root.appendingPathComponent("Public") }
        /// The whole search index, which the site publishes split: the cache keeps it.
        var searchIndex: URL { StagedSite.stashed(SitePath.searchIndex, in: cache, for: output)! }

        init() throws {
            root = try Fixtures.temporaryDirectory()
            let manager = FileManager.default
            try manager.copyItem(at: Fixtures.siteContent, to: content)
            try manager.copyItem(at: Fixtures.templates, to: templates)
            let linking = Fixtures.root.appendingPathComponent("linking")
            try manager.copyItem(at: linking.appendingPathComponent("actors.yml"), to: content.appendingPathComponent("actors.yml"))
            for name in try manager.contentsOfDirectory(atPath: linking.appendingPathComponent("articles").path) {
                try manager.copyItem(at: linking.appendingPathComponent("articles/" + name), to: articles.appendingPathComponent(name))
            }
            let notes = Fixtures.root.appendingPathComponent("notes")
            try manager.copyItem(at: notes.appendingPathComponent("notes"), to: content.appendingPathComponent("notes"))
            try manager.copyItem(at: notes.appendingPathComponent("briefing.md"), to: content.appendingPathComponent("briefing.md"))
        }

        func options(output: URL? = nil, cached: Bool = true) -> SiteBuilder.Options {
            SiteBuilder.Options(content: content, templates: templates, output: output ?? self.output, cache: cached ? cache : nil)
        }

        /// The incremental build, and a clean build of the same input into a fresh directory.
        func buildBoth() throws -> (incremental: SiteBuilder.Report, same: Bool, differences: [String]) {
            let report = try SiteBuilder.build(options())
            let clean = root.appendingPathComponent("clean-\(UUID().uuidString)")
            _ = try SiteBuilder.build(options(output: clean, cached: false))
            let a = try Fixtures.snapshot(output), b = try Fixtures.snapshot(clean)
            try FileManager.default.removeItem(at: clean)
            let differences = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
            return (report, differences.isEmpty, differences)
        }

        /// Adds a paragraph at the end of the first article in name order.
        func addParagraphToFirstArticle(_ paragraph: String) throws {
            let article = try #require(try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted().first)
            let url = articles.appendingPathComponent(article)
            try Data((try String(contentsOf: url, encoding: .utf8) + "\n" + paragraph + "\n").utf8).write(to: url)
        }

        /// Without notes and an overview, the whole graph has a digest (`GraphDigest`).
        func removeNotesAndOverview() throws {
            try FileManager.default.removeItem(at: content.appendingPathComponent("notes"))
            try FileManager.default.removeItem(at: content.appendingPathComponent("briefing.md"))
        }

        /// `list_limit: 2` in the settings: actors and dates named in more than two articles get
        /// month pages of paragraphs (`MentionArchive`).
        func archiveMonths() throws {
            let settings = content.appendingPathComponent("briefing.yml")
            try (try String(contentsOf: settings, encoding: .utf8) + "list_limit: 2\n").write(to: settings, atomically: true, encoding: .utf8)
        }

        func articleNames() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted()
        }

        /// The search index's split in the output.
        var searchFolder: URL { output.appendingPathComponent("search") }

        /// The inode of each file of the split, by name: the same one is the same file, linked.
        func searchInodes() throws -> [String: UInt64] {
            var found: [String: UInt64] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: searchFolder.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: searchFolder.appendingPathComponent(name).path)
                found[name] = try #require(attributes[.systemFileNumber] as? UInt64)
            }
            return found
        }
    }

    /// A deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    enum Edit: CaseIterable { case insertParagraph, rewordText, addArticle, removeArticle, editTemplate, editGazetteer, addNote, editOverview }

    /// Applies one edit; returns what it did, for the failure message.
    static func apply(_ edit: Edit, to workspace: Workspace, random: inout Random, round: Int) throws -> String {
        let names = try workspace.articleNames()
        let name = names[random.next(names.count)]
        let file = workspace.articles.appendingPathComponent(name)
        switch edit {
        case .insertParagraph, .rewordText:
            var text = try String(contentsOf: file, encoding: .utf8)
            let breaks = text.ranges(of: "\n\n")
            // Between two paragraphs of the body: never after the last one (a closing tag may follow).
            guard breaks.count >= 3 else { return "no edit of \(name)" }
            let at = breaks[breaks.count / 2 + random.next(breaks.count / 2 - 1)]
            if edit == .insertParagraph {
                text.replaceSubrange(at, with: "\n\nPresident Olena Vasylenko met Brandt in Geneva on 3 March 2025, officials said (round \(round)).\n\n")
            } else {
                guard let word = text[at.upperBound...].range(of: " the ") else { return "no edit of \(name)" }
                text.replaceSubrange(word, with: " that ")
            }
            try text.write(to: file, atomically: true, encoding: .utf8)
            return "\(edit) in \(name)"
        case .addArticle:
            let copy = "2\(round)_copy-of-" + name
            try FileManager.default.copyItem(at: file, to: workspace.articles.appendingPathComponent(copy))
            return "added \(copy)"
        case .removeArticle:
            guard names.count > 3 else { return "kept \(name)" }
            try FileManager.default.removeItem(at: file)
            return "removed \(name)"
        case .editTemplate:
            // Partials too, inside sections over lists: every paragraph of an article, the lists of paragraphs.
            let templates = ["article.md", "actor.md", "date.md", "partials/article-card.md", "mentions.md", "archive.md", "layout.html",
                             "partials/block-actors.md", "partials/paragraph-list.md"]
            let template = templates[random.next(templates.count)]
            let url = workspace.templates.appendingPathComponent(template)
            let text = try String(contentsOf: url, encoding: .utf8)
            // A page template's top-level chunks (`TemplateChunks`) moved about: what a page keeps
            // of its last content (`PageSplice`) must still give a clean build's bytes.
            var chunks = (template.hasSuffix(".md") ? TemplateChunks.cut(text) : nil)?.map(String.init) ?? []
            let how = chunks.count > 3 ? random.next(6) : 0
            let at = chunks.count > 3 ? 1 + random.next(chunks.count - 2) : 0
            switch how {
            case 1: chunks.insert("Edited in round \(round).\n\n", at: at)
            case 2: chunks.remove(at: at)
            case 3: chunks.swapAt(at, at - 1)
            case 4: chunks.insert(chunks[at], at: at)
            case 5:
                // Words after a chunk's first tag: a part with tags, made new, is rendered with a
                // page made for what it looks up (`ContextNames`).
                if let close = chunks[at].range(of: "}}") {
                    chunks[at].replaceSubrange(close, with: "}} (round \(round))")
                } else {
                    chunks[at] += "Edited in round \(round).\n\n"
                }
            default: chunks = [text, "\nEdited in round \(round).\n"]
            }
            try chunks.joined().write(to: url, atomically: true, encoding: .utf8)
            return "edited \(template) (\(["appended", "inserted", "removed", "swapped", "repeated", "tagged part"][how]) at \(at))"
        case .editGazetteer:
            let url = workspace.content.appendingPathComponent("actors.yml")
            let entry = "- name: Olena Vasylenko\(round)\n  aliases: [Vasylenko\(round)]\n  roles: [Ukrainian envoy]\n"
            try (try String(contentsOf: url, encoding: .utf8) + entry).write(to: url, atomically: true, encoding: .utf8)
            return "gazetteer entry \(round)"
        case .addNote:
            // A note on five words of a paragraph of the chosen article.
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.contains("<") && !$0.contains(":") && $0.split(separator: " ").count >= 8 }
            guard !lines.isEmpty else { return "no note on \(name)" }
            let words = lines[random.next(lines.count)].split(separator: " ")
            let exact = words[2..<7].joined(separator: " ")
            let id = (name as NSString).deletingPathExtension
            let url = workspace.content.appendingPathComponent("notes/edits.md")
            let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let note = "---\nid: edit-\(round)\ntag: context\ntarget:\n  article: \(id)\n  exact: \"\(exact.replacingOccurrences(of: "\"", with: "\\\""))\"\n---\nNote of round \(round) on [[\(id)]].\n\n"
            try (old + note).write(to: url, atomically: true, encoding: .utf8)
            return "note on “\(exact)” in \(name)"
        case .editOverview:
            let url = workspace.content.appendingPathComponent("briefing.md")
            try (try String(contentsOf: url, encoding: .utf8) + "\nRound \(round): Dmitry Peskov, see [[Peskov]], on 3 March 2025.\n")
                .write(to: url, atomically: true, encoding: .utf8)
            return "overview paragraph \(round)"
        }
    }

    /// With notes and an overview, and without (then the pages made from the whole graph are kept
    /// from its digest, `GraphDigest`, and no edit adds either).
    @Test(arguments: [true, false]) func randomEditsGiveTheBytesOfACleanBuild(editorial: Bool) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        if !editorial { try workspace.removeNotesAndOverview() }
        let edits = editorial ? Edit.allCases : Edit.allCases.filter { $0 != .addNote && $0 != .editOverview }
        try workspace.archiveMonths()
        let first = try SiteBuilder.build(workspace.options())
        #expect(first.diagnostics.isEmpty || !first.diagnostics.contains { $0.message.contains("list_limit") })
        #expect(FileTree.files(under: workspace.output).contains("actors/united-states/2025-03.html"))
        #expect(FileTree.files(under: workspace.output).contains("archive/2025-03.html"))
        #expect(first.pagesRendered == first.pages)
        let seed = UInt64(ProcessInfo.processInfo.environment["BRIEFING_EDIT_SEED"] ?? "") ?? 2026
        var random = Random(state: seed)
        var partial = 0
        for round in 1...(editorial ? 12 : 9) {
            // Every kind of edit once, then random ones.
            let edit = round <= edits.count ? edits[round - 1] : edits[random.next(edits.count)]
            let templates = try Fixtures.snapshot(workspace.templates)
            let done = try Self.apply(edit, to: workspace, random: &random, round: round)
            let report: SiteBuilder.Report, same: Bool, differences: [String]
            do {
                (report, same, differences) = try workspace.buildBoth()
            } catch {
                // A template edit may break links (a chunk that gives ids removed): then a clean
                // build fails the same way, and the templates are put back.
                let clean = workspace.root.appendingPathComponent("clean-failed")
                do {
                    _ = try SiteBuilder.build(workspace.options(output: clean, cached: false))
                    Issue.record("round \(round) (\(done), seed \(seed)): the incremental build failed (\(error)), a clean build did not")
                } catch let cleanError {
                    func links(_ error: any Error) -> [Substring] { "\(error)".split(separator: "\n").filter { $0.hasPrefix("  ") } }
                    #expect(links(cleanError) == links(error), "round \(round) (\(done))")
                }
                for (path, bytes) in templates { try bytes.write(to: workspace.templates.appendingPathComponent(path)) }
                continue
            }
            #expect(same, "round \(round) (\(done), seed \(seed)): differs from a clean build in \(differences.prefix(5))")
            // A page put in a new layout (`PageFrame`) is neither made nor rendered from its template.
            if report.pagesRendered - report.pagesReframed < report.pages { partial += 1 }
        }
        // Article edits re-render a few pages, not all: the cache was used.
        #expect(partial >= 6)
    }

    @Test func anUnchangedBriefingRendersNothing() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let before = try Fixtures.snapshot(workspace.output)
        let again = try SiteBuilder.build(workspace.options())
        #expect(again.pagesRendered == 0)
        #expect(again.pages > 100)
        // Article, actor and date pages without notes are known unchanged from their inputs: not even made.
        let graph = SiteBuilder.load(workspace.options()).graph
        let index = GraphIndex(graph)
        let articles = graph.articles.filter { (index.notesByArticle[$0.id] ?? []).isEmpty }.count
        let actors = index.actorsWithPages.filter { (index.notesByActor[$0.id] ?? []).isEmpty }.count
        let dates = index.dateValues.filter { (index.notesByDate[$0] ?? []).isEmpty }.count
        #expect(articles > 10 && articles < graph.articles.count)
        #expect(actors > 10 && actors < index.actorsWithPages.count)
        #expect(dates > 10 && dates < index.dateValues.count)
        #expect(again.pagesMade == again.pages - articles - actors - dates)
        // Every article's entry in briefing.json and documents in the search index are copied.
        #expect(again.dataPartsCopied == 2 * graph.articles.count)
        #expect(try Fixtures.snapshot(workspace.output) == before)
    }

    /// Without notes or an overview, the pages made from the whole graph (front page, actors'
    /// index, timeline, printable briefing, notes page) are kept from its digest as well: an
    /// unchanged briefing makes only the source pages; an edited article, all of them again.
    @Test func pagesOfTheWholeGraphAreKeptFromItsDigest() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.removeNotesAndOverview()
        _ = try SiteBuilder.build(workspace.options())
        let plan = SitePlanner.plan(SiteBuilder.load(workspace.options()).graph, incremental: true)
        #expect(plan.wholeGraph != nil)
        let sources = plan.recipes.filter { if case .made = $0 { true } else { false } }.count
        #expect(sources > 1)
        let again = try SiteBuilder.build(workspace.options())
        #expect(again.pagesRendered == 0)
        #expect(again.pagesMade == sources)
        let file = workspace.articles.appendingPathComponent("108_opec-meeting.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "barrels", with: "barrels of crude").write(to: file, atomically: true, encoding: .utf8)
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        // The five pages of the whole graph, the article's page and the source pages, at least.
        #expect(report.pagesMade >= sources + 6)
        let edited = SitePlanner.plan(SiteBuilder.load(workspace.options()).graph, incremental: true)
        #expect(edited.wholeGraph != nil && edited.wholeGraph != plan.wholeGraph)
    }

    @Test func oneEditedArticleRendersOnlyWhatShowsIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let file = workspace.articles.appendingPathComponent("108_opec-meeting.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "barrels", with: "barrels of crude").write(to: file, atomically: true, encoding: .utf8)
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        // The article page, the pages quoting its paragraphs, the printable briefing: not the rest.
        #expect(report.pagesRendered >= 2)
        #expect(report.pagesRendered < report.pages / 4)
    }

    /// A quotation's label links its speaker only while the speaker has a page: a page kept on
    /// its inputs digest must change when another article gives the speaker one.
    @Test func aQuoteLabelLinksItsSpeakerOnceTheSpeakerHasAPage() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try Data(("date 2025-03-04 Grain talks stall\n\nQuote from Mykola Hrytsenko: \"We will not sign.\"\n\n"
            + "The talks in Istanbul ended without a deal.\n").utf8).write(to: workspace.articles.appendingPathComponent("120_grain.txt"))
        _ = try SiteBuilder.build(workspace.options())
        let page = workspace.output.appendingPathComponent("articles/120_grain.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<p>— Mykola Hrytsenko</p>"))
        // Far from it in time and sharing no actor with it: not its neighbour, not related.
        try Data("date 2024-06-05 Envoy named\n\nThe new envoy, Mykola Hrytsenko, said he would travel widely.\n".utf8)
            .write(to: workspace.articles.appendingPathComponent("121_envoy.txt"))
        let (_, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<p>— <a href=\"../actors/mykola-hrytsenko.html\">Mykola Hrytsenko</a></p>"))
    }

    /// On 120 articles of the synthetic corpus, where every actor is in many articles (the
    /// fixture briefing is too small: each article there is related to nearly every other).
    @Test func anAddedArticleChangesOnlyThePagesThatShowIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let corpus = workspace.root.appendingPathComponent("corpus")
        _ = try BenchCorpus.write(count: 120, to: corpus)
        try FileManager.default.removeItem(at: workspace.content)
        try FileManager.default.moveItem(at: corpus.appendingPathComponent("Content"), to: workspace.content)
        _ = try SiteBuilder.build(workspace.options())
        let before = try Fixtures.snapshot(workspace.output)
        let old = GraphIndex(SiteBuilder.load(workspace.options()).graph)
        let source = try #require(try workspace.articleNames().first { $0.hasSuffix(".txt") })
        try FileManager.default.copyItem(at: workspace.articles.appendingPathComponent(source),
                                         to: workspace.articles.appendingPathComponent("added-" + source))
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        #expect(report.pagesRendered < report.pages / 4)

        // What an article page shows of other articles: its neighbours and its related articles.
        func others(_ index: GraphIndex, _ id: String) -> [String] {
            let articles = index.graph.articles, at = index.position[id]!
            return [at > 0 ? articles[at - 1].id : "", at + 1 < articles.count ? articles[at + 1].id : ""]
                + index.related(to: index.articlesByID[id]!).map { "\($0.article.id): \($0.shared.map(\.name))" }
        }
        let index = GraphIndex(SiteBuilder.load(workspace.options()).graph)
        let after = try Fixtures.snapshot(workspace.output)
        let added = try #require(index.articlesByID["added-" + (source as NSString).deletingPathExtension])
        var mine = Set(index.actorsByArticle[added.id] ?? [])
        for name in [added.author, added.outlet?.name].compactMap({ $0 }) { mine.formUnion(index.graph.actors.filter { $0.name == name }.map(\.id)) }
        // An article page changes only when its text, its neighbours or its related articles do,
        // not because one of its actors is named once more elsewhere.
        var kept = 0
        for article in old.graph.articles where (index.notesByArticle[article.id] ?? []).isEmpty && others(old, article.id) == others(index, article.id) {
            let path = index.articlePath(article.id)
            #expect(before[path] == after[path], "\(path) changed")
            if !mine.isDisjoint(with: index.actorsByArticle[article.id] ?? []) { kept += 1 }
        }
        #expect(kept > 10)
        // Actor pages change only for the new article's own actors (named, author, outlet): the
        // others show no totals of their co-actors.
        var unchanged = 0
        for actor in index.actorsWithPages where !mine.contains(actor.id) && (index.notesByActor[actor.id] ?? []).isEmpty {
            let path = index.actorPath(actor.id)
            #expect(before[path] == after[path], "\(path) changed")
            if old.articlesByActor[actor.id]?.contains(where: { !mine.isDisjoint(with: old.actorsByArticle[$0] ?? []) }) ?? false { unchanged += 1 }
        }
        // Among them, actors named beside the new article's actors elsewhere, whose networks show those actors.
        #expect(unchanged > 10)
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let cacheFile = BuildCache.file(in: workspace.cache, for: workspace.output)
        let good = try Data(contentsOf: cacheFile)

        // A changed byte in the middle: the checksum fails.
        var damaged = good
        damaged[damaged.count / 2] ^= 0x20
        try damaged.write(to: cacheFile)
        var report = try SiteBuilder.build(workspace.options())
        #expect(report.pagesRendered == report.pages)
        #expect(report.notes.count == 1 && report.notes[0].contains("ignored the build cache"))

        // Another generator's cache, with a valid checksum.
        let cache = try #require(BuildCache.load(cacheFile, output: workspace.output).cache)
        try Data(cache.sealed(output: workspace.output, generator: "briefing 0.0.1")).write(to: cacheFile)
        report = try SiteBuilder.build(workspace.options())
        #expect(report.pagesRendered == report.pages)

        // Truncated, or not a cache at all.
        for junk in [Data(good.prefix(100)), Data("hello\n".utf8), Data()] {
            try junk.write(to: cacheFile)
            report = try SiteBuilder.build(workspace.options())
            #expect(report.pagesRendered == report.pages)
        }
    }

    @Test func aChangedOutputFileIsRenderedAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let page = workspace.output.appendingPathComponent("timeline.html")
        let original = try Data(contentsOf: page)
        try Data("tampered".utf8).write(to: page)
        let report = try SiteBuilder.build(workspace.options())
        #expect(report.pagesRendered == 1)
        #expect(try Data(contentsOf: page) == original)
    }

    /// The site a build replaces is kept in the cache's folder and is the next build's staging
    /// directory, written over (`StagedSite.recycled`). It is kept whole: after the build that
    /// replaced it, it holds, byte for byte, the site it was. What it holds that the new
    /// site does not (a removed article's page, a stale file, links out of it, a folder where a
    /// page goes, a file where a folder goes) is gone, and nothing is written where a link led.
    @Test func theSiteReplacedIsWrittenOverByTheNextBuild() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let manager = FileManager.default
        let previous = workspace.cache.appendingPathComponent(CacheFile.name("site", for: workspace.output, suffix: ".previous"))
        _ = try SiteBuilder.build(workspace.options())
        #expect(!FileTree.exists(previous))  // the first build replaced nothing
        let first = try Fixtures.snapshot(workspace.output)
        try workspace.addParagraphToFirstArticle("A paragraph added to the first article about Quillfeather.")
        let edited = try workspace.buildBoth()
        #expect(edited.same, "\(edited.differences)")
        #expect(try Fixtures.snapshot(previous) == first)
        let second = try Fixtures.snapshot(workspace.output)

        let outside = workspace.root.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        // `assets/` is written into without being made first (its files are copied as they are found).
        for (path, target) in [("index.html", "index.html"), ("dates", "dates"), ("assets", "")] {
            try manager.removeItem(at: previous.appendingPathComponent(path))
            try manager.createSymbolicLink(atPath: previous.appendingPathComponent(path).path,
                                           withDestinationPath: target.isEmpty ? outside.path : outside.appendingPathComponent(target).path)
        }
        try Data("stale".utf8).write(to: previous.appendingPathComponent("articles/stale.html"))
        try Data("hidden".utf8).write(to: previous.appendingPathComponent(".hidden"))
        try manager.removeItem(at: previous.appendingPathComponent("timeline.html"))
        try manager.createDirectory(at: previous.appendingPathComponent("timeline.html/inside"), withIntermediateDirectories: true)
        try manager.removeItem(at: previous.appendingPathComponent("sources"))
        try Data("a file where a folder goes".utf8).write(to: previous.appendingPathComponent("sources"))
        let removed = try #require(try manager.contentsOfDirectory(atPath: workspace.articles.path).sorted().last)
        try manager.removeItem(at: workspace.articles.appendingPathComponent(removed))

        let report = try SiteBuilder.build(workspace.options())
        #expect(report.pagesRendered < report.pages / 2)
        let clean = workspace.root.appendingPathComponent("clean")
        _ = try SiteBuilder.build(workspace.options(output: clean, cached: false))
        #expect(try Fixtures.snapshot(workspace.output) == Fixtures.snapshot(clean))
        // Every entry, hidden ones and links too.
        #expect(try manager.subpathsOfDirectory(atPath: workspace.output.path).sorted() == manager.subpathsOfDirectory(atPath: clean.path).sorted())
        #expect(try manager.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try Fixtures.snapshot(previous) == second)
        #expect(try manager.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".Public") }.isEmpty)

        // A link in the cache's place for it, to a folder elsewhere, is not followed: it is removed.
        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try manager.moveItem(at: previous, to: elsewhere)
        try manager.createSymbolicLink(atPath: previous.path, withDestinationPath: elsewhere.path)
        try workspace.addParagraphToFirstArticle("Another paragraph about Quillfeather.")
        #expect(try workspace.buildBoth().same)
        #expect(try Fixtures.snapshot(elsewhere) == second)
        // In its place, the site this build replaced, in a folder of its own.
        #expect(try manager.attributesOfItem(atPath: previous.path)[.type] as? FileAttributeType == .typeDirectory)
        #expect(try Fixtures.snapshot(previous).isEmpty == false)
    }

    /// A file of the site a build replaced that someone has open is never changed in place, not
    /// even one that only the recycled site still holds (`SpareFiles`): a reader that opened it
    /// while it was published (a download of `briefing.json` begun before the swap) reads the bytes
    /// it opened while the next build writes that path.
    @Test func aFileOfTheSiteBeforeKeepsItsBytesForThoseReadingIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let previous = workspace.cache.appendingPathComponent(CacheFile.name("site", for: workspace.output, suffix: ".previous"))
        _ = try SiteBuilder.build(workspace.options())
        let first = try Fixtures.snapshot(workspace.output)
        // Every file opened while published, as a server would.
        let readers = try first.keys.sorted().map { path in
            (path, try FileHandle(forReadingFrom: workspace.output.appendingPathComponent(path)))
        }
        defer { for (_, reader) in readers { try? reader.close() } }
        try workspace.addParagraphToFirstArticle("A paragraph added to the first article about Quillfeather.")
        _ = try SiteBuilder.build(workspace.options())
        #expect(FileTree.exists(previous, directory: true))
        let second = try Fixtures.snapshot(workspace.output)
        try workspace.addParagraphToFirstArticle("Another paragraph about Quillfeather.")
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        #expect(report.pagesRendered > 0)
        let last = try Fixtures.snapshot(workspace.output)
        for (path, reader) in readers {
            #expect(try reader.readToEnd() ?? Data() == first[path], "\(path)")
        }
        // Files that changed in both builds: only the recycled site held them when the third wrote them.
        #expect(first.keys.filter { second[$0] != first[$0] && last[$0] != second[$0] }.count > 2)
    }

    /// After a build that rendered most pages again (the layout edited), the site it replaced is
    /// retired (`RetiredSites`) rather than kept: the next build would only have replaced nearly
    /// all of it. The next build starts from a new staging directory, and keeps the site it
    /// replaces again.
    @Test func theSiteReplacedByAWholeRenderIsNotKept() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let previous = workspace.cache.appendingPathComponent(CacheFile.name("site", for: workspace.output, suffix: ".previous"))
        _ = try SiteBuilder.build(workspace.options())
        try workspace.addParagraphToFirstArticle("A paragraph about Quillfeather.")
        let edited = try SiteBuilder.build(workspace.options())
        #expect(edited.pagesRendered * 2 < edited.pages)
        #expect(FileTree.exists(previous, directory: true))
        let layout = workspace.templates.appendingPathComponent("layout.html")
        try Data((try String(contentsOf: layout, encoding: .utf8) + "\n<!-- edited -->\n").utf8).write(to: layout)
        let whole = try SiteBuilder.build(workspace.options())
        #expect(whole.pagesRendered == whole.pages)
        #expect(!FileTree.exists(previous))
        try workspace.addParagraphToFirstArticle("Another paragraph about Quillfeather.")
        let after = try workspace.buildBoth()
        #expect(after.same, "\(after.differences)")
        #expect(FileTree.exists(previous, directory: true))
    }

    @Test func anEditedTemplateRendersOnlyThePagesThatUseIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        // The pages made even when nothing changed: those with no digest of their inputs.
        let unchanged = try SiteBuilder.build(workspace.options())
        let url = workspace.templates.appendingPathComponent("date.md")
        try (try String(contentsOf: url, encoding: .utf8) + "\nEdited.\n").write(to: url, atomically: true, encoding: .utf8)
        let before = try #require(BuildCache.load(BuildCache.file(in: workspace.cache, for: workspace.output), output: workspace.output).cache)
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "differs in \(differences.prefix(5))")
        let index = GraphIndex(SiteBuilder.load(workspace.options()).graph)
        #expect(report.pagesRendered == index.dateValues.count)
        // The date pages are the pages they were: their fingerprints are kept, not made again; the
        // templates they were rendered with are new.
        let after = try #require(BuildCache.load(BuildCache.file(in: workspace.cache, for: workspace.output), output: workspace.output).cache)
        let datePages = index.dateValues.map { index.datePath($0) }
        #expect(datePages.count > 5)
        // Not made again: the edit adds text, which each date page's last content takes without
        // the page (`PageSplice`); those made on every build (a date with notes has no digest of
        // its inputs) are made as always.
        #expect(report.pagesSpliced == datePages.count)
        #expect(report.pagesMade == unchanged.pagesMade)
        for path in datePages {
            let old = try #require(before.entries[path]), new = try #require(after.entries[path])
            #expect(new.fingerprint == old.fingerprint && new.inputs == old.inputs && new.templates != old.templates, "\(path)")
        }
        #expect(after.entries.filter { datePages.contains($0.key) == false } == before.entries.filter { datePages.contains($0.key) == false })
        // The template back as it was, and an article edited in the same build: every page that
        // article touches is made again, its fingerprint with it, and the site is a clean build's.
        try (try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\nEdited.\n", with: "")).write(to: url, atomically: true, encoding: .utf8)
        let article = workspace.articles.appendingPathComponent(try workspace.articleNames()[0])
        let text = try String(contentsOf: article, encoding: .utf8), edited = text.replacingOccurrences(of: " said", with: " stated")
        #expect(edited != text)
        try edited.write(to: article, atomically: true, encoding: .utf8)
        let (_, sameAgain, differencesAgain) = try workspace.buildBoth()
        #expect(sameAgain, "differs in \(differencesAgain.prefix(5))")
    }

    /// Kept pages that link into a page made again are not checked again while its ids are the
    /// last build's; when a template changes them, the pages kept are checked and the build fails.
    @Test func keptPagesAreCheckedAgainstIdsThatChanged() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let url = workspace.templates.appendingPathComponent("article.md")
        let template = try String(contentsOf: url, encoding: .utf8)
        try (template + "\nEdited.\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(try workspace.buildBoth().same)
        // Every paragraph's id loses its name: the actor and date pages, kept, link to them.
        try template.replacingOccurrences(of: "{#{{anchor}}", with: "{#x{{anchor}}").write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try SiteBuilder.build(workspace.options())
            Issue.record("the build passed with links to ids that are gone")
        } catch {
            #expect(error.message.contains("broken link"))
            #expect(error.message.contains("actors/"), "\(error.message)")
            #expect(error.message.contains("no id=\"p"), "\(error.message)")
        }
    }

    /// A build that fails leaves the output and the cache's folder as the last good build left
    /// them (the build cache, the whole search index it keeps), and its staged site for the next
    /// build to write over: the build after the mend is incremental, and a clean build's bytes.
    @Test func aFailedBuildLeavesTheCacheOfTheLastGoodBuild() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let cacheFile = BuildCache.file(in: workspace.cache, for: workspace.output)
        let previous = workspace.cache.appendingPathComponent(CacheFile.name("site", for: workspace.output, suffix: ".previous"))
        let first = try SiteBuilder.build(workspace.options())
        let output = try Fixtures.snapshot(workspace.output)
        let cache = try Data(contentsOf: cacheFile), searchIndex = try Data(contentsOf: workspace.searchIndex)
        // A new word for the search index, and a link to no page in a template.
        let file = workspace.articles.appendingPathComponent("108_opec-meeting.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "barrels", with: "barrels zyxwort").write(to: file, atomically: true, encoding: .utf8)
        let template = workspace.templates.appendingPathComponent("source.md")
        let source = try String(contentsOf: template, encoding: .utf8)
        try (source + "\n[gone](../missing.html)\n").write(to: template, atomically: true, encoding: .utf8)
        #expect {
            try SiteBuilder.build(workspace.options())
        } throws: { error in
            "\(error)".contains("broken link `../missing.html`")
        }
        #expect(try Fixtures.snapshot(workspace.output) == output)
        #expect(try Data(contentsOf: cacheFile) == cache)
        #expect(try Data(contentsOf: workspace.searchIndex) == searchIndex)
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.cache.path)
        #expect(!left.contains { $0.hasSuffix(".pending") || $0.hasSuffix(".tmp") }, "\(left)")
        // The staged site, kept: it has the pages that failed.
        let staged = try Fixtures.snapshot(previous)
        #expect(staged.contains { $0.key.hasPrefix("articles/") && String(decoding: $0.value, as: UTF8.self).contains("zyxwort") })
        #expect(staged.contains { $0.key.hasPrefix("sources/") && String(decoding: $0.value, as: UTF8.self).contains("missing.html") })

        try source.write(to: template, atomically: true, encoding: .utf8)
        let mended = try workspace.buildBoth()
        #expect(mended.same, "\(mended.differences)")
        #expect(mended.incremental.pagesRendered >= 2)
        #expect(mended.incremental.pagesRendered < first.pages / 4)
        #expect(try Data(contentsOf: cacheFile) != cache)
        #expect(try Data(contentsOf: workspace.searchIndex) != searchIndex)
        #expect(try String(contentsOf: workspace.searchIndex, encoding: .utf8).contains("zyxwort"))
    }

    @Test func aChangedDataFileIsMadeWholeAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        // The same size, other bytes and another time: not the file the cache remembers.
        let index = workspace.searchIndex
        let original = try Data(contentsOf: index)
        let split = try Fixtures.snapshot(workspace.output.appendingPathComponent("search"))
        try Data(repeating: UInt8(ascii: "x"), count: original.count).write(to: index)
        let report = try SiteBuilder.build(workspace.options())
        // briefing.json is still copied article by article; the search index is made whole.
        #expect(report.dataPartsCopied == report.articles)
        #expect(try Data(contentsOf: index) == original)
        #expect(try Fixtures.snapshot(workspace.output.appendingPathComponent("search")) == split)
    }

    /// The site publishes the search index split (`search/`), not whole: the whole index, which
    /// the next build copies parts from, is kept in the cache's folder, and a build without a
    /// cache leaves it nowhere.
    @Test func theWholeSearchIndexIsKeptInTheCacheNotPublished() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(SitePath.searchIndex).path))
        let whole = try FileTree.read(workspace.searchIndex)
        let split = try #require(SearchShards.split(whole))
        #expect(split.count > 20)
        for file in split { #expect(try FileTree.read(workspace.output.appendingPathComponent(file.path)) == file.bytes, "\(file.path)") }
        // An edited article: its documents are made, the others' copied from the kept index.
        try workspace.addParagraphToFirstArticle("A last paragraph about Quillfeather.")
        let (report, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        #expect(report.dataPartsCopied == 2 * (report.articles - 1))
        #expect(try String(contentsOf: workspace.output.appendingPathComponent("search/t-q.js"), encoding: .utf8).contains("\"quillfeather\""))
        // Without a cache: the search index is split and deleted, in neither folder.
        try FileManager.default.removeItem(at: workspace.cache)
        _ = try SiteBuilder.build(workspace.options(cached: false))
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(SitePath.searchIndex).path))
        #expect(!FileManager.default.fileExists(atPath: workspace.cache.path))
        #expect(try Fixtures.snapshot(workspace.output).keys.filter { $0.hasPrefix("search/") }.count == split.count)
    }

    /// Without notes and an overview, the whole graph has a digest (`GraphDigest`): a data file
    /// made from the same graph is kept whole (the same file, linked into the new output). With
    /// notes it is made again, its parts copied.
    /// A cache on another file system than the output (here /dev/shm, a tmpfs): the whole search
    /// index cannot be moved there, so it is copied, and the next build still copies unchanged
    /// articles' parts from it.
    @Test(.enabled(if: Self.shmIsAnotherFileSystem)) func theWholeSearchIndexIsCopiedToACacheOnAnotherFileSystem() throws {
        let workspace = try Workspace()
        let cache = URL(fileURLWithPath: "/dev/shm/briefing-tests-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: workspace.root)
            try? FileManager.default.removeItem(at: cache)
        }
        var options = workspace.options()
        options.cache = cache
        _ = try SiteBuilder.build(options)
        let kept = try #require(StagedSite.stashed(SitePath.searchIndex, in: cache, for: workspace.output))
        let whole = try FileTree.read(kept)
        #expect(try #require(SearchShards.split(whole)).count > 20)
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(SitePath.searchIndex).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).allSatisfy { !$0.hasSuffix(".tmp") })
        try workspace.addParagraphToFirstArticle("A last paragraph about Quillfeather.")
        let report = try SiteBuilder.build(options)
        // The site it replaced cannot be moved into that cache: it is deleted, as without a cache.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).allSatisfy { !$0.hasSuffix(".previous") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".Public") }.isEmpty)
        // briefing.json's and the search index's parts of every other article are copied.
        #expect(report.dataPartsCopied == 2 * (report.articles - 1))
        let clean = workspace.root.appendingPathComponent("clean")
        _ = try SiteBuilder.build(workspace.options(output: clean, cached: false))
        #expect(try Fixtures.snapshot(workspace.output) == Fixtures.snapshot(clean))
    }

    static let shmIsAnotherFileSystem: Bool = {
        guard let shm = try? FileManager.default.attributesOfItem(atPath: "/dev/shm")[.systemNumber] as? Int,
              let temporary = try? FileManager.default.attributesOfItem(atPath: NSTemporaryDirectory())[.systemNumber] as? Int
        else { return false }
        return shm != temporary
    }()

    @Test(arguments: [false, true]) func anUnchangedDataFileIsKeptWhole(editorial: Bool) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        if !editorial { try workspace.removeNotesAndOverview() }
        // The whole search index is kept in the cache's folder, its manifest in the site.
        func inode(_ path: String) throws -> UInt64 {
            let file = path == SitePath.searchIndex ? workspace.searchIndex : workspace.output.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            return try #require(attributes[.systemFileNumber] as? UInt64)
        }
        _ = try SiteBuilder.build(workspace.options())
        let before = try [SitePath.searchIndex, SitePath.searchShards, BriefingExport.path, SitePath.feed].map(inode)
        let report = try SiteBuilder.build(workspace.options())
        let after = try [SitePath.searchIndex, SitePath.searchShards, BriefingExport.path, SitePath.feed].map(inode)
        #expect(report.pagesRendered == 0)
        if editorial {
            // Made again (notes make no digest of the whole graph): new files, but for the split's
            // manifest, made the same as the last build's and linked from the output.
            #expect(before[0] != after[0] && before[2] != after[2] && before[3] != after[3])
            #expect(before[1] == after[1])
        } else {
            #expect(before == after)
            // Every part of a kept file counts as copied: each article's in briefing.json and in the search index.
            #expect(report.dataPartsCopied >= 2 * report.articles)
            // A gazetteer entry that names no one in the articles changes no page and no data file.
            let url = workspace.content.appendingPathComponent("actors.yml")
            func addEntry(_ entry: String) throws {
                try Data((try String(contentsOf: url, encoding: .utf8) + entry).utf8).write(to: url)
            }
            try addEntry("- name: Olena Vasylenko\n  aliases: [Vasylenko]\n")
            let (nobody, sameForNobody, differencesForNobody) = try workspace.buildBoth()
            #expect(sameForNobody, "\(differencesForNobody.prefix(5))")
            #expect(nobody.pagesRendered == 0)
            #expect(try [SitePath.searchIndex, SitePath.searchShards, BriefingExport.path, SitePath.feed].map(inode) == after)
            // One that names a discovered actor changes the graph (the actor's origin, in briefing.json):
            // the files are made again, as a clean build makes them.
            try addEntry("- name: Keith Kellogg\n  kind: person\n  description: US envoy\n")
            let (_, same, differences) = try workspace.buildBoth()
            #expect(same, "\(differences.prefix(5))")
            #expect(try [SitePath.searchIndex, SitePath.searchShards, BriefingExport.path, SitePath.feed].map(inode) != after)
            #expect(try String(contentsOf: workspace.output.appendingPathComponent(BriefingExport.path), encoding: .utf8)
                        .contains("\"description\":\"US envoy\""))
        }
    }

    /// The search index's split (`search/`) is kept with the index when the index is kept; when
    /// one of its files is not what the last build wrote, all are made again: the ones already
    /// linked from the output are not written through, and each made the same as the output's
    /// file is linked from there again; the missing one is a new file.
    @Test func theSplitSearchIndexIsKeptWithItOrMadeAgainIntoNewFiles() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.removeNotesAndOverview()
        let folder = workspace.searchFolder, inodes = workspace.searchInodes
        _ = try SiteBuilder.build(workspace.options())
        let first = try inodes()
        #expect(first.count > 20 && first["index.js"] != nil && first["d-0.js"] != nil)
        _ = try SiteBuilder.build(workspace.options())
        #expect(try inodes() == first, "kept whole, linked")
        // The last file in path order is gone: every other one is linked before that is found.
        let last = try #require(first.keys.sorted().last)
        let keep = workspace.root.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        for name in first.keys { try FileManager.default.linkItem(at: folder.appendingPathComponent(name), to: keep.appendingPathComponent(name)) }
        let before = try Fixtures.snapshot(keep)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(last))
        let (_, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        let after = try inodes()
        #expect(after.keys.sorted() == first.keys.sorted())
        #expect(after.filter { first[$0.key] != $0.value }.keys.sorted() == [last], "the missing one made into a new file, the rest linked")
        #expect(try Fixtures.snapshot(keep) == before, "the last build's files are as they were")
    }

    /// After an article edit the split is made again; each of its files the same as the last
    /// build's is linked from the output (the same inode), each that changed is a new file, and
    /// the site is the clean build's.
    @Test func theSplitsUnchangedFilesAreLinkedWhenItIsMadeAgain() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.removeNotesAndOverview()
        let folder = workspace.searchFolder, inodes = workspace.searchInodes
        _ = try SiteBuilder.build(workspace.options())
        let first = try inodes(), bytes = try Fixtures.snapshot(folder)
        // A new word in a paragraph of the last article: no document added, one term.
        let article = workspace.articles.appendingPathComponent(try #require(try workspace.articleNames().last))
        let text = try String(contentsOf: article, encoding: .utf8)
        let edited = text.replacingOccurrences(of: " the ", with: " the quokka ", options: [], range: text.range(of: " the "))
        #expect(edited != text)
        try Data(edited.utf8).write(to: article)
        let (_, same, differences) = try workspace.buildBoth()
        #expect(same, "\(differences.prefix(5))")
        let after = try inodes(), now = try Fixtures.snapshot(folder)
        let changed = Set(now.keys.filter { bytes[$0] != now[$0] })
        #expect(changed.contains("t-q.js") && changed.count < now.count / 2, "\(changed.sorted())")
        for (name, inode) in after {
            if changed.contains(name) {
                #expect(first[name] != inode, "\(name) changed: a new file")
            } else {
                #expect(first[name] == inode, "\(name) unchanged: linked")
            }
        }
    }

    @Test func earlierPostingsAreRenumberedAndTheDroppedLeftOut() throws {
        // Last build: article A at docs 0–2, article B at 3–4, an actor at 5. Now B comes first.
        let terms = Array(#""kyiv":"0,2,1,2","café":"4","peskov":"5""#.utf8)
        let kept = try #require(SearchIndex.earlierPostings(
            DataFileParts(earlier: [.init(key: "A", offset: 0, length: 1, extra: 0), .init(key: "B", offset: 1, length: 1, extra: 3),
                                    .init(key: SearchIndex.termsKey, offset: 2, length: terms.count)]) { part in
                part.key == SearchIndex.termsKey ? terms : [0]
            }, keys: ["B", "C", "A"], firstDoc: [0, 2, 5], docCounts: [2, 1, 3]))
        #expect(kept.kept == [true, false, true])
        // kyiv: old 0, 2 (A) → 5, 7; old 3 (B) → 0; old 5 (the actor) is dropped.
        #expect(kept.terms.map(\.term) == ["café", "kyiv"], "in the order of their bytes")
        #expect(kept.terms.map(\.documents) == [[1], [5, 7, 0]])
        #expect(SearchIndex.parseTerms(Array(#""a":"1,""#.utf8), renumbered: [0, 1], dropped: .max) == nil)
        #expect(SearchIndex.parseTerms(Array(#""a":"1"x"#.utf8), renumbered: [0, 1], dropped: .max) == nil)
    }

    @Test func cacheRoundTrips() throws {
        let links = LinkChecker.PageLinks(ids: ["p1", "tab\there", "100%"], targets: ["a.html", "b/x\ny", "c%d.html"],
                                          fragments: [.init(target: 2, id: "p 3"), .init(target: 0, id: "")], links: [
            .init(text: "../a.html#p1", target: "a.html", fragment: "p1"),
            .init(text: "x\ny", target: "b/x\ny", fragment: nil, problem: nil),
        ])
        let edges = try #require(MarkdownDocument.Edges(packed: 13))
        let frame = PageFrame(contentOffset: 3, contentLength: 7, page: .init(template: "article", title: "A\tb", description: "",
                                                                              openGraphType: "article", canonical: nil, jsonLD: "{}"),
                              segments: [.init(digest: .max, chunks: 2, length: 3, edges: edges), .init(digest: 1, chunks: 1, length: 4, edges: edges)])
        // Segments whose lengths are not the content's: stored, read past, and no frame when asked for.
        var unsound = frame
        unsound.segments[1].length = 5
        let cache = BuildCache(entries: ["articles/a\tb.html": .init(fingerprint: "0123", templates: "4567", stamp: .init(size: 10, modified: 42),
                                                                              links: StoredLinks(links), inputs: "89ab", body: "cdef", frame: frame),
                                         "b.html": .init(fingerprint: "1", templates: "2", stamp: .init(size: 1, modified: 1),
                                                         links: StoredLinks(links), inputs: ""),
                                         "c.html": .init(fingerprint: "3", templates: "4", stamp: .init(size: 20, modified: 2),
                                                         links: StoredLinks(links), frame: unsound)])
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("Public")
        let file = BuildCache.file(in: directory, for: output)
        try cache.save(file, output: output)
        let (loaded, note) = BuildCache.load(file, output: output)
        #expect(note == nil)
        #expect(loaded?.entries.filter { $0.key != "c.html" } == cache.entries.filter { $0.key != "c.html" })
        #expect(loaded?.entries["articles/a\tb.html"]?.links.ids == links.ids)
        #expect(loaded?.entries["articles/a\tb.html"]?.frame == frame)
        #expect(loaded?.entries["articles/a\tb.html"]?.stored?.contentLength == 7)
        #expect(loaded?.entries["c.html"]?.stored?.contentOffset == 3)
        #expect(loaded?.entries["c.html"]?.frame == nil)
        // Links and frames kept from the last cache are written into the next one as they were read.
        #expect(loaded?.sealed(output: output) == cache.sealed(output: output))
        // A frame whose content would lie past the end of its file: the whole cache is ignored.
        var outside = cache
        outside.entries["b.html"]?.frame = frame
        try outside.save(file, output: output)
        #expect(BuildCache.load(file, output: output).cache == nil)
        try cache.save(file, output: output)
        // The cache of another output directory is not this one's.
        #expect(BuildCache.load(file, output: directory.appendingPathComponent("Other")).cache == nil)
        // Sizes and lengths at the ends of the numbers are refused, never taken past them.
        var huge = cache
        huge.entries["articles/a\tb.html"]?.stamp.size = .min
        try huge.save(file, output: output)
        #expect(BuildCache.load(file, output: output).cache == nil)
        huge = cache
        huge.files["search.js"] = .init(stamp: .init(size: .min, modified: 0), parts: [.init(key: "k", offset: 0, length: 1, extra: 0)])
        try huge.save(file, output: output)
        #expect(BuildCache.load(file, output: output).cache == nil)
        var frameWriter = BinaryWriter()
        frameWriter.int(0); frameWriter.int(.max)
        for _ in 0..<4 { frameWriter.string("") }
        frameWriter.string(nil as String?); frameWriter.string(""); frameWriter.int(.max)
        var frameReader = BinaryReader(frameWriter.bytes)
        #expect(throws: BinaryReader.Failure.self) { try StoredFrame(from: &frameReader) }
        frameReader = BinaryReader(frameWriter.bytes)
        #expect(throws: BinaryReader.Failure.self) { try PageFrame(from: &frameReader) }
        // Segments whose lengths add up past the largest number, or with more chunks than a
        // template has room for (`PageSplice` adds them to a chunk's place): refused, not added.
        for (lengths, chunks) in [([Int.max / 2 + 1, Int.max / 2 + 1], [1, 1]), ([Int.max, 0], [Int.max, 1])] {
            frameWriter = BinaryWriter()
            frameWriter.int(0); frameWriter.int(.max)
            for _ in 0..<4 { frameWriter.string("") }
            frameWriter.string(nil as String?); frameWriter.string(""); frameWriter.int(2)
            for (length, count) in zip(lengths, chunks) { frameWriter.int(0); frameWriter.int(count); frameWriter.int(length); frameWriter.int(13) }
            frameReader = BinaryReader(frameWriter.bytes)
            #expect(throws: BinaryReader.Failure.invalid) { try PageFrame(from: &frameReader) }
        }
        // A link to an id whose target position the page does not have is refused, not read past the end.
        var writer = BinaryWriter()
        LinkChecker.PageLinks(ids: [], targets: ["a.html"], fragments: [.init(target: 1, id: "p1")], links: []).write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(throws: BinaryReader.Failure.invalid) { try LinkChecker.PageLinks(from: &reader) }
    }
}
