import Foundation
import Testing
@testable import BriefingKit

/// The JSON-LD of pages is written directly, byte for byte as `JSONEncoder` (sorted keys, slashes
/// escaped) writes it, with "<" escaped too.
@Suite("Structured data")
struct StructuredDataTests {
    /// What `StructuredData.encode` wrote before, with Foundation's encoder.
    static func byFoundation(_ thing: StructuredData.Thing) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(thing)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// Texts that need escapes: quotes, backslashes, control characters, a closing script tag,
    /// slashes, and characters beyond ASCII.
    static let hostile = ["He said \"no\" \\ twice", "tab\there\nnew line\r\u{0}\u{1F}\u{7F}", "</script><script>alert(1)</script>",
                          "https://example.org/a/b?c=d&e", "Zelenskyy – “Київ” 🇺🇦 \u{2028}\u{2029}", ""]

    @Test func theTextIsTheEncodersForEveryShape() {
        typealias Named = StructuredData.Named
        for text in Self.hostile {
            let things = [
                StructuredData.Thing(type: "WebSite", name: text, description: nil, url: nil),
                StructuredData.Thing(type: "Person", name: text, description: text, url: "https://x.org/" + text, sameAs: text),
                StructuredData.Thing(type: "NewsArticle", headline: text, description: text, url: text, datePublished: "2025-01-20",
                                     author: [Named(type: "Person", name: text), Named(type: "Person", name: "B")],
                                     publisher: Named(type: "Organization", name: text),
                                     about: [Named(type: "Place", name: text)]),
                StructuredData.Thing(type: "NewsArticle", headline: text, author: [], about: []),
            ]
            for thing in things {
                #expect(StructuredData.encode(thing) == Self.byFoundation(thing), "\(text)")
            }
        }
    }

    /// The JSON-LD of every page of the sample site and the linking fixtures, made again with
    /// the encoder from the same values.
    @Test func everyArticleOfTheFixturesIsEncodedAsBefore() throws {
        let (plan, _) = try MonthPageTests.plan(limit: nil)
        let index = plan.index
        var compared = 0
        for article in index.graph.articles {
            let about = (index.actorsByArticle[article.id] ?? []).compactMap { index.actorsByID[$0] }
            let meta = StructuredData.article(article, path: index.articlePath(article.id), settings: index.graph.settings, about: about)
            let thing = StructuredData.Thing(type: "NewsArticle", headline: String(article.title.prefix(110)), description: article.teaser,
                                             url: article.url ?? StructuredData.absolute(index.articlePath(article.id), settings: index.graph.settings),
                                             datePublished: article.published.iso,
                                             author: article.author.map { [StructuredData.Named(type: "Person", name: $0)] },
                                             publisher: article.outlet.map { StructuredData.Named(type: "Organization", name: $0.name) },
                                             about: about.isEmpty ? nil : about.prefix(10).map { StructuredData.Named(type: StructuredData.schemaType($0.kind), name: $0.name) })
            #expect(meta.jsonLD == Self.byFoundation(thing), "\(article.id)")
            compared += 1
        }
        #expect(compared == 17)
        for actor in index.actorsWithPages {
            let meta = StructuredData.actor(actor, path: index.actorPath(actor.id), settings: index.graph.settings)
            let thing = StructuredData.Thing(type: StructuredData.schemaType(actor.kind), name: actor.name, description: actor.description,
                                             url: StructuredData.absolute(index.actorPath(actor.id), settings: index.graph.settings), sameAs: actor.link)
            #expect(meta.jsonLD == Self.byFoundation(thing), "\(actor.id)")
        }
    }
}
