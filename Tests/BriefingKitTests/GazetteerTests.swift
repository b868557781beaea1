import Testing
@testable import BriefingKit

@Suite("Gazetteer")
struct GazetteerTests {
    @Test func entriesWithDefaults() {
        let (gazetteer, diagnostics) = Gazetteer.parse("""
        - name: Dmitry Peskov
          aliases: [Peskov]
          roles: [Kremlin spokesman]
          link: https://example.org/peskov
        - name: RIA Novosti
          kind: outlet
          id: ria
        """, displayPath: "actors.yml")
        #expect(diagnostics.isEmpty)
        #expect(gazetteer.entries.map(\.id) == ["dmitry-peskov", "ria"])
        #expect(gazetteer.entries[0].kind == .person)
        #expect(gazetteer.entries[0].aliases == ["Peskov"])
        #expect(gazetteer.entries[0].roles == ["Kremlin spokesman"])
        #expect(gazetteer.entries[0].line == 1)
        #expect(gazetteer.entries[1].kind == .outlet)
        #expect(gazetteer.entries[1].line == 5)
    }

    @Test func malformedAndDuplicateEntriesNameTheLine() {
        let (gazetteer, diagnostics) = Gazetteer.parse("""
        - name: Vladimir Putin
          aliases: [Putin]
        - kind: person
        - name: Putin Fan Club
          kind: club
        - name: Vladimir Putin
        - name: Vova
          aliases: [Putin]
        - just a string
        - name: Ann Lee
          alias: [Lee]
        """, displayPath: "Content/actors.yml")
        #expect(gazetteer.entries.map(\.id) == ["vladimir-putin", "vova", "ann-lee"])
        #expect(diagnostics.map(\.description) == [
            "Content/actors.yml:3: warning: actor without a `name`; skipped",
            "Content/actors.yml:5: warning: unknown kind `club` for Putin Fan Club; expected person, organization, outlet or place",
            "Content/actors.yml:6: warning: id `vladimir-putin` is already claimed on line 1; Vladimir Putin skipped",
            "Content/actors.yml:8: warning: alias `Putin` is already claimed by `vladimir-putin` on line 1; ignored for `vova`",
            "Content/actors.yml:9: warning: an actor must be a mapping with at least `name`",
            "Content/actors.yml:11: warning: unknown field `alias` ignored; expected one of name, id, kind, aliases, roles, description, link",
        ])
    }

    @Test func aListOrAMappingWhereTextBelongsIsReported() {
        let (gazetteer, diagnostics) = Gazetteer.parse("""
        - name: Ann Lee
          aliases: Lee
          roles: [ambassador, [envoy, adviser]]
          description: [a, b]
          link:
            url: https://example.org
        - name: [A, B]
        """, displayPath: "actors.yml")
        #expect(gazetteer.entries.map(\.aliases) == [["Lee"]])
        #expect(gazetteer.entries.map(\.roles) == [["ambassador"]])
        #expect(gazetteer.entries.first?.description == nil)
        #expect(diagnostics.map(\.description) == [
            "actors.yml:4: warning: `description` must be a single line of text; ignored",
            "actors.yml:5: warning: `link` must be a single line of text; ignored",
            "actors.yml:3: warning: an item of `roles` must be a single line of text; ignored",
            "actors.yml:7: warning: `name` must be a single line of text; ignored",
            "actors.yml:7: warning: actor without a `name`; skipped",
        ])
    }

    @Test func invalidYAMLNamesTheLine() {
        let (_, diagnostics) = Gazetteer.parse("- name: A\n  aliases: [unclosed\n", displayPath: "actors.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].line == 2)  // the last line: libyaml says 3, past the end of the file
    }

    /// A name that ends in a plus is its own actor: "OPEC+" is not "OPEC", which is another's alias.
    @Test func aNameWithAClosingPlusIsNotItsStem() {
        let (gazetteer, _) = Gazetteer.parse("""
        - name: OPEC+
          kind: organization
        - name: Organization of the Petroleum Exporting Countries
          kind: organization
          aliases: [OPEC]
        """, displayPath: "actors.yml")
        let text = "OPEC+ agreed to raise output, and OPEC's members met in Vienna. Analysts say OPEC+, not OPEC, sets prices."
        let article = Article(id: "a", sourceFile: "articles/a.txt", format: .tagged, title: "Output",
                              published: CalendarDay(year: 2025, month: 3, day: 2)!, blocks: [TextBlock(number: 1, role: .body, text: text, line: 1)])
        let graph = Linker.link(articles: [article], gazetteer: gazetteer, settings: SiteSettings())
        #expect(graph.mentions.map { "\($0.actorID): \($0.text)" } == [
            "opec: OPEC+", "organization-of-the-petroleum-exporting-countries: OPEC", "vienna: Vienna",
            "opec: OPEC+", "organization-of-the-petroleum-exporting-countries: OPEC",
        ])
    }
}
