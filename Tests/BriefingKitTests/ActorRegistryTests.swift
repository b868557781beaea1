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
}
