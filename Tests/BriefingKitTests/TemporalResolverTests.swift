import Foundation
import Testing
@testable import BriefingKit

/// Every row of the table in the dates issue, for a DCT of Friday 2025-01-10 (ISO week 2025-W02).
@Suite("Temporal resolver")
struct TemporalResolverTests {
    static let dct = CalendarDay(year: 2025, month: 1, day: 10)!

    /// The single expression found in `sentence`: its text, value, granularity and modifier.
    func one(_ sentence: String) -> (String, String, DateReference.Granularity, DateReference.Modifier?)? {
        let found = TemporalResolver.resolve(sentence, dct: Self.dct)
        guard found.count == 1, let r = found.first else { return nil }
        return (r.text, r.value, r.granularity, r.mod)
    }

    func value(_ sentence: String) -> String? { one(sentence)?.1 }

    @Test func dctIsAFridayInWeekTwo() {
        #expect(Self.dct.weekday == 5)
        #expect(Self.dct.isoWeekValue == "2025-W02")
        #expect(CalendarDay(year: 2024, month: 12, day: 27)!.isoWeekValue == "2024-W52")
        #expect(CalendarDay(year: 2021, month: 1, day: 3)!.isoWeekValue == "2020-W53")
        #expect(CalendarDay(ordinal: Self.dct.ordinal) == Self.dct)
    }

    @Test func isoAndFullDates() {
        #expect(one("It began on 2024-11-07.")! == ("2024-11-07", "2024-11-07", .day, nil))
        #expect(value("before his inauguration on 20 January 2025.") == "2025-01-20")
        #expect(value("sworn in on Jan. 20, 2025, in Washington") == "2025-01-20")
        #expect(value("sworn in on January 20, 2025 in Washington") == "2025-01-20")
        #expect(one("The vote is on Wednesday, February 19 in Kyiv.")! == ("Wednesday, February 19", "2025-02-19", .day, nil))
    }

    @Test func monthDayWithoutYear() {
        #expect(one("after he is sworn in to office on Jan. 20.")! == ("Jan. 20", "2025-01-20", .day, nil))
        #expect(value("the meeting on 20 January") == "2025-01-20")
        #expect(value("He said on Dec. 25 that talks were over.") == "2024-12-25")
    }

    @Test func monthsYearsSeasonsQuarters() {
        #expect(value("In April 2024, the paper reported") == "2024-04")
        #expect(value("a summit with Putin in June 2021 in Geneva") == "2021-06")
        #expect(one("the Helsinki summit in 2018, when")! == ("2018", "2018", .year, nil))
        #expect(one("in spring 2022 the army advanced")! == ("spring 2022", "2022-SP", .season, nil))
        #expect(one("revenue in Q4 2024 fell")! == ("Q4 2024", "2024-Q4", .quarter, nil))
        // With "of" between, as reporters often write it.
        #expect(one("the ceasefire collapsed in the spring of 2023.")! == ("spring of 2023", "2023-SP", .season, nil))
        #expect(one("It was agreed in April of 2024 in Doha.")! == ("April of 2024", "2024-04", .month, nil))
        #expect(one("growth in the third quarter of 2024 slowed")! == ("the third quarter of 2024", "2024-Q3", .quarter, nil))
        #expect(one("in the last quarter of 2023, exports fell")! == ("the last quarter of 2023", "2023-Q4", .quarter, nil))
        // "of" and no year: the season is not a date, and the month is one only as a bare month.
        #expect(one("the spring of discontent").map(\.0) == nil)
        #expect(one("the third quarter of the match").map(\.0) == nil)
    }

    @Test func bareMonths() {
        #expect(value("The talks collapsed in June.") == "2024-06")
        #expect(value("Elections will be held in March.") == "2025-03")
    }

    /// A verb after "to" and a word such as "agreed" or "likely" looks ahead, however the
    /// sentence is told; "to" before a noun does not.
    @Test func prospectiveInfinitives() {
        #expect(TemporalResolver.resolve("OPEC+ agreed on Sunday to press ahead with an increase in output from April.", dct: Self.dct)
            .map(\.value) == ["2025-01-05", "2025-04"])
        #expect(value("The agency hoped to send a convoy before the season, which begins in June.") == "2025-06")
        #expect(value("He said the vote was likely to be held in March.") == "2025-03")
        #expect(value("a step officials expect to complete on Monday.") == "2025-01-13")
        #expect(value("They vowed to discuss it again in June.") == "2025-06")
        // "to" as a preposition: the telling decides.
        #expect(value("Putin agreed to a ceasefire in June.") == "2024-06")
        #expect(value("Moscow agreed to talks in June.") == "2024-06")
        #expect(value("He returned to power in June.") == "2024-06")
        #expect(value("Kyiv agreed to Washington's terms in June.") == "2024-06")
    }

    /// What is extended or put off until a time runs on ahead, however it is told; other
    /// verbs before "until" keep the telling's tense.
    @Test func extendedUntilLooksAhead() {
        #expect(value("Sanctions were extended until the end of August.") == "2025-08")
        #expect(value("The vote was postponed until March.") == "2025-03")
        #expect(value("He served until March.") == "2024-03")
    }

    /// A name in -ed inside a sentence is no verb: "United" does not make the telling past.
    @Test func namesInEdAreNotPastTense() {
        #expect(value("The region would press its case at the United Nations conference in March.") == "2025-03")
        // At the start of a sentence a word in -ed is still read as a verb.
        #expect(value("Asked about talks in March, he smiled.") == "2024-03")
    }

    @Test func lastThisNextMonth() {
        #expect(one("Putin said last June that Russia was willing")! == ("last June", "2024-06", .month, nil))
        #expect(value("The deal is due next March.") == "2025-03")
    }

    @Test func weekdays() {
        #expect(value("about Trump’s remarks Thursday that a meeting") == "2025-01-09")
        #expect(value("The Kremlin said Friday that") == "2025-01-10")
        #expect(value("The envoy will arrive on Monday.") == "2025-01-13")
    }

    @Test func relativeDays() {
        #expect(value("He spoke today.") == "2025-01-10")
        #expect(value("He spoke yesterday.") == "2025-01-09")
        #expect(value("He will speak tomorrow.") == "2025-01-11")
        var resolver = TemporalResolver(dct: Self.dct)
        let found = resolver.resolve("The summit opens on Jan. 20. Officials arrive the day before.")
        #expect(found.map(\.value) == ["2025-01-20", "2025-01-19"])
        #expect(found.map(\.text) == ["Jan. 20", "the day before"])
    }

    @Test func weeksMonthsYears() {
        #expect(value("talks this week") == "2025-W02")
        #expect(value("talks last week") == "2025-W01")
        #expect(value("prices rose last month") == "2024-12")
        #expect(value("elections next year") == "2026")
        #expect(one("protests over the weekend")! == ("the weekend", "2025-W02-WE", .weekend, nil))
    }

    @Test func partsOfPeriods() {
        #expect(one("at the end of last year, Putin claimed")! == ("at the end of last year", "2024", .year, .end))
        #expect(one("talks early next year")! == ("early next year", "2026", .year, .start))
        #expect(one("by mid-January the front held")! == ("mid-January", "2025-01", .month, .mid))
        #expect(one("a vote later this month")! == ("later this month", "2025-01", .month, nil))
    }

    @Test func ago() {
        #expect(one("two weeks ago")! == ("two weeks ago", "2024-W52", .week, nil))
        #expect(value("three years ago") == "2022")
    }

    @Test func ranges() {
        let years = TemporalResolver.resolve("his term in 2017-2021 ended", dct: Self.dct)
        #expect(years.map(\.value) == ["2017/2021"])
        #expect(years.first?.points == ["2017", "2021"])
        #expect(TemporalResolver.resolve("from 2022 to 2024 the war", dct: Self.dct).map(\.value) == ["2022/2024"])
        let days = TemporalResolver.resolve("talks on Jan. 20–21 in Riyadh", dct: Self.dct)
        #expect(days.map(\.text) == ["Jan. 20–21"])
        #expect(days.first?.points == ["2025-01-20", "2025-01-21"])
    }

    @Test func decades() {
        #expect(one("since the 1990s")?.1 == "199")
        #expect(one("since the 1990s")?.2 == .decade)
    }

    @Test func vague() {
        #expect(one("He is now ready")! == ("now", "PRESENT_REF", .vague, nil))
        #expect(value("He recently said") == "PAST_REF")
        #expect(TemporalResolver.resolve("He is now ready", dct: Self.dct).first?.points == [])
    }

    @Test func durations() {
        #expect(value("for three years") == "P3Y")
        #expect(value("within 24 hours of being elected") == "PT24H")
        #expect(one("The three-hour meeting consisted")! == ("three-hour", "PT3H", .duration, nil))
        #expect(one("not spoken to Trump in more than four years")! == ("more than four years", "P4Y", .duration, .moreThan))
        #expect(TemporalResolver.resolve("for three years", dct: Self.dct).first?.points == [])
    }

    @Test func thingsThatAreNotDates() {
        #expect(TemporalResolver.resolve("Talks may resume, and they may fail.", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("May the talks succeed.", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("Protesters march on the capital; the march was long.", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("They will March on Kyiv.", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("a 28-point plan and 1,000 troops", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("some 2018 troops and 1,2025 votes", dct: Self.dct).isEmpty)
        #expect(TemporalResolver.resolve("to office on Jan.", dct: Self.dct).map(\.value) != ["2025-01-20"])
    }

    /// The rules are tried only at words that can start an expression: on random sentences made
    /// of every word the lexicon and the rules know, and on every fixture paragraph, that finds
    /// what trying them at every word finds.
    @Test func firstWordFilterFindsWhatEveryWordFinds() throws {
        var vocabulary = Array(Scan.starters).sorted() + Array(DateLexicon.monthTriggers).sorted() + Array(DateLexicon.countNouns).sorted()
        vocabulary += Array(DateLexicon.units.keys).sorted() + Array(DateLexicon.futureCues).sorted() + Array(DateLexicon.pastCues).sorted()
        vocabulary += ["ago", "of", "end", "beginning", "start", "middle", "weekend", "year", "month", "week", "day", "before", "after",
                       "previous", "following", "earlier", "than", "and", "or", "that", "troops", "mid-January", "mid-2024", "three-hour",
                       "24-hour", "twenty-five", "Q4", "1990s", "2017-2021", "2025-01-20", "20th", "1st", "20", "2024", "2,025", "Putin", "said"]
        vocabulary += vocabulary.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let gaps = [" ", " ", " ", ", ", ". ", " – ", "-", " — "]
        var random = IncrementalBuildTests.Random(state: 17)
        var texts = (0..<3000).map { _ in
            (0..<(2 + random.next(10))).map { _ in vocabulary[random.next(vocabulary.count)] + gaps[random.next(gaps.count)] }.joined()
        }
        texts += try ParagraphRepairTests.fixtureParagraphs()
        var found = 0
        for text in texts {
            var filtered = TemporalResolver(dct: Self.dct)
            var everyWord = TemporalResolver(dct: Self.dct)
            everyWord.filtersStarts = false
            let references = filtered.resolve(text)
            #expect(references == everyWord.resolve(text), "\(text.debugDescription)")
            found += references.count
        }
        #expect(found > 1000)
    }

    /// The gates before the starters and the number words let every one of them through, and
    /// keep out most words of a text.
    @Test func theWordGatesLetEveryWordOfTheirSetThrough() throws {
        #expect(Scan.starters.allSatisfy(Scan.startersGate.mayHold))
        #expect(DateLexicon.numbers.keys.allSatisfy(Scan.numbersGate.mayHold))
        let words = try ParagraphRepairTests.fixtureParagraphs().flatMap { Tokenizer.tokens(in: $0).map { $0.text.lowercased() } }
        #expect(words.count > 1000)
        #expect(words.allSatisfy { Scan.startersGate.mayHold($0) || !Scan.starters.contains($0) })
        #expect(words.allSatisfy { Scan.numbersGate.mayHold($0) || DateLexicon.numbers[$0] == nil })
        // Most words are kept out before they are hashed.
        #expect(words.filter(Scan.numbersGate.mayHold).count * 3 < words.count)
        #expect(!Scan.startersGate.mayHold("") && !Scan.numbersGate.mayHold(""))
    }
}
