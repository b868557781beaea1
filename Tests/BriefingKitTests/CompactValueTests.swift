import Foundation
import Testing
@testable import BriefingKit

/// The compact forms that keep a 10,000-article build under its memory bound (BENCHMARKS.md, "Where the
/// memory goes"): each must give what the plain form gave.
@Suite("Compact graph values")
struct CompactValueTests {
    /// `SentenceIndex` against the definition it replaces: for every byte of every block of the
    /// sample articles, the sentence `Sentences.ranges` puts it in, or none.
    @Test func sentenceIndexFindsTheSentencesOfEveryBlock() throws {
        let articles = try ["000_a07414719247a0af.txt", "003_aa876f87d1a0a2ba.txt", "010_kellogg-plan.md"].map(Fixtures.article)
        let index = SentenceIndex(articles)
        var checked = 0
        for article in articles {
            for (number, text) in [(0, article.title)] + article.blocks.map({ ($0.number, $0.text) }) {
                let ranges = Sentences.ranges(in: text)
                for offset in 0...text.utf8.count {
                    #expect(index.sentence(article.id, number, containing: offset) == ranges.first { $0.contains(offset) })
                    checked += 1
                }
            }
            #expect(index.sentence(article.id, article.blocks.count + 1, containing: 0) == nil)
            #expect(index.sentence(article.id, -1, containing: 0) == nil)
        }
        #expect(checked > 9_000)
        #expect(index.sentence("no-such-article", 1, containing: 0) == nil)
    }

    /// An article's sentences are found the first time a page asks for them, from many threads at
    /// once in a build: every thread gets the answers one thread alone gets, whichever asks first.
    @Test func sentencesFoundOnDemandAreTheSameFromManyThreads() throws {
        let articles = try ["000_a07414719247a0af.txt", "003_aa876f87d1a0a2ba.txt", "010_kellogg-plan.md"].map(Fixtures.article)
        let questions = articles.flatMap { article in
            ([(0, article.title)] + article.blocks.map { ($0.number, $0.text) }).flatMap { number, text in
                stride(from: 0, through: text.utf8.count, by: 7).map { (article.id, number, $0) }
            }
        }
        let alone = SentenceIndex(articles)
        let expected = questions.map { alone.sentence($0.0, $0.1, containing: $0.2) }
        #expect(expected.compactMap { $0 }.count > 500)
        for _ in 0..<20 {
            let shared = SentenceIndex(articles)
            // Each thread starts at another place of the questions, so that the first to ask for
            // an article differs from thread to thread.
            let answers = Parallel.map(Array(0..<8), threads: 8) { thread -> [Range<Int>?] in
                let start = thread * questions.count / 8
                var found = [Range<Int>?](repeating: nil, count: questions.count)
                for k in 0..<questions.count {
                    let n = (start + k) % questions.count
                    found[n] = shared.sentence(questions[n].0, questions[n].1, containing: questions[n].2)
                }
                return found
            }
            for found in answers { #expect(found == expected) }
        }
    }

    @Test func sentenceIndexValues() {
        // Block 2 is missing and block 3 comes twice (the first is kept); block 0 is the title.
        let text = "Mr. Smith arrived. He left! Then?"
        let blocks = [TextBlock(number: 1, role: .body, text: text, line: 1),
                      TextBlock(number: 3, role: .body, text: "One. Two.", line: 2),
                      TextBlock(number: 3, role: .body, text: "Not this one.", line: 3)]
        let article = Article(id: "a", sourceFile: "articles/a.md", format: .markdown, title: "A title. More",
                              published: CalendarDay(iso: "2025-01-20")!, blocks: blocks)
        let index = SentenceIndex([article])
        // "Mr." ends an abbreviation, not a sentence.
        #expect(index.sentence("a", 1, containing: 0) == 0..<18)
        #expect(index.sentence("a", 1, containing: 17) == 0..<18)
        #expect(index.sentence("a", 1, containing: 18) == nil)  // the space between sentences
        #expect(index.sentence("a", 1, containing: 19) == 19..<27)
        #expect(index.sentence("a", 1, containing: 28) == 28..<33)
        #expect(index.sentence("a", 1, containing: 33) == nil)
        #expect(index.sentence("a", 2, containing: 0) == nil)
        #expect(index.sentence("a", 3, containing: 5) == 5..<9)
        #expect(index.sentence("a", 3, containing: 12) == nil)
        #expect(index.sentence("a", 0, containing: 9) == 9..<13)
    }

    /// Half a million of each at 10,000 articles: a field added in the wrong place costs megabytes.
    @Test func mentionsAndDatesStayCompact() {
        #expect(MemoryLayout<Mention>.stride == 56)
        #expect(MemoryLayout<DateReference>.stride == 48)
        #expect(MemoryLayout<DateMention>.stride == 72)
        let mention = Mention(actorID: "a", articleID: "b", block: 7, offset: 1_000_000, text: "Putin")
        #expect(mention.block == 7 && mention.offset == 1_000_000)
        var date = DateMention(articleID: "b", block: 12,
                               reference: DateReference(text: "Jan. 20", offset: 40, value: "2025-01-20", granularity: .day), isFuture: true)
        date.reference.offset += 2
        date.block += 1
        #expect(date.block == 13 && date.reference.offset == 42 && date.reference.points == ["2025-01-20"] && date.isFuture)
    }

    /// An article is one reference to a box of its fields: a copy shares the box until one of the
    /// two is changed, and then only the changed one sees it; two articles with the same fields in
    /// different boxes are equal and hash alike, and any field tells two apart.
    @Test func anArticleIsABoxCopiedOnWrite() throws {
        #expect(MemoryLayout<Article>.size == MemoryLayout<Int>.size)
        let original = try Fixtures.article("003_aa876f87d1a0a2ba.txt")
        // Shown by its fields, as a struct of them was, not as the box.
        #expect(String(describing: original).hasPrefix("Article(id: \"003_aa876f87d1a0a2ba\", sourceFile: \"articles/"))
        var copy = original
        copy.title += " (edited)"
        copy.blocks[0].text = "Changed."
        copy.outlet = Outlet(name: "Elsewhere")
        #expect(original != copy)
        #expect(original.title == (try Fixtures.article("003_aa876f87d1a0a2ba.txt")).title)
        #expect(original.blocks[0].text != "Changed." && original.outlet?.name != "Elsewhere")
        #expect(copy.title.hasSuffix(" (edited)") && copy.blocks[0].text == "Changed." && copy.outlet?.name == "Elsewhere")

        let rebuilt = Article(id: original.id, sourceFile: original.sourceFile, format: original.format, title: original.title,
                              published: original.published, url: original.url, author: original.author, outlet: original.outlet,
                              blocks: original.blocks, quote: original.quote)
        #expect(rebuilt == original && rebuilt.hashValue == original.hashValue)
        #expect(Set([original, rebuilt, copy]).count == 2)
        let changes: [(String, (inout Article) -> Void)] = [
            ("id", { $0.id += "x" }), ("sourceFile", { $0.sourceFile += "x" }), ("format", { $0.format = .markdown }),
            ("published", { $0.published = CalendarDay(year: 1999, month: 1, day: 1)! }), ("url", { $0.url = "https://example.org/" }),
            ("author", { $0.author = "Someone Else" }), ("quote", { $0.quote = Quote(text: "x", speaker: nil) }),
            ("blocks", { $0.blocks.removeLast() }),
        ]
        for (field, change) in changes {
            var changed = rebuilt
            change(&changed)
            #expect(changed != rebuilt, "\(field)")
            #expect(rebuilt == original, "\(field): the value it was copied from is unchanged")
        }
    }

    /// A date reference's first point and each of its points, read without an array of the usual
    /// one, are those of `points`: a day, a range given its two ends, a duration and a vague one.
    @Test func aDateReferencesPointsAreReadWithoutAnArray() {
        let references = [
            DateReference(text: "Jan. 20", offset: 0, value: "2025-01-20", granularity: .day),
            DateReference(text: "Jan. 20–21", offset: 0, value: "2025-01-20/2025-01-21", granularity: .interval, points: ["2025-01-20", "2025-01-21"]),
            DateReference(text: "three days", offset: 0, value: "P3D", granularity: .duration),
            DateReference(text: "recently", offset: 0, value: "PAST_REF", granularity: .vague),
            DateReference(text: "2024", offset: 0, value: "2024", granularity: .year),
        ]
        for reference in references {
            var each: [String] = []
            reference.forEachPoint { each.append($0) }
            #expect(each == reference.points, "\(reference.text)")
            #expect(reference.firstPoint == reference.points.first, "\(reference.text)")
        }
        #expect(references.map(\.points.count) == [1, 2, 0, 0, 1])
    }

    @Test func arraysKeptForTheBuildLoseTheirSpareRoom() {
        var grown: [Int] = []
        for n in 0..<1000 { grown.append(n) }
        #expect(grown.capacity > grown.count)
        let exact = grown.withExactCapacity()
        #expect(exact == grown)
        #expect(exact.capacity < grown.capacity)
    }

    #if os(Linux)
    @Test func largeBlocksAreAlwaysMapped() {
        #expect(MallocTuning.apply())
    }

    @Test func freePagesCanBeGivenBack() {
        #expect(MallocTuning.trim())
    }
    #endif
}
