import Foundation
import Testing
@testable import BriefingKit

/// The generated hashing (`ContextHashing.swift`, `scripts/context-lookup.py`) feeds a page's
/// fingerprint what `Encodable` feeds it: a context with every part present, and every page of the
/// sample site with the fixture notes (highlights, notes on every kind of page), give one digest
/// both ways. A property the generated code missed, or fed in another order, fails here.
@Suite("Context hashing")
struct ContextHashingTests {
    static func digests(_ value: some Encodable & StableHashing) -> (encodable: String, direct: String) {
        var encodable = StableHasher(), direct = StableHasher()
        StableDigest.of(value, into: &encodable)
        StableDigest.direct(value, into: &direct)
        return (encodable.finalize(), direct.finalize())
    }

    static func digests(_ context: any PageContext) -> (encodable: String, direct: String)? {
        guard let hashing = context as? any StableHashing else { return nil }
        var encodable = StableHasher(), direct = StableHasher()
        StableDigest.of(context, into: &encodable)
        StableDigest.direct(hashing, into: &direct)
        return (encodable.finalize(), direct.finalize())
    }

    @Test(arguments: PageContexts.all.map { String(describing: $0) })
    func everyContextWholeHashesAsEncodableDoes(_ name: String) throws {
        let type = try #require(PageContexts.all.first { String(describing: $0) == name })
        let context = try ShapeDecoder.full(type)
        let both = try #require(Self.digests(context), "\(name) has no generated hashing")
        #expect(both.encodable == both.direct)
    }

    @Test func everyPageOfTheSampleSiteWithNotesHashesAsEncodableDoes() throws {
        let content = try NoteTests.content()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let options = SiteBuilder.Options(content: content, templates: Fixtures.templates, output: content.deletingLastPathComponent())
        let pages = SitePlanner.pages(for: SiteBuilder.load(options).graph)
        #expect(pages.count > 30)
        var differing: [String] = [], links = 0, highlights = 0
        for page in pages {
            let both = try #require(Self.digests(page.context), "\(page.path): its context has no generated hashing")
            if both.encodable != both.direct { differing.append(page.path) }
            for (block, list) in page.inlineLinks {
                let both = Self.digests(list)
                if both.encodable != both.direct { differing.append("\(page.path)#\(block) links") }
                links += list.count
            }
            for (block, list) in page.highlights {
                let both = Self.digests(list)
                if both.encodable != both.direct { differing.append("\(page.path)#\(block) highlights") }
                highlights += list.count
            }
        }
        #expect(differing == [])
        // The comparison saw links on mentions and marked passages, not only empty lists.
        #expect(links > 100)
        #expect(highlights > 0)
    }

    /// A value that differs in one nested field, or in where a list ends, digests differently.
    @Test func aChangeDeepInAContextChangesTheDigest() throws {
        let snippet = SnippetContext(text: "Kremlin spokesman Dmitry Peskov said", offset: 18, length: 13, url: "a.html#p2", paragraph: 2)
        let link = DatedLink(title: "T", url: "u.html", date: "1 May 2025", dateISO: "2025-05-01")
        let base = Self.digests(ArticleMentions(article: link, snippets: [snippet, snippet])).direct
        var moved = snippet
        moved.paragraph = 3
        #expect(Self.digests(ArticleMentions(article: link, snippets: [snippet, moved])).direct != base)
        #expect(Self.digests(ArticleMentions(article: link, snippets: [snippet])).direct != base)
        var retitled = link
        retitled.title = "T2"
        #expect(Self.digests(ArticleMentions(article: retitled, snippets: [snippet, snippet])).direct != base)
        // Two lists of texts that join to the same text differ.
        #expect(Self.digests(["ab", "c"]).direct != Self.digests(["a", "bc"]).direct)
    }
}
