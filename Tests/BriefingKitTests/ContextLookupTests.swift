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
                let direct = parent.child(named: label).map { String(describing: $0) } ?? "nil"
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
        #expect(snippet.child(named: "match") as? String == "Dmitry Peskov")
        #expect(snippet.child(named: "paragraph") as? Int == 2)
        let page = Page(path: "actors/x.html", template: "actor", title: "X", description: "D", context: try ShapeDecoder.full(IndexContext.self))
        let layout = LayoutContext(page: page, settings: SiteSettings(), content: "<p>x</p>")
        #expect(check(layout, at: "layout", checked: &checked) == [])
        #expect(layout.child(named: "root") as? String == "../")
        #expect(layout.child(named: "canonical") == nil)
    }
}
