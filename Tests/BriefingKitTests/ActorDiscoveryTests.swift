import Testing
@testable import BriefingKit

/// Known false positives of actor discovery, one test each, and the cues that must work.
@Suite("Actor discovery")
struct ActorDiscoveryTests {
    func link(_ paragraphs: [String], title: String = "A title", gazetteer: Gazetteer = Gazetteer()) -> BriefingGraph {
        let blocks = paragraphs.enumerated().map { TextBlock(number: $0 + 1, role: .body, text: $1, line: $0 + 1) }
        let article = Article(id: "a", sourceFile: "articles/a.txt", format: .tagged, title: title,
                              published: CalendarDay(year: 2025, month: 1, day: 10)!, blocks: blocks)
        return Linker.link(articles: [article], gazetteer: gazetteer, settings: SiteSettings())
    }

    func people(_ graph: BriefingGraph) -> [String] {
        graph.actors.filter { $0.kind == .person }.map(\.name).sorted()
    }

    @Test func titleOrRoleIntroducesAPerson() {
        let graph = link([
            "Foreign Minister Sergei Lavrov met Kremlin spokesman Dmitry Peskov and special envoy Keith Kellogg.",
            "The president’s special envoy for Sudan, Tom Perriello, arrived.",
        ])
        #expect(people(graph) == ["Dmitry Peskov", "Keith Kellogg", "Sergei Lavrov", "Tom Perriello"])
    }

    @Test func appositiveSpeechVerbsAndAccordingTo() {
        let graph = link([
            "Heorhii Tykhyi, a spokesman for the ministry, was in Kyiv.",
            "“We are ready,” Maria Lopez said. “Enough,” said Jean Dupont.",
            "Anna Weber told reporters the talks would go on, according to Lukas Braun.",
        ])
        #expect(people(graph) == ["Anna Weber", "Heorhii Tykhyi", "Jean Dupont", "Lukas Braun", "Maria Lopez"])
    }

    /// An appositive that opens with a party's or firm's possessive, or with the role noun itself
    /// and "of"; a role, a comma and a possessive before the name.
    @Test func appositivesWithoutAnArticle() {
        let graph = link([
            "Richard Caldwell, Reform UK's chairman, said the party would fight on.",
            "Grace Wanjiru, governor of the Central Bank of Kenya, said the deal would help.",
            "The by-election was called after the sitting MP, Labour's Kevin Marsh, resigned.",
            "The Conservatives' candidate, Hannah Price, finished third.",
        ])
        #expect(people(graph) == ["Grace Wanjiru", "Hannah Price", "Kevin Marsh", "Richard Caldwell"])
        #expect(graph.actors.first { $0.name == "Kevin Marsh" }?.roleSightings.map(\.role) == ["MP"])
        #expect(graph.actors.first { $0.name == "Hannah Price" }?.roleSightings.map(\.role) == ["candidate"])
    }

    /// Such appositives still need a role noun, and a name of two to four words.
    @Test func appositivesWithoutARoleAreNotCues() {
        let graph = link([
            "Maria Santos, Brazil's neighbour, was quiet.",
            "Paulo Reis, chance of rain, was there.",
            "The winner, Labour's Ashfield North, was declared.",
        ])
        #expect(people(graph).isEmpty)
    }

    /// Places by their names' last word or by "the … mine", organisations by theirs after "the".
    @Test func placesAndOrganisationsByTheirNames() {
        let graph = link([
            "The strike at the Escondida mine in the Atacama Desert spread to the Adre border crossing.",
            "Ships in the Red Sea turned back, and Coney Island flooded.",
            "The Financial Conduct Authority and the Pacific Islands Forum said so.",
        ])
        let found = graph.actors.map { "\($0.kind.rawValue): \($0.name)" }.sorted()
        #expect(found == ["organization: Financial Conduct Authority", "organization: Pacific Islands Forum",
                          "place: Adre", "place: Atacama Desert", "place: Coney Island", "place: Escondida", "place: Red Sea"])
    }

    /// Not a place: a title, a possessive, a name of three words before "mine", a word that is no
    /// name; not an organisation: "the Oval Office" ("Office" is no organisation's ending).
    @Test func placeAndOrganisationCuesNeedAName() {
        let graph = link([
            "The President River said the Trump's Sea plan failed.",
            "He visited the Big New Shiny mine and the Monday port.",
            "She spoke in the Oval Office.",
        ])
        #expect(graph.actors.map(\.name).sorted() == [])
    }

    /// "Analysts at Goldman Sachs said": a firm, not a person; after "at" a name is a person's
    /// only by another cue than "said" ("fired at Robert Fico, the prime minister"). A
    /// minister's portfolio is part of the role.
    @Test func firmsAfterAtAndPortfoliosInRoles() {
        let graph = link([
            "Analysts at Goldman Sachs said a strike could tighten the market.",
            "Talks at Camp David said nothing, aides noted. A gunman fired at Robert Fico, the prime minister, twice.",
            "Chile's labour minister, Javiera Soto, urged both sides to return. Tuvalu's prime minister, Kausea Tafia, agreed.",
        ])
        #expect(graph.actors.map { "\($0.kind.rawValue): \($0.name)" }.sorted()
                == ["organization: Goldman Sachs", "person: Javiera Soto", "person: Kausea Tafia", "person: Robert Fico"])
        #expect(graph.actors.first { $0.name == "Javiera Soto" }?.roleSightings.map(\.role) == ["labour minister"])
        #expect(graph.actors.first { $0.name == "Kausea Tafia" }?.roleSightings.map(\.role) == ["prime minister"])
    }

    /// A word that says what the name after it is: "the collapsed lender Harbour Capital"; a role
    /// noun ("founder", "chief") still introduces a person.
    @Test func descriptorsBeforeANameSayWhatItIs() {
        let graph = link([
            "An executive of the collapsed lender Harbour Capital went on trial.",
            "The story ran in the daily Kommersant and on the broadcaster NHK, and the utility Eskom denied it.",
            "The company founder Elon Musk met a firm spokesman, Paul Reyes, who said so.",
            "A bank in Paris and the firm's chief Anna Berg (a person by her role) were quiet.",
        ])
        #expect(graph.actors.map { "\($0.kind.rawValue): \($0.name)" }.sorted() == [
            "organization: Eskom", "organization: Harbour Capital", "outlet: Kommersant", "outlet: NHK",
            "person: Anna Berg", "person: Elon Musk", "person: Paul Reyes", "place: Paris",
        ])
    }

    /// A title before a name is not part of it ("Chief Executive", "CEO", "Sir"), and a
    /// descriptor with a title after it introduces the person, not a firm of that name.
    @Test func titlesAfterADescriptorIntroduceAPerson() {
        let graph = link([
            "The company CEO Tim Cook said sales rose.",
            "The firm Chief Executive Jane Fraser said so, and Sir Keir Starmer said nothing.",
            "The aircraft carrier Gerald Ford sailed.",
            // Words that are titles and surnames are left as names.
            "Foreign Minister Julie Bishop met Mayor Peter Lord.",
        ])
        #expect(graph.actors.map { "\($0.kind.rawValue): \($0.name)" }.sorted()
                == ["person: Jane Fraser", "person: Julie Bishop", "person: Keir Starmer", "person: Peter Lord", "person: Tim Cook"])
    }

    @Test func sentenceInitialWordsAreNotNames() {
        let graph = link(["However, Details remained unclear, Background briefings said.", "However Peskov said nothing."])
        #expect(people(graph).isEmpty)
    }

    @Test func weekdaysAndMonthsAreNotNames() {
        let graph = link(["On Monday January officials said talks would resume.", "Friday March said the paper."])
        #expect(people(graph).isEmpty)
    }

    @Test func nationalityAdjectivesAreNotNames() {
        let graph = link(["Russian officials said the plan failed.", "Ukrainian Foreign Ministry officials said so."])
        #expect(people(graph).isEmpty)
        #expect(!graph.actors.contains { $0.name == "Russian" })
    }

    @Test func titleCaseHeadlinesAreNotRead() {
        let graph = link(["Nothing here."], title: "Kremlin Says Putin Open To Meeting Trump, Officials Said")
        #expect(graph.actors.isEmpty)
    }

    @Test func whiteHouseAndOvalOfficeAreNotPeople() {
        let graph = link(["The White House said on Friday that Trump enters the Oval Office said aides.", "Oval Office told reporters nothing."])
        #expect(people(graph).isEmpty)
    }

    @Test func republicanGovernorsAreNotAPerson() {
        let graph = link(["“We are setting it up,” Trump said during a gathering with Republican governors at his resort."])
        #expect(people(graph).isEmpty)
        #expect(!graph.actors.contains { $0.name.contains("Republican") })
    }

    @Test func surnameAfterFullNameAndPossessive() {
        let graph = link(["Foreign Minister Sergei Lavrov spoke.", "Lavrov’s aides and Mr. Lavrov left. Steve Lavrov did not."])
        #expect(graph.mentions.map(\.text) == ["Sergei Lavrov", "Lavrov", "Lavrov"])
        #expect(graph.mentions.map(\.block) == [1, 2, 2])
    }

    @Test func ambiguousSurnamesAreNotLinked() {
        let (gazetteer, _) = Gazetteer.parse("- name: Jason Miller\n- name: Stephen Miller\n", displayPath: "actors.yml")
        let graph = link(["Miller said the report was fake."], gazetteer: gazetteer)
        #expect(graph.mentions.isEmpty)
        #expect(graph.unresolved.map(\.name) == ["Miller"])
        #expect(graph.unresolved.first?.candidates == ["jason-miller", "stephen-miller"])
    }

    @Test func spellingVariantsMergeWithoutAGazetteer() {
        let graph = link(["President Volodymyr Zelenskyy warned.", "Zelensky said no.", "President Volodymyr Zelenskiy spoke."])
        #expect(people(graph) == ["Volodymyr Zelenskyy"])
        #expect(graph.mentions.map(\.text) == ["Volodymyr Zelenskyy", "Zelensky", "Volodymyr Zelenskiy"])
    }

    @Test func placesAndOrganisationsFromCues() {
        let graph = link(["Talks were held in Riyadh, the Ukrainian Foreign Ministry said."])
        #expect(graph.actors.map { "\($0.name)/\($0.kind.rawValue)" }.sorted() == ["Riyadh/place", "Ukrainian Foreign Ministry/organization"])
    }

    @Test func quarterCodesAreNotPlaces() {
        let graph = link(["Observers go to Budapest in Q3 2024, and talks are held in Geneva."])
        #expect(graph.actors.map(\.name) == ["Geneva"])
    }

    @Test func mentionsAreLinkedOnTheASTNotInsideLinks() {
        let html = MarkdownDocument.html(
            from: BlockAttributes.markLines(in: "{#p1}\n") + "[Putin](https://example.org) met Putin in Russia, not Russian.\n",
            links: ["p1": [InlineLink(text: "Putin", url: "../actors/putin.html", title: "Vladimir Putin", cssClass: "actor"),
                           InlineLink(text: "Russia", url: "../actors/russia.html", title: "Russia", cssClass: "actor")]])
        #expect(html == "<p id=\"p1\">\n<a href=\"https://example.org\">Putin</a> met <a class=\"actor\" href=\"../actors/putin.html\" title=\"Vladimir Putin\">Putin</a> in <a class=\"actor\" href=\"../actors/russia.html\" title=\"Russia\">Russia</a>, not Russian.\n</p>\n")
    }
}
