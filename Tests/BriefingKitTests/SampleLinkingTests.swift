import Foundation
import Testing
@testable import BriefingKit

/// The two sample articles with the sample gazetteer, as published in Public/.
@Suite("Linking the samples")
struct SampleLinkingTests {
    static let graph: BriefingGraph = {
        let content = Fixtures.repository.appendingPathComponent("Content")
        return SiteBuilder.load(.init(content: content, templates: Fixtures.templates, output: URL(fileURLWithPath: "/nonexistent"))).graph
    }()
    let graph = SampleLinkingTests.graph
    let dateline = "000_a07414719247a0af"
    let tagged = "003_aa876f87d1a0a2ba"

    func mentions(_ article: String, _ actor: String) -> [Mention] {
        graph.mentions.filter { $0.articleID == article && $0.actorID == actor }
    }

    @Test func peskovIn000LinksToDmitryPeskov() {
        let peskov = mentions(dateline, "dmitry-peskov")
        #expect(peskov.map(\.text) == ["Dmitry Peskov", "Peskov"])
        #expect(peskov.map(\.block) == [1, 3])
        // Offsets are UTF-8 bytes in the repaired paragraph: "Putin’s press secretary " is 26 bytes.
        #expect(peskov.first?.offset == 26)
    }

    /// `briefing check`'s list of actors to add to the gazetteer: the byline's author, never
    /// mentioned in the text, is "author of 1 article", not "0 mentions in 0 articles".
    @Test func checkSuggestsTheDiscoveredActorsWithWhatFoundThem() {
        let lines = ActorSuggestions(graph).suggestions.map { "\($0.actor.name): \($0.counts)" }
        #expect(lines == [
            "Keith Kellogg: 2 mentions in 1 article",
            "Fiona Hill: 1 mention in 1 article",
            "Heorhii Tykhyi: 1 mention in 1 article",
            "Jason Miller: 1 mention in 1 article",
            "Mary Ilyushina: author of 1 article",
        ])
        var outlet = ActorSuggestions.Suggestion(actor: graph.actors[0], mentions: 3, articles: 2, bylines: 4)
        outlet.actor.kind = .outlet
        #expect(outlet.counts == "3 mentions in 2 articles; source of 4 articles")
    }

    /// The snippet `check` prints reads back as the entries it suggests: names keep their letters,
    /// a comma inside a role does not split it, a name YAML would read as another type is quoted.
    @Test func suggestedGazetteerEntriesReadBackAsSuggested() {
        let day = CalendarDay(year: 2025, month: 1, day: 22)!
        func actor(_ name: String, _ kind: ActorKind, roles: [String]) -> ActorSuggestions.Suggestion {
            var actor = Actor(id: Slug.make(name), name: name, kind: kind, origin: .discovered, aliases: [], roles: [])
            actor.roleSightings = roles.map { .init(role: $0, articleID: "a", date: day) }
            return .init(actor: actor, mentions: 1, articles: 1)
        }
        var suggestions = ActorSuggestions(graph)
        suggestions.suggestions = [
            actor("Anna Müller", .person, roles: ["adviser, former", "Zürich's mayor: acting", "author"]),
            actor("Zürich", .place, roles: []),
            actor("True", .organization, roles: ["[a] {b} #c"]),
        ]
        #expect(suggestions.yaml == """
            - name: Anna Müller
              roles: ['adviser, former', 'Zürich''s mayor: acting']
              aliases: [Müller]
            - name: Zürich
              kind: place
            - name: 'True'
              kind: organization
              roles: ['[a] {b} #c']
            """)
        let (read, problems) = Gazetteer.parse(suggestions.yaml, displayPath: "actors.yml")
        #expect(problems.isEmpty)
        #expect(read.entries.map(\.name) == ["Anna Müller", "Zürich", "True"])
        #expect(read.entries.map(\.roles) == [["adviser, former", "Zürich's mayor: acting"], [], ["[a] {b} #c"]])
        #expect(read.entries.map(\.aliases) == [["Müller"], [], []])
        #expect(read.entries.map(\.kind) == [.person, .place, .organization])
    }

    @Test func zelenskyyAndZelenskyAreOneActor() {
        #expect(mentions(dateline, "volodymyr-zelensky").map(\.text) == ["Zelenskyy", "Volodymyr Zelenskyy"])
        #expect(mentions(tagged, "volodymyr-zelensky").map(\.text) == ["Zelensky", "Volodymyr Zelensky", "Zelensky"])
        #expect(!graph.actors.contains { $0.id.hasPrefix("zelensk") || $0.id == "volodymyr-zelenskyy" })
    }

    @Test func possessiveIsAMention() {
        let first = mentions(dateline, "vladimir-putin").first
        #expect(first?.text == "Putin")
        #expect(first?.offset == 0)
    }

    @Test func trumpAppearsInBothArticles() {
        #expect(Set(graph.mentions.filter { $0.actorID == "donald-trump" }.map(\.articleID)) == [dateline, tagged])
    }

    @Test func quoteLabelIsAttributedToPeskov() {
        let quote = graph.quotes.first { $0.articleID == dateline && $0.block == 2 }
        #expect(quote?.speakerID == "dmitry-peskov")
        #expect(quote?.text.hasPrefix("Putin's communication with Trump") == true)
    }

    @Test func quotationsIn003AreAttributed() {
        let quotes = graph.quotes.filter { $0.articleID == tagged }
        func speaker(startingWith prefix: String) -> String?? {
            quotes.first { $0.text.hasPrefix(prefix) }.map(\.speakerID)
        }
        #expect(speaker(startingWith: "President Putin has repeatedly stated") == "dmitry-peskov")
        #expect(speaker(startingWith: "What is required is a mutual desire") == "dmitry-peskov")
        #expect(speaker(startingWith: "no conditions are required") == "dmitry-peskov")
        #expect(speaker(startingWith: "He wants to meet") == "donald-trump")
        #expect(speaker(startingWith: "President Putin wants to meet") == "donald-trump")
        #expect(speaker(startingWith: "We are waiting for a meeting") == "heorhii-tykhyi")
        // Not attributed in the text: left alone rather than guessed.
        #expect(speaker(startingWith: "We see that Mr. Trump") == .some(nil))
        #expect(speaker(startingWith: "durable peace") == .some(nil))
    }

    @Test func discoveredPeopleWithTheirRoles() {
        func roles(_ id: String) -> [String]? { graph.actor(id)?.roleSightings.map(\.role) }
        #expect(graph.actor("keith-kellogg")?.origin == .discovered)
        #expect(roles("keith-kellogg") == ["special envoy for Ukraine"])
        #expect(roles("heorhii-tykhyi") == ["spokesman"])
        #expect(roles("jason-miller") == ["campaign adviser"])
        #expect(roles("fiona-hill") == ["former adviser"])
        #expect(roles("sergei-lavrov") == ["Russian Foreign Minister"])
        #expect(roles("dmitry-peskov") == ["press secretary", "Kremlin spokesman"])
        #expect(graph.actor("mary-ilyushina")?.kind == .person)
        #expect(graph.actor("keith-kellogg").map { a in graph.mentions.filter { $0.actorID == a.id }.map(\.text) } == ["Keith Kellogg", "Kellogg"])
    }

    @Test func noFalsePeople() {
        let people = Set(graph.actors.filter { $0.kind == .person }.map(\.name))
        #expect(people == ["Donald Trump", "Dmitry Peskov", "Fiona Hill", "Heorhii Tykhyi", "Jason Miller", "Joe Biden",
                           "Keith Kellogg", "Mary Ilyushina", "Sergei Lavrov", "Vladimir Putin", "Volodymyr Zelensky"])
        #expect(!graph.mentions.contains { $0.text.contains("Oval") || $0.text.contains("Republican") })
    }

    @Test func exportFollowsTheDocumentedShape() throws {
        let json = try JSONSerialization.jsonObject(with: Data(BriefingExport.data(graph))) as? [String: Any]
        let articles = json?["articles"] as? [[String: Any]]
        #expect(articles?.count == 2)
        let first = articles?.first
        #expect(Set(first?.keys.map { $0 } ?? []) == ["id", "source_file", "title", "published", "page", "outlet", "author", "url", "mentions", "quotes", "dates"])
        #expect(first?["published"] as? String == "2024-11-07")
        #expect(first?["page"] as? String == "articles/000_a07414719247a0af.html")
        #expect(first?["author"] is NSNull)
        let mention = (first?["mentions"] as? [[String: Any]])?.first
        #expect(mention?["actor"] as? String == "vladimir-putin")
        #expect(mention?["text"] as? String == "Putin")
        #expect(mention?["paragraph"] as? Int == 1)
        #expect(mention?["offset"] as? Int == 0)
        let quotes = first?["quotes"] as? [[String: Any]]
        #expect(quotes?.last?["speaker"] as? String == "volodymyr-zelensky")
        let unattributed = (articles?.last?["quotes"] as? [[String: Any]])?.first { ($0["text"] as? String)?.hasPrefix("durable peace") == true }
        #expect(unattributed?["speaker"] is NSNull)
        let actors = json?["actors"] as? [[String: Any]]
        let peskov = actors?.first { $0["id"] as? String == "dmitry-peskov" }
        #expect(peskov?["origin"] as? String == "gazetteer")
        #expect(peskov?["page"] as? String == "actors/dmitry-peskov.html")
        #expect(peskov?["kind"] as? String == "person")
        #expect((peskov?["aliases"] as? [String]) == ["Peskov"])
    }
}
