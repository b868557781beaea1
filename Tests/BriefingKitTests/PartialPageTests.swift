import Foundation
import Testing
@testable import BriefingKit

/// A part of a page template rendered for a page made for the names it looks up alone
/// (`ContextNames`, `Plan.page(at:needing:)`, `LookupRecorder`): the same HTML as with the whole
/// page, for every article page of the sample site with the fixture notes.
@Suite("Pages made for a part of their template")
struct PartialPageTests {
    @Test func aTagsNameIsTheOneItLooksUp() {
        #expect(ContextNames.lookedUp("title") == "title")
        #expect(ContextNames.lookedUp("site.title") == "site")
        #expect(ContextNames.lookedUp("empty(notes)") == "notes")
        #expect(ContextNames.lookedUp("reversed(sorted(items.first))") == "items")
        #expect(ContextNames.lookedUp(".title") == "title")
        #expect(ContextNames.lookedUp(".") == nil)
        #expect(ContextNames.lookedUp("first()") == nil)
        #expect(ContextNames.isContextItself(".") && ContextNames.isContextItself("uppercased(.)"))
        #expect(!ContextNames.isContextItself(".title") && !ContextNames.isContextItself("first()"))
    }

    /// Outside any section, and through the partials included there; not inside a section.
    @Test func aChunkNamesWhatItLooksUpOutsideItsSections() {
        let partials = ["p/outer": "{{heading}} {{> p/inner}} {{#list}}{{hidden}}{{/list}}", "p/inner": "{{deep}} {{> p/outer}}"]
        var seen = Set<String>()
        let names = TemplateChunks.lookedUp(by: MustacheTags.scan("# {{title}}\n{{#next}}[{{label}}]({{url}}){{/next}}\n{{^empty(notes)}}x{{/empty(notes)}} {{> p/outer}}"),
                                            partialTags: { partials[$0].map(MustacheTags.scan) }, seen: &seen)
        #expect(names == ["title", "next", "notes", "heading", "deep", "list"])
        // The page's context itself, outside a section (here through a partial): not known by names.
        seen = []
        #expect(TemplateChunks.lookedUp(by: MustacheTags.scan("{{title}} {{> p/self}}"), partialTags: { _ in MustacheTags.scan("{{.}}") },
                                        seen: &seen) == nil)
        seen = []
        #expect(TemplateChunks.lookedUp(by: MustacheTags.scan("{{#list}}{{.}}{{/list}}"), partialTags: { _ in nil }, seen: &seen) == ["list"])
    }

    static func site() throws -> (plan: SitePlanner.Plan, content: URL) {
        let content = try NoteTests.content()
        let options = SiteBuilder.Options(content: content, templates: Fixtures.templates, output: content.deletingLastPathComponent())
        return (SitePlanner.plan(SiteBuilder.load(options).graph), content)
    }

    /// Every chunk of `article.md`, and every run of three, alone and in a template whose sections
    /// look names up in the page's context (`{{id}}` and `{{#actors}}` in `{{#next}}`, which a
    /// link has not; a page made for `next` alone has no actors) and whose text gives the title's
    /// block its id (a page made for `title` alone has none of its links).
    @Test func everyArticleChunkRendersAsWithTheWholePage() throws {
        let plain = try Self.renderEveryChunk(of: ArticlePages.template)
        let edited = try Self.renderEveryChunk(of: ArticlePages.template) { text in
            text.replacingOccurrences(of: "[Newer: {{title}} →]({{url}})",
                                      with: "[Newer: {{title}} →]({{url}}), after {{id}} ({{#outlet}}{{date}}{{/outlet}}) of {{#actors}}{{name}}, {{/actors}}")
                + "\n{{#author}}\nBy {{author}}{{#authorURL}} ([page]({{authorURL}})){{/authorURL}}, {{actorsIndex}}\n{{/author}}\n"
                + "\n{{#id}}\n{#title}\n{{title}}, again\n{{/id}}\n"
        }
        #expect(plain.pages == 3)
        // Most parts were rendered with a page made for them alone.
        #expect(plain.partial > 60 && edited.partial > 60)
        // Names found inside sections among the parts left out made the page again: none in the
        // default template (`authorURL` in `{{#author}}` is always made), `actors` in `{{#next}}`
        // for each page in the edited one.
        #expect(plain.rounds == 0)
        #expect(edited.rounds >= 3)
        // The title's id given by the template's text, not by `titleAnchor`: the page made whole.
        #expect(plain.whole == 0)
        #expect(edited.whole >= 3)
    }

    /// The same for `actor.md`, also with a section that looks up a part not made (`{{#aliases}}`
    /// inside `{{#firstMention}}`, a link that has none).
    @Test func everyActorChunkRendersAsWithTheWholePage() throws {
        let plain = try Self.renderEveryChunk(of: ActorPages.template)
        let edited = try Self.renderEveryChunk(of: ActorPages.template) { text in
            text.replacingOccurrences(of: "{{#firstMention}}\n", with: "{{#firstMention}}\nAlso {{#aliases}}“{{.}}” {{/aliases}}\n")
        }
        #expect(plain.pages >= 20)
        #expect(plain.partial > 10 * plain.pages)
        #expect(plain.whole == 0)
        #expect(edited.rounds >= plain.rounds + plain.pages / 2)
    }

    /// Every chunk of the template, and every run of three, for every page of it, rendered with the
    /// whole page and with pages made for the names asked: the same HTML and segments.
    static func renderEveryChunk(of template: String, editing edit: ((String) -> String)? = nil) throws
        -> (pages: Int, partial: Int, rounds: Int, whole: Int) {
        let (plan, content) = try Self.site()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        if let edit {
            let file = templates.appendingPathComponent(template + ".md")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(edit(text) != text)
            try edit(text).write(to: file, atomically: true, encoding: .utf8)
        }
        let renderer = PageRenderer(templates: try TemplateSet(directory: templates, displayRoot: "Templates"), settings: plan.index.graph.settings)
        let cut = try #require(renderer.templates.chunks[template])
        var pages = 0, partial = 0, rounds = 0, whole = 0
        for number in 0..<plan.pageCount {
            let page = plan.page(at: number)
            guard page.template == template else { continue }
            pages += 1
            let runs = cut.chunks.indices.map { $0..<($0 + 1) } + stride(from: 0, to: cut.chunks.count - 2, by: 3).map { $0..<($0 + 3) }
            for run in runs {
                let expected = renderer.render(chunks: run, of: cut) { _ in page }
                var asked: [ContextNames] = []
                let made = renderer.render(chunks: run, of: cut) { names in
                    asked.append(names)
                    return names.isAll ? page : plan.page(at: number, needing: names)
                }
                #expect(made.html == expected.html, "\(page.path) chunks \(run)")
                #expect(made.segments?.map(\.length) == expected.segments?.map(\.length), "\(page.path) chunks \(run)")
                if let first = asked.first, !first.isAll { partial += 1 }
                if asked.count > 1, !asked[1].isAll { rounds += 1 }
                if asked.last?.isAll ?? false { whole += 1 }
            }
        }
        return (pages, partial, rounds, whole)
    }
}
