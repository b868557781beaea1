import Mustache
import Testing
@testable import BriefingKit

/// The generated lookups (`scripts/context-lookup.py`) must give what reflection gives, for every
/// stored property of every context a template can reach, and every such context must have one.
@Suite("Context lookup")
struct ContextLookupTests {
    /// Walks a value as swift-mustache would: every struct below it must look its keys up directly,
    /// with the same values as reflection (which unwraps optionals). Returns the types it checked.
    @discardableResult
    func check(_ value: Any, at path: String, checked: inout Set<String>) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            return mirror.children.flatMap { check($0.value, at: path + "[]", checked: &checked) }
        case .struct:
            if value is MustacheCustomRenderable || value is String { return [] }
            let type = String(describing: Swift.type(of: value))
            guard let parent = value as? MustacheParent else { return ["\(path): \(type) has no direct lookup"] }
            checked.insert(type)
            var problems: [String] = []
            for child in mirror.children {
                let label = child.label!
                let reflected: Any? = Mirror(reflecting: child.value).displayStyle == .optional
                    ? Mirror(reflecting: child.value).children.first?.value : child.value
                // Text comes wrapped (`MustacheText`), to render as the string it holds.
                let direct = parent.child(named: label).map { ($0 as? MustacheText)?.text ?? String(describing: $0) } ?? "nil"
                let expected = reflected.map { String(describing: $0) } ?? "nil"
                if direct != expected { problems.append("\(path).\(label): \(type) gives \(direct), reflection \(expected)") }
                problems += check(child.value, at: path + "." + label, checked: &checked)
            }
            if parent.child(named: "no-such-key") != nil { problems.append("\(type) answers an unknown key") }
            return problems
        default:
            return []
        }
    }

    @Test(arguments: PageContexts.all.map { String(describing: $0) })
    func everyContextLooksUpWhatReflectionSees(_ name: String) throws {
        let type = try #require(PageContexts.all.first { String(describing: $0) == name })
        var checked = Set<String>()
        #expect(check(try ShapeDecoder.full(type), at: name, checked: &checked) == [])
        #expect(checked.contains(name))
    }

    @Test func realValuesMatchToo() throws {
        let snippet = SnippetContext(text: "Kremlin spokesman Dmitry Peskov said", offset: 18, length: 13, url: "a.html#p2", paragraph: 2)
        let link = DatedLink(title: "T", url: "u.html", date: "1 May 2025", dateISO: "2025-05-01")
        var checked = Set<String>()
        #expect(check(ArticleMentions(article: link, snippets: [snippet]), at: "mentions", checked: &checked) == [])
        #expect(checked == ["ArticleMentions", "DatedLink", "SnippetContext"])
        #expect((snippet.child(named: "match") as? MustacheText)?.text == "Dmitry Peskov")
        #expect(snippet.child(named: "paragraph") as? Int == 2)
        let page = Page(path: "actors/x.html", template: "actor", title: "X", description: "D", context: try ShapeDecoder.full(IndexContext.self))
        let layout = LayoutContext(page: page, settings: SiteSettings(), content: "<p>x</p>")
        #expect(check(layout, at: "layout", checked: &checked) == [])
        #expect((layout.child(named: "root") as? MustacheText)?.text == "../")
        #expect(layout.child(named: "canonical") == nil)
    }
    /// `MustacheText` renders, in a section and through a transform, exactly as the string it holds,
    /// in both content types (Markdown templates and the HTML layout); a name inside its section is
    /// looked up further out, as inside a string's.
    @Test func textRendersAsTheStringItHolds() throws {
        _ = MarkdownContentType.registered
        let body = "[{{v}}] [{{{v}}}] [{{#v}}in:{{.}}:{{outer}}{{/v}}] [{{^v}}none{{/v}}] [{{uppercased(v)}}] [{{reversed(v)}}] " +
            "[{{#empty(v)}}empty{{/empty(v)}}{{^empty(v)}}full{{/empty(v)}}] [{{v.count}}] [{{#v}}{{count}}{{/v}}] [{{#v}}{{text}}{{/v}}]"
        for header in ["", "{{% CONTENT_TYPE: \(MarkdownContentType.name) }}"] {
            let template = try MustacheTemplate(string: header + body)
            for text in ["", "Peskov", "A & <b>*x*_ [y](z) `q` #1", "Zelenskyy’s “plan” — ﬁnal", "two\nlines"] {
                let plain = template.render(["v": text, "outer": "O", "count": "C", "text": "T"])
                let wrapped = template.render(["v": MustacheText.value(text) as Any, "outer": "O", "count": "C", "text": "T"])
                #expect(wrapped == plain, "\(header) \(text)")
            }
        }
        // What is not text is handed over as it is; an absent optional is nil, as `return self.key` gives.
        #expect(MustacheText.value(String?.none) == nil)
        #expect(MustacheText.value(Int?.none) == nil)
        #expect(MustacheText.value(Optional(3)) as? Int == 3)
        #expect(MustacheText.value(["a"]) as? [String] == ["a"])
        #expect((MustacheText.value(Optional("a")) as? MustacheText)?.text == "a")
        #expect(try MustacheTemplate(string: "{{v}}").render(["v": MustacheText.value("x & y") as Any]) == "x &amp; y")
    }

    /// A block's `actorLinks` is what its `actors` give through Mustache in a Markdown template,
    /// byte for byte, for names and addresses that need escaping, for one actor and for none.
    @Test func aBlocksLineOfActorsIsWhatItsActorsRenderTo() throws {
        _ = MarkdownContentType.registered
        let header = "{{% CONTENT_TYPE: \(MarkdownContentType.name) }}"
        let byList = try MustacheTemplate(string: header + "{{#actors}}[{{name}}]({{url}}){{^last()}} · {{/last()}}{{/actors}}")
        let byLine = try MustacheTemplate(string: header + "{{actorLinks}}")
        let links = [ActorLink(name: "Volodymyr Zelenskyy", url: "../actors/volodymyr-zelenskyy.html", kind: "person"),
                     ActorLink(name: "A & <b>*x*_ [y](z) `q` #1", url: "a (b) c.html#x_y", kind: "organisation"),
                     ActorLink(name: "Zelenskyy’s “plan” — ﬁnal\\", url: "\\<>.html", kind: "place"),
                     ActorLink(name: "  two\nlines  ", url: "x y.html", kind: "outlet")]
        for count in 0...links.count {
            let block = BlockContext(anchor: "p-1", text: MarkdownFragment(plain: "Text."), actors: Array(links.prefix(count)))
            let line = byLine.render(block)
            #expect(line == byList.render(block), "\(count) actors")
            #expect(line.isEmpty == (count == 0))
        }
        #expect(ActorLink.line(Array(links.prefix(1))).markdown == #"[Volodymyr Zelenskyy](\.\.\/actors\/volodymyr\-zelenskyy\.html)"#)

        // An article's paragraphs in a list by paragraph, the same way.
        let byParagraphs = try MustacheTemplate(string: header + "{{#paragraphs}}[{{number}}]({{url}}){{^last()}}, {{/last()}}{{/paragraphs}}")
        let byParagraphLine = try MustacheTemplate(string: header + "{{paragraphLinks}}")
        let numbers = [3, 12, 0]
        for base in ["../articles/a.html", "a (b)_*.html", "\\[x].html"] {
            for count in 0...numbers.count {
                let article = ArticleParagraphs(article: DatedLink(title: "T", url: base, date: "1 May 2024", dateISO: "2024-05-01"),
                                                numbers: Array(numbers.prefix(count)))
                #expect(byParagraphLine.render(article) == byParagraphs.render(article), "\(base): \(count) paragraphs")
            }
        }
    }
}
