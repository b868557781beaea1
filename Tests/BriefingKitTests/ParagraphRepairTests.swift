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
}
