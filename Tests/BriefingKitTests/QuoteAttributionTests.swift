import Testing
@testable import BriefingKit

/// The rule that reads the words after a quotation (`QuoteAttributor.after`), on the bytes.
@Suite("Quote attribution") struct QuoteAttributionTests {
    /// What comes after a closing quote at byte 100 of block 3, with Dmitry Peskov named in it
    /// (when he is), and Volodymyr Zelensky the last speaker, of block 2.
    func speaker(after text: String) -> String? {
        let bytes = Array(text.utf8)
        let offset = 100
        let people: QuoteAttributor.PersonMentions = text.utf8.firstRange(of: "Dmitry Peskov".utf8).map { range in
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            return [(range: (offset + start)..<(offset + start + 13), actorID: "dmitry-peskov")]
        } ?? []
        return QuoteAttributor.after(bytes[...], offset: offset, people: people, last: (id: "volodymyr-zelensky", block: 2), block: 3)
    }

    @Test func theSpeakerIsTheOneNamedBesideASpeechVerb() {
        #expect(speaker(after: ", said Dmitry Peskov, the Kremlin spokesman.") == "dmitry-peskov")
        #expect(speaker(after: ", Dmitry Peskov told reporters.") == "dmitry-peskov")
        #expect(speaker(after: ", spokesman Dmitry Peskov said.") == "dmitry-peskov")
        #expect(speaker(after: ", he added.") == "volodymyr-zelensky")
        #expect(speaker(after: ", She said.") == "volodymyr-zelensky")
        // Not when the name is in another sentence, behind another quotation, too far, or without a verb.
        #expect(speaker(after: ". Later Dmitry Peskov said") == nil)
        #expect(speaker(after: ", “no,” Dmitry Peskov said") == nil)
        #expect(speaker(after: ", as one of the many officials Dmitry Peskov said") == nil)
        #expect(speaker(after: ", Dmitry Peskov’s office.") == nil)
        // An ellipsis is a word of its own, which is not "he".
        #expect(speaker(after: " ... he said") == nil)
        #expect(speaker(after: "") == nil)
    }

    /// The words it reads are what `split` finds in the text.
    @Test func itsWordsAreWhatSplitFinds() {
        let samples = [", he said.", " ,, said  Peskov, ", "... she added", "", ",", "Zelenskyy’s office, said", "naïve café,Kyiv ", "one"]
        for sample in samples {
            for limit in [1, 2, 5] {
                let expected = sample.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(limit).map(String.init)
                let found = QuoteAttributor.words(Array(sample.utf8)[...], limit: limit) { $0 == 0x20 || $0 == 0x2C }
                #expect(found.map { String(decoding: $0, as: UTF8.self) } == expected, "\(sample)")
            }
        }
    }
}
