import Mustache
import Testing
@testable import BriefingKit

/// The direct lookups must give what reflection gives, for every stored property.
@Suite("Context lookup")
struct ContextLookupTests {
    func check(_ value: some MustacheParent) {
        let mirror = Mirror(reflecting: value)
        #expect(mirror.children.count > 1)
        for child in mirror.children {
            let label = child.label!
            let direct = value.child(named: label)
            #expect(direct != nil || "\(child.value)" == "nil", "\(type(of: value)).\(label) is missing")
            #expect(String(describing: direct.map { $0 } ?? "nil" as Any) == String(describing: child.value), "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "no-such-key") == nil)
    }

    @Test func everyLookupMatchesReflection() {
        let snippet = SnippetContext(text: "Kremlin spokesman Dmitry Peskov said", offset: 18, length: 13, url: "a.html#p2", paragraph: 2)
        let link = DatedLink(title: "T", url: "u.html", date: "1 May 2025", dateISO: "2025-05-01")
        let actor = ActorLink(name: "Dmitry Peskov", url: "p.html", kind: "person", mentions: 5)
        check(snippet)
        check(link)
        check(actor)
        check(LinkContext(title: "T", url: "u.html"))
        check(BlockContext(anchor: "p1", text: MarkdownFragment(plain: "x"), actors: [actor]))
        check(DateSnippet(snippet: snippet, article: link, actors: [actor], plan: true, value: "2025-01-20"))
        check(ArticleMentions(article: link, snippets: [snippet]))
        check(ActorDate(label: "20 January 2025", url: "d.html", snippet: snippet, article: link, plan: false))
    }
}
