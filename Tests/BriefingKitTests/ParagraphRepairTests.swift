import Foundation
import Testing
@testable import BriefingKit

@Suite("Paragraph repair")
struct ParagraphRepairTests {
    @Test func joinsTheSampleSplits() {
        #expect(ParagraphRepair.joinSplitParagraphs(["He is sworn in to office on Jan.", "20."]) == ["He is sworn in to office on Jan. 20."])
        #expect(ParagraphRepair.joinSplitParagraphs(["including the U.S.", "president, including Donald Trump,” Peskov said."])
                == ["including the U.S. president, including Donald Trump,” Peskov said."])
        #expect(ParagraphRepair.joinSplitParagraphs(["“We see that Mr.", "Trump is declaring his readiness."]) == ["“We see that Mr. Trump is declaring his readiness."])
        #expect(ParagraphRepair.joinSplitParagraphs(["A speech by John F.", "Kennedy."]) == ["A speech by John F. Kennedy."])
    }

    @Test func keepsGenuineParagraphs() {
        let genuine = [
            "Sanctions were imposed by the U.S.",
            "The Kremlin said it would respond.",
            "Talks are planned for Jan.",
            "Officials declined to comment.",
            "Their fallback is plan B.",
            "Negotiators met again on Friday.",
            "He ended the talks.",
            "20 people were injured.",
        ]
        #expect(ParagraphRepair.joinSplitParagraphs(genuine) == genuine)
    }

    @Test func joinsAQuotationSplitMidway() {
        #expect(ParagraphRepair.continues("“President Putin wants to meet — and we have to get that war over with.", with: "That’s a bloody mess,” Trump said."))
        // A quotation that really runs on reopens with “ and is a new paragraph.
        #expect(!ParagraphRepair.continues("“We are ready to talk.", with: "“We have always been ready,” he said."))
        #expect(!ParagraphRepair.continues("“We are ready,” he said.", with: "Then he left, saying “enough”."))
    }

    @Test func chainOfSplitsJoinsIntoOne() {
        #expect(ParagraphRepair.joinSplitParagraphs(["Kellogg proposed tying U.S.", "aid to talks on Jan.", "20."]) == ["Kellogg proposed tying U.S. aid to talks on Jan. 20."])
    }

    @Test func removesSpaceBeforePunctuation() {
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("without officials , just an interpreter .") == "without officials, just an interpreter.")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("three items ; then : more") == "three items; then: more")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("wait ... and a .5 share of .NET") == "wait ... and a .5 share of .NET")
    }

    @Test func abbreviationsAreKeptInOnePlace() {
        #expect(Abbreviations.kind(endingOf: "on Jan.") == .month)
        #expect(Abbreviations.kind(endingOf: "the U.S.") == .other)
        #expect(Abbreviations.kind(endingOf: "“Mr.") == .title)
        #expect(Abbreviations.kind(endingOf: "Gen.") == .title)
        #expect(Abbreviations.kind(endingOf: "plan B.") == nil)
        #expect(Abbreviations.kind(endingOf: "the end.") == nil)
    }

    // MARK: - The byte-level repairs against their definitions on characters

    /// The definitions the repairs had on `Character`s, before they read UTF-8 bytes.
    enum Reference {
        static func removeSpaceBeforePunctuation(_ text: String) -> String {
            let chars = Array(text)
            var out = ""
            var i = 0
            while i < chars.count {
                let ch = chars[i]
                if ch == " " || ch == "\t" {
                    var j = i
                    while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                    if j < chars.count, ",.;:".contains(chars[j]), !out.isEmpty, isEndOfToken(chars, after: j) {
                        i = j
                        continue
                    }
                    out.append(contentsOf: chars[i..<j])
                    i = j
                    continue
                }
                out.append(ch)
                i += 1
            }
            return out
        }

        static func isEndOfToken(_ chars: [Character], after index: Int) -> Bool {
            let next = index + 1
            guard next < chars.count else { return true }
            if chars[index] == ".", chars[next] == "." { return false }
            return chars[next].isWhitespace || "\"”’')]".contains(chars[next])
        }

        static func splitInsideQuotation(_ text: String, _ next: String) -> Bool {
            let opens = text.filter { $0 == "“" }.count
            let closes = text.filter { $0 == "”" }.count
            guard opens > closes, let firstMark = next.first(where: { $0 == "“" || $0 == "”" }) else { return false }
            return firstMark == "”" && next.first != "“"
        }

        static func collapsingWhitespace(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                }
            }
            return String(out)
        }
    }

    /// Random text made of the pieces the repairs look at: spaces and other white space,
    /// punctuation, curly and straight quotation marks, brackets, letters in one to four bytes.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = ["a", "Jan", "U.S", "é", "Ж", "日", "𝑥", "5", " ", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2009}", "\u{3000}",
                      "\u{85}", ",", ".", "..", ";", ":", "“", "”", "‘", "’", "'", "\"", ")", "]", "(", "—", "…", "-"]
        var random = IncrementalBuildTests.Random(state: seed)
        return (0..<count).map { _ in (0..<random.next(24)).map { _ in pieces[random.next(pieces.count)] }.joined() }
    }

    /// Every paragraph of the fixture articles, as the readers see it before repair.
    static func fixtureParagraphs() throws -> [String] {
        let folders = ["Tests/Fixtures/linking/articles", "Tests/Fixtures/site/Content/articles"]
        var paragraphs: [String] = []
        for folder in folders {
            let directory = Fixtures.repository.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                paragraphs += text.components(separatedBy: "\n\n")
            }
        }
        return paragraphs
    }

    @Test func byteRepairsMatchTheirCharacterDefinitions() throws {
        let texts = Self.randomTexts(count: 4000, seed: 11) + (try Self.fixtureParagraphs())
        #expect(texts.count > 4100)
        var removals = 0
        for text in texts {
            let repaired = ParagraphRepair.removeSpaceBeforePunctuation(text)
            #expect(repaired == Reference.removeSpaceBeforePunctuation(text), "\(text.debugDescription)")
            if repaired != text { removals += 1 }
            #expect(text.collapsingWhitespace == Reference.collapsingWhitespace(text), "\(text.debugDescription)")
        }
        // The random texts exercise the removal often, not only its absence.
        #expect(removals > 150)
        var joins = 0
        for (text, next) in zip(texts, texts.dropFirst()) {
            let split = ParagraphRepair.splitInsideQuotation(text, next)
            #expect(split == Reference.splitInsideQuotation(text, next), "\(text.debugDescription) / \(next.debugDescription)")
            if split { joins += 1 }
        }
        #expect(joins > 100)
    }

    /// The abbreviation a text ends with, read on bytes where the end is ASCII: what the
    /// character definition finds, at the end of random text (titles, months, initials, opening
    /// punctuation, other white space, combining marks, CR LF) and of every prefix of every
    /// fixture paragraph that ends in a full stop or white space.
    @Test func anAbbreviationIsReadOnBytesAsOnCharacters() throws {
        let pieces = ["Mr.", "Gen.", "Jan.", "Sept.", "etc.", "U.S.", "a.m.", "J.", "F.", "B.", "plan", "No.", "Dr", "e\u{301}",
                      "\u{301}", "\u{1F1FA}\u{1F1F8}", "(", "\"", "'", "“", "‘", "—", "Ж.", "\r\n", "\t", "\u{00A0}", "\u{2009}",
                      " ", " ", " ", ".", "x", "A"]
        var random = IncrementalBuildTests.Random(state: 21)
        var texts = (0..<6000).map { _ in (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        texts += Self.randomTexts(count: 2000, seed: 13)
        for paragraph in try Self.fixtureParagraphs() {
            let characters = Array(paragraph)
            for end in characters.indices where characters[end] == "." || characters[end].isWhitespace {
                texts.append(String(characters[...end]))
            }
        }
        var byBytes = 0, found = 0
        for text in texts {
            let expected = Abbreviations.characterKind(endingOf: text)
            #expect(Abbreviations.kind(endingOf: text) == expected, "\(text.debugDescription)")
            #expect(Abbreviations.kind(endingOf: text[...]) == expected, "\(text.debugDescription)")
            if let read = Abbreviations.asciiKind(endingOf: text.utf8) {
                byBytes += 1
                #expect(read == expected, "\(text.debugDescription)")
            }
            if expected != nil { found += 1 }
        }
        // Most texts are read on bytes, and many end with an abbreviation.
        #expect(byBytes > texts.count / 2, "\(byBytes) of \(texts.count)")
        #expect(found > 500, "\(found)")
    }

    @Test func byteRepairsOnHandPickedText() {
        // A space before a comma that ends the text; before a stop followed by a closing quotation
        // mark, a no-break space and a four-byte letter; runs of spaces and tabs.
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("officials ,") == "officials,")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("he said .” Then") == "he said.” Then")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("one ;\u{00A0}two") == "one;\u{00A0}two")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("x :𝑥") == "x :𝑥")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation("a \t , b") == "a, b")
        #expect(ParagraphRepair.removeSpaceBeforePunctuation(" , b") == " , b")
        #expect("  Kyiv\u{2009}\u{3000}and\r\nMoscow \u{85}".collapsingWhitespace == "Kyiv and Moscow")
        #expect("Жовква  日本\t𝑥".collapsingWhitespace == "Жовква 日本 𝑥")
        #expect(ParagraphRepair.splitInsideQuotation("“We see that … dialogue.", "We welcome that.” The Kremlin"))
        #expect(!ParagraphRepair.splitInsideQuotation("“We see that … dialogue.", "“We welcome that.” The Kremlin"))
        #expect(!ParagraphRepair.splitInsideQuotation("“We see” that.", "We welcome that.” The Kremlin"))
    }
}

