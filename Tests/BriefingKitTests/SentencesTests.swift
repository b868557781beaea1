import Testing
@testable import BriefingKit

/// Sentence boundaries (`Sentences.ranges`): what an actor page's dates and a date's snippet
/// take as "the same sentence".
@Suite("Sentences")
struct SentencesTests {
    func sentences(_ text: String) -> [String] {
        Sentences.ranges(in: text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
    }

    @Test func aSentenceEndsAtAFullStopExceptAfterAnAbbreviation() {
        #expect(sentences("Gen. Smith arrived. He left! Did he? Yes") == ["Gen. Smith arrived.", "He left!", "Did he?", "Yes"])
        #expect(sentences("Talks ended on Jan. 20. The U.S. said so.") == ["Talks ended on Jan. 20.", "The U.S. said so."])
        #expect(sentences("“We stay.” They left. \"Fine.\" Done.") == ["“We stay.”", "They left.", "\"Fine.\"", "Done."])
        // An initial after a capitalised word is part of a name; "plan B." ends a sentence.
        #expect(sentences("John F. Kennedy spoke. We chose plan B. Then we left.") == ["John F. Kennedy spoke.", "We chose plan B.", "Then we left."])
        // Words that are not ASCII before the full stop are read by characters, with the same rules.
        #expect(sentences("Zełenski przyjechał. Potem (Jan. 5) wyjechał. Gen. Łukasz ćwiczył.")
            == ["Zełenski przyjechał.", "Potem (Jan. 5) wyjechał.", "Gen. Łukasz ćwiczył."])
        #expect(sentences("Łukasz F. Nowak przyjechał. Potem wyjechał.") == ["Łukasz F. Nowak przyjechał.", "Potem wyjechał."])
        #expect(sentences("") == [])
        #expect(sentences("No full stop at all") == ["No full stop at all"])
    }
}
