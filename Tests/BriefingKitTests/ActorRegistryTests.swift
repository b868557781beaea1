import Testing
@testable import BriefingKit

@Suite("Actor registry")
struct ActorRegistryTests {
    let day = CalendarDay(year: 2025, month: 1, day: 10)!

    func candidate(_ name: String, _ kind: ActorKind = .person, role: String? = nil, in article: String) -> ActorDiscovery.Candidate {
        .init(name: name, kind: kind, role: role, articleID: article, block: 1)
    }

    /// A role seen again in the same article is one sighting; in another article, another.
    /// Candidates come article by article, as the linker gives them.
    @Test func roleSightingsAreKeptOncePerRoleAndArticle() {
        let gazetteer = Gazetteer(entries: [.init(id: "peskov", name: "Dmitry Peskov", kind: .person, aliases: [], roles: [], line: 1)])
        var registry = ActorRegistry(gazetteer: gazetteer)
        for (role, article) in [("Kremlin spokesman", "a"), ("spokesman", "a"), ("Kremlin spokesman", "a"), ("spokesman", "a"),
                                ("Kremlin spokesman", "b"), ("Kremlin spokesman", "b"), ("spokesman", "c"), ("Kremlin spokesman", "c"),
                                ("spokesman", "c")] {
            registry.resolveOrAdd(candidate("Dmitry Peskov", role: role, in: article), date: day)
        }
        #expect(registry.actor("peskov")?.roleSightings.map { "\($0.role)/\($0.articleID)" }
                == ["Kremlin spokesman/a", "spokesman/a", "Kremlin spokesman/b", "spokesman/c", "Kremlin spokesman/c"])
    }

    /// A discovered actor takes its name's slug, numbered when an actor already has it.
    @Test func newActorsGetTheFirstFreeSlug() {
        let gazetteer = Gazetteer(entries: [.init(id: "anna-smith", name: "Ann Smith", kind: .person, aliases: [], roles: [], line: 1),
                                            .init(id: "anna-smith-2", name: "Annie Smith", kind: .person, aliases: [], roles: [], line: 2)])
        var registry = ActorRegistry(gazetteer: gazetteer)
        // Not Ann, not Annie: a new actor, whose slug and the next are taken.
        #expect(registry.resolveOrAdd(candidate("Anna Smith", in: "a"), date: day) == "anna-smith-3")
        #expect(registry.resolveOrAdd(candidate("Anna Smith", in: "b"), date: day) == "anna-smith-3")
        #expect(registry.resolveOrAdd(candidate("Kyiv Post", .outlet, in: "a"), date: day) == "kyiv-post")
        #expect(registry.actors.map(\.id) == ["anna-smith", "anna-smith-2", "anna-smith-3", "kyiv-post"])
    }

    /// The mention finder looks up no longer run of words than the longest name that starts with
    /// its first word, and none from a word no name starts with; names added as candidates count.
    @Test func theLongestNameIsKnownByItsFirstWord() {
        let gazetteer = Gazetteer(entries: [
            .init(id: "ecb", name: "European Central Bank", kind: .organization, aliases: ["ECB"], roles: [], line: 1),
            .init(id: "eu", name: "European Union", kind: .organization, aliases: [], roles: [], line: 2),
            .init(id: "odd", name: "Odd  Spacing", kind: .organization, aliases: [], roles: [], line: 3)])
        var registry = ActorRegistry(gazetteer: gazetteer)
        #expect(registry.longestName(startingWith: "European") == 3)
        #expect(registry.longestName(startingWith: "ECB") == 1)
        #expect(registry.longestName(startingWith: "Odd") == 3)
        #expect(registry.longestName(startingWith: "Central") == nil)
        registry.resolveOrAdd(candidate("Maria Elena de la Cruz", in: "a"), date: day)
        #expect(registry.longestName(startingWith: "Maria") == 5)
        let article = Article(id: "a", sourceFile: "a.txt", format: .dateline, title: "Note", published: day,
                              blocks: [TextBlock(number: 1, role: .body, text: "The European Central Bank and the European Union met Maria Elena de la Cruz.", line: 1)])
        let found = MentionFinder(registry: registry).mentions(in: article).mentions
        #expect(found.map(\.text) == ["European Central Bank", "European Union", "Maria Elena de la Cruz"])
        #expect(found.map(\.actorID) == ["ecb", "eu", "maria-elena-de-la-cruz"])
    }

    /// A name two known actors share (two people of one name in the gazetteer) stands for neither
    /// and makes no new actor, however often it is seen: the mention finder links it to no one.
    @Test func aNameTwoActorsShareMakesNoNewActor() {
        let gazetteer = Gazetteer(entries: [
            .init(id: "anna-smith-un", name: "Anna Smith", kind: .person, aliases: [], roles: [], description: "UN envoy", line: 1),
            .init(id: "anna-smith-eu", name: "Anna Smith", kind: .person, aliases: [], roles: [], description: "EU envoy", line: 2)])
        var registry = ActorRegistry(gazetteer: gazetteer)
        for article in ["a", "b", "c"] {
            registry.resolveOrAdd(candidate("Anna Smith", role: "envoy", in: article), date: day)
        }
        #expect(registry.actors.map(\.id) == ["anna-smith-un", "anna-smith-eu"])
        #expect(registry.actors.allSatisfy { $0.roleSightings.isEmpty })
    }
}
