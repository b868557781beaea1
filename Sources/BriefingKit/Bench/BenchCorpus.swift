import Foundation

/// A deterministic synthetic corpus for benchmarks: N articles of about 6 KB in both formats, with
/// people introduced by title and then by surname, dates of every shape, quotes and paragraphs
/// split after abbreviations; a gazetteer covering about half of the people; and the same corpus
/// as a Hugo site (`hugo/`) with an `actors` taxonomy and minimal layouts.
public enum BenchCorpus {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let firstNames = ["Anna", "Boris", "Carla", "Dmitry", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Katya", "Lars",
                             "Mira", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Sergei", "Tomas", "Ulla", "Viktor", "Wanda", "Yusuf",
                             "Zofia", "Amir", "Beatriz", "Chen", "Dario", "Emma", "Felix", "Gabriel", "Hanna", "Ivan", "Julia", "Karim"]
    static let surnameStems = ["Petrov", "Novak", "Keller", "Moreau", "Haddad", "Tanaka", "Silva", "Kowalski", "Larsen", "Okafor",
                               "Romano", "Fischer", "Ivanenko", "Dubois", "Hansen", "Mendes", "Sato", "Bauer", "Costa", "Nagy",
                               "Weber", "Horvat", "Lindqvist", "Kaya", "Morales", "Brennan", "Vasquez", "Olsen", "Marek", "Duval"]
    static let titles = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "Finance Minister", "Interior Minister"]
    static let roles = ["government spokesman", "Kremlin spokesman", "senior adviser", "chief negotiator", "deputy minister", "press secretary"]
    static let places = ["Kyiv", "Moscow", "Warsaw", "Berlin", "Paris", "Geneva", "Riyadh", "Ankara", "Vienna", "Brussels", "Doha",
                         "Helsinki", "Tallinn", "Budapest", "Minsk", "Istanbul", "Cairo", "Tbilisi", "Baku", "Oslo"]
    static let organizations = ["NATO", "the European Union", "the United Nations", "the IMF", "the OSCE", "the World Bank"]
    static let outlets = ["Reuters", "The Daily Ledger", "Global Wire", "The Evening Courier", "Northern Times", "Capital Report"]
    static let descriptions = ["a British news agency", "a London-based daily newspaper", "an independent news site",
                               "a state-owned broadcaster", "a regional newspaper", "a business news service"]
    static let dateShapes = ["on Jan. 20", "last June", "on Thursday", "two weeks ago", "at the end of last year", "in 2018",
                             "by mid-March", "on 12 February 2024", "next year", "in April 2023", "earlier this month",
                             "on Friday", "in the 1990s", "from 2019 to 2021", "last week", "in spring 2022", "in Q3 2024"]
    static let durations = ["for three years", "within 24 hours", "for more than four years", "for two weeks", "for six months"]
    static let topics = ["a ceasefire", "the grain corridor", "energy prices", "sanctions relief", "a prisoner exchange",
                         "security guarantees", "the reconstruction fund", "border crossings", "the peace plan", "arms deliveries"]

    struct Person {
        var first: String
        var last: String
        var title: String
        var name: String { "\(first) \(last)" }
    }

    static func people(_ count: Int) -> [Person] {
        var random = Random(state: 42)
        var used = Set<String>()
        var out: [Person] = []
        while out.count < count {
            let last = random.pick(surnameStems) + (out.count < surnameStems.count ? "" : ["", "ko", "ev", "son", "er", "ini", "sky", "ov"][random.int(8)])
            let person = Person(first: random.pick(firstNames), last: last, title: random.pick(titles))
            if used.insert(person.last).inserted { out.append(person) }
            if used.count >= surnameStems.count * 8 { break }
        }
        return out
    }

    /// Writes `count` articles to `directory/Content/articles`, the gazetteer, `briefing.yml`, and the
    /// Hugo site to `directory/hugo`. Returns the number of bytes of article text written.
    ///
    /// `Content/` and `hugo/` must be new or empty: in a project's folder, a corpus would replace
    /// its settings and gazetteer and mix its articles with the project's.
    @discardableResult
    public static func write(count: Int, to directory: URL) throws -> Int {
        let manager = FileManager.default
        let content = directory.appendingPathComponent("Content")
        let articles = content.appendingPathComponent("articles")
        let hugo = directory.appendingPathComponent("hugo")
        for folder in [content, hugo] where !((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty {
            throw BuildError(.write, file: folder.path, "holds files already; a corpus is written into a new or empty directory")
        }
        let hugoArticles = hugo.appendingPathComponent("content/articles")
        for folder in [articles, hugoArticles, hugo.appendingPathComponent("layouts/_default"), hugo.appendingPathComponent("layouts/partials")] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let pool = people(min(240, max(40, count / 4)))
        var random = Random(state: UInt64(count) &* 7919)
        var textBytes = 0
        let start = CalendarDay(year: 2023, month: 1, day: 1)!
        for n in 0..<count {
            let day = start.adding(days: n * 700 / max(count, 1))!  // within two years of 2023
            let cast = (0..<5).map { _ in pool[random.int(pool.count)] }
            let place = random.pick(places), place2 = random.pick(places)
            let outlet = random.int(outlets.count)
            var paragraphs: [String] = []
            let lead = "\(cast[0].title) \(cast[0].name) said \(random.pick(dateShapes)) that talks on \(random.pick(topics)) in \(place) would continue."
            for k in 0..<34 {
                let a = cast[k % cast.count], b = cast[(k + 2) % cast.count]
                switch random.int(9) {
                case 0: paragraphs.append("“We are ready to discuss \(random.pick(topics)) \(random.pick(dateShapes)),” \(a.last) said, adding that delegations had met in \(place2) \(random.pick(dateShapes)).")
                case 1: paragraphs.append("\(random.pick(roles).capitalizedFirst) \(b.name) told reporters in \(place) that the government had worked \(random.pick(durations)) on \(random.pick(topics)), according to \(outlets[outlet]).")
                case 2: paragraphs.append("According to \(a.last), “there will be no agreement without \(random.pick(topics)),” a position first set out \(random.pick(dateShapes)) and repeated \(random.pick(dateShapes)).")
                case 3: paragraphs.append("\(b.last) said: “\(random.pick(topics).capitalizedFirst) is not negotiable.” Officials in \(place2) declined to comment on the remarks, which came \(random.pick(dateShapes)).")
                case 4: paragraphs.append("Talks between \(a.last) and \(b.last) stalled \(random.pick(dateShapes)) over \(random.pick(topics)), with both sides blaming \(random.pick(organizations)) for delays in the U.S.")
                    paragraphs.append("administration’s response, diplomats said.")
                case 5: paragraphs.append("In a statement, \(random.pick(organizations)) said it would send observers to \(place) \(random.pick(dateShapes)) and keep them there \(random.pick(durations)), a decision \(a.last) welcomed.")
                case 6: paragraphs.append("“\(random.pick(topics).capitalizedFirst) has to come first,” said \(b.title) \(b.name). “Everything else can wait until \(random.pick(dateShapes)).”")
                case 7: paragraphs.append("Analysts noted that \(a.last)’s position had hardened since \(random.pick(dateShapes)), when \(random.pick(organizations)) proposed \(random.pick(topics)) as a first step toward a wider settlement.")
                default: paragraphs.append("The meeting on \(random.pick(topics)) lasted \(random.pick(["three hours", "more than four hours", "a full day"])), and \(b.last) was expected to brief \(random.pick(organizations)) in \(place2) \(random.pick(dateShapes)).")
                }
            }
            // An id of a real length (`000123_kyiv-talks-petrov-global-wire`, 30 to 45 bytes), as
            // editors name files: ids of 15 bytes or fewer are kept inside Swift's strings and hid
            // what every longer one costs. Made of what was picked already, so that the text is
            // the same as with the short ids of earlier versions.
            let id = String(format: "%06d_", n) + Slug.make("\(place) talks \(cast[0].last) \(outlets[outlet])")
            let text: String
            if n % 2 == 0 {
                text = " date \(day.iso) \(lead)\n\nSource: \(outlets[outlet]), \(descriptions[outlet])\n\nQuote from \(cast[1].last): \"We will not accept \(random.pick(topics)) on these terms.\"\n\nDetails: "
                    + paragraphs[0..<17].joined(separator: "\n\n") + "\n\nBackground:\n\n" + paragraphs[17...].joined(separator: "\n\n") + "\n"
            } else {
                text = "<TITLE>\(cast[0].last) signals progress on \(random.pick(topics))</TITLE>\n<PUBLISHED_DATE>\(day.iso)</PUBLISHED_DATE>\n"
                    + "<URL>https://example.com/news/\(id)</URL>\n<AUTHOR>\(cast[4].name)</AUTHOR>\n\n<SUMMARY>\n\(lead)\n-  \(paragraphs[0])\n-  \(paragraphs[1])\n</SUMMARY>\n"
                    + "<HIGHLIGHTS>\n- \(paragraphs[2])\n</HIGHLIGHTS>\n<CONTENT>\n" + paragraphs.joined(separator: "\n\n") + "\n</CONTENT>\n"
            }
            textBytes += text.utf8.count
            try Data(text.utf8).write(to: articles.appendingPathComponent(id + ".txt"))
            let actors = Set(cast.map(\.name)).sorted()
            let front = "---\ntitle: \"\(cast[0].last) signals progress, article \(n)\"\ndate: \(day.iso)\nactors: [\(actors.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\n"
            try Data((front + lead + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n").utf8).write(to: hugoArticles.appendingPathComponent(id + ".md"))
        }
        // The gazetteer: every other person, all places, organisations and outlets.
        var yaml = ""
        for (k, person) in pool.enumerated() where k % 2 == 0 {
            yaml += "- name: \(person.name)\n  aliases: [\(person.last)]\n  roles: [\(person.title)]\n"
        }
        for place in places { yaml += "- name: \(place)\n  kind: place\n" }
        for outlet in outlets { yaml += "- name: \(outlet)\n  kind: outlet\n" }
        try Data(yaml.utf8).write(to: content.appendingPathComponent("actors.yml"))
        try Data("title: Benchmark briefing\ndescription: \(count) synthetic articles.\nlanguage: en\n".utf8).write(to: content.appendingPathComponent("briefing.yml"))
        try writeHugo(hugo)
        return textBytes
    }

    static func writeHugo(_ hugo: URL) throws {
        let files: [String: String] = [
            "hugo.toml": """
            baseURL = "https://example.org/"
            title = "Benchmark briefing"
            disableKinds = ["RSS", "sitemap", "robotsTXT"]
            [taxonomies]
              actor = "actors"
            [related]
              includeNewer = true
              threshold = 1
              toLower = false
              [[related.indices]]
                name = "actors"
                weight = 100
            """,
            "layouts/_default/baseof.html": """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
            """,
            "layouts/_default/single.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}
            <ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
            {{ with .Site.RegularPages.Related . | first 5 }}<h2>Related</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
            """,
            "layouts/_default/list.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            """,
            "layouts/_default/terms.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
            """,
            "layouts/_default/term.html": """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}
            """,
        ]
        for (path, text) in files {
            let url = hugo.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url)
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
