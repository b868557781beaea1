import Foundation
import Testing
@testable import BriefingKit

@Suite("Template check")
struct TemplateCheckTests {
    /// Paths inside a value where an optional is nil or a collection is empty: keys below them are
    /// invisible to reflection.
    func hiddenParts(of value: Any, at path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return hiddenParts(of: wrapped, at: path)
        case .collection:
            guard let first = mirror.children.first?.value else { return [path] }
            return hiddenParts(of: first, at: path + "[0]")
        case .struct, .class:
            return mirror.children.flatMap { hiddenParts(of: $0.value, at: path + "." + ($0.label ?? "?")) }
        default:
            return []
        }
    }

    @Test(arguments: PageContexts.all.map { String(describing: $0) })
    func everyContextCanBeMadeWhole(_ name: String) throws {
        let type = try #require(PageContexts.all.first { String(describing: $0) == name })
        let full = try ShapeDecoder.full(type)
        #expect(hiddenParts(of: full) == [], "\(name)")
    }

    @Test func wholeContextsNameNestedKeys() {
        // Keys that sit only under lists and optionals, which an empty briefing leaves out.
        for key in ["speaker", "snippet", "seen", "role", "actorURL", "descriptions", "sourcesIndex", "plan", "statements", "evidence"] {
            #expect(TemplateCheck.knownKeys.contains(key), "\(key)")
        }
        #expect(!TemplateCheck.knownKeys.contains("titel"))
    }

    /// The default templates raise no warning however little the briefing holds.
    @Test(arguments: ["empty", "one article"])
    func defaultTemplatesOnASparseBriefing(_ shape: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "title: Sparse\n".write(to: content.appendingPathComponent("briefing.yml"), atomically: true, encoding: .utf8)
        if shape == "one article" {
            try "<TITLE>Talks</TITLE>\n<PUBLISHED_DATE>2025-01-10</PUBLISHED_DATE>\n<CONTENT>\nThe talks went on.\n</CONTENT>\n"
                .write(to: content.appendingPathComponent("articles/talks.txt"), atomically: true, encoding: .utf8)
        }
        let report = try SiteBuilder.build(.init(content: content, templates: Fixtures.templates,
                                                 output: directory.appendingPathComponent("Public")))
        let templateWarnings = report.diagnostics.filter { $0.file.hasPrefix(Fixtures.templates.path) || $0.message.contains("unknown key") }
        #expect(templateWarnings.map(\.description) == [])
        #expect(report.diagnostics.map(\.message) == (shape == "empty" ? ["no articles found"] : []))
    }

    /// swift-mustache says `expectedSectionEnd` at the end of the file; the message names the
    /// section left open and its line.
    @Test(arguments: [
        ("# {{title}}\n\n{{#related}}\n- {{title}}\n\nMore text.\n",
         3, "section `{{#related}}` is never closed: end it with `{{/related}}`"),
        ("{{#a}}\n{{^b}}\nx\n{{/b}}\n",
         1, "section `{{#a}}` is never closed: end it with `{{/a}}`"),
        ("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n",
         3, "`{{/a}}` does not close `{{#b}}`, opened on line 2: end that one first with `{{/b}}`"),
        ("text\n{{/gone}}\n",
         2, "`{{/gone}}` closes no section: none is open"),
        ("a {{title\nb\n",
         1, "a tag is not finished (a `{{` without its `}}`): `a {{title`"),
        ("{{=<% %>=}}\n<%#a%>\n",
         3, "template syntax: expectedSectionEnd near ``"),
    ])
    func syntaxErrorsNameTheSectionAndWhereItOpened(_ text: String, _ line: Int, _ message: String) {
        let problem = TemplateSyntax.problem(in: text)
        #expect(problem?.line == line)
        #expect(problem?.message == message)
    }
}
