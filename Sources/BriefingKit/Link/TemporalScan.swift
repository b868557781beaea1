/// One attempt to match a date expression at a word of the text. Rules are tried longest first.
struct Scan {
    let words: [Token]
    /// The words lowercased, once per text rather than once per rule.
    let lower: [String]
    let facts: [WordFacts]
    let bytes: [UInt8]
    let index: Int
    let resolver: TemporalResolver
    var dct: CalendarDay { resolver.dct }

    typealias Match = (length: Int, reference: DateReference)

    func word(_ k: Int) -> String? { index + k < lower.count ? lower[index + k] : nil }
    func raw(_ k: Int) -> String? { index + k < words.count ? words[index + k].text : nil }

    /// The bytes between word k and word k+1.
    func gap(after k: Int) -> String {
        guard index + k + 1 < words.count else { return "" }
        return String(decoding: bytes[words[index + k].end..<words[index + k + 1].start], as: UTF8.self)
    }

    func reference(_ length: Int, _ value: String, _ granularity: DateReference.Granularity,
                   mod: DateReference.Modifier? = nil, points: [String]? = nil, skipFirst: Int = 0) -> Match {
        let first = words[index + skipFirst]
        let last = words[index + length - 1]
        var end = last.end
        // Keep the full stop of an abbreviated month at the end ("on Jan.").
        if last.text.count <= 4, DateLexicon.monthAbbreviations[last.text.lowercased()] != nil, end < bytes.count,
           bytes[end] == UInt8(ascii: ".") { end += 1 }
        let text = String(decoding: bytes[first.start..<end], as: UTF8.self)
        return (length, DateReference(text: text, offset: first.start, value: value, granularity: granularity, mod: mod, points: points))
    }

    // MARK: Word classes

    /// Whether any rule can match at a word (lower-cased): every rule's first word holds a digit
    /// or a hyphen, or is a word of `DateLexicon` or one that a rule names (`starters`).
    static func canStart(_ lower: String) -> Bool {
        hasDigitOrHyphen(lower) || (startersGate.mayHold(lower) && starters.contains(lower))
    }

    static let startersGate = WordGate(starters)
    static let numbersGate = WordGate(DateLexicon.numbers.keys)

    /// An ASCII digit or a hyphen: the words that can be numbers other than number words.
    static func hasDigitOrHyphen(_ word: String) -> Bool {
        word.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }

    /// The first words of the rules, each listed with the rule that reads it as word 0.
    static let starters: Set<String> = Set(DateLexicon.months.keys).union(DateLexicon.monthAbbreviations.keys) // fullDate, monthYear, bareMonth
        .union(DateLexicon.weekdays.keys) // fullDate, weekday
        .union(DateLexicon.seasons.keys) // seasonOrQuarter
        .union(DateLexicon.numbers.keys) // ago, duration
        .union(periodQualifiers).union(approximations) // partOfPeriod, duration
        .union(["from", // yearRange
                "at", "by", "until", "the", // partOfPeriod, relativePeriod, relativeDay, seasonOrQuarter
                "last", "this", "next", "past", "coming", // relativePeriod
                "more", "less", "fewer", // duration
                "today", "tonight", "yesterday", "tomorrow", // relativeDay
                "now", "currently", "nowadays", "recently", "lately", "soon"]) // vague

    func month(_ k: Int) -> Int? {
        // `isCapitalized` is the first character's `isUppercase`, read from the byte when it is ASCII.
        guard let w = word(k), words[index + k].isCapitalized else { return nil }
        if let m = DateLexicon.months[w] { return m }
        if let m = DateLexicon.monthAbbreviations[w], gap(after: k).hasPrefix(".") || index + k + 1 == words.count { return m }
        return nil
    }

    func day(_ k: Int) -> Int? { index + k < facts.count ? facts[index + k].day : nil }
    func year(_ k: Int) -> Int? { index + k < facts.count ? facts[index + k].year : nil }
    func number(_ k: Int) -> Int? { index + k < facts.count ? facts[index + k].number : nil }

    /// What a word can be as a number, worked out once per word of the text: the rules ask at every
    /// word, several times.
    struct WordFacts {
        var day: Int?
        var year: Int?
        var number: Int?

        init(_ lowercased: String) {
            // Without a digit or a hyphen, a word is a number only as a number word.
            guard Scan.hasDigitOrHyphen(lowercased) else {
                number = Scan.numbersGate.mayHold(lowercased) ? DateLexicon.numbers[lowercased] : nil
                return
            }
            var w = lowercased
            for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w.removeLast(2) }
            if w.count <= 2, let n = Int(w), (1...31).contains(n) { day = n }
            let v = lowercased
            if v.count == 4, v.allSatisfy(\.isNumber), let n = Int(v), (1000...2199).contains(n) { year = n }
            if let n = Int(v), n > 0, n < 1000 {
                number = n
            } else if let n = DateLexicon.numbers[v] {
                number = n
            } else if v.utf8.contains(UInt8(ascii: "-")) {
                let parts = v.split(separator: "-").map(String.init)
                if parts.count == 2, let tens = DateLexicon.numbers[parts[0]], let ones = DateLexicon.numbers[parts[1]], tens >= 20, ones < 10 {
                    number = tens + ones
                }
            }
        }
    }

    /// Past or future, from the nearest tense cue before the expression, back to the start of the
    /// sentence or of a reported clause ("said … that"). A participle after a form of "be" is no
    /// cue ("will be held", "is being scheduled"), nor a name in -ed ("the United Nations"). With
    /// no cue before it, the first cue after it in the sentence decides ("in April, CNN learned"). A verb after `to` and a word such as
    /// "agreed", "hoped" or "likely" looks ahead, whatever the tense of the telling
    /// ("agreed on Sunday to press ahead from April"): `prospectiveInfinitive`; so does what is
    /// extended until a time ("sanctions extended until the end of August").
    func tense() -> Scan.Tense {
        func sentenceEnds(between a: Int, _ b: Int) -> Bool {
            bytes[words[a].end..<words[b].start].contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
        }
        func cue(_ k: Int) -> Scan.Tense? {
            let w = lower[k]
            if DateLexicon.futureCues.contains(w) { return .future }
            // A capitalised word in -ed inside a sentence is a name ("the United Nations"), not a verb.
            let pastForm = w.count > 4 && w.hasSuffix("ed") && (k == 0 || !words[k].isCapitalized || sentenceEnds(between: k - 1, k))
            guard DateLexicon.pastCues.contains(w) || pastForm else { return nil }
            if k > 0, ["be", "being", "been", "is", "are"].contains(lower[k - 1]), w != "been" { return nil }
            return .past
        }
        // "Sanctions extended until the end of August": what is extended runs on ahead.
        let until = ["until", "till", "through"]
        if let u = [index, index - 1].first(where: { $0 >= 0 && $0 < lower.count && until.contains(lower[$0]) }),
           (max(0, u - 2)..<u).contains(where: { DateLexicon.extensionVerbs.contains(lower[$0]) }) {
            return .future
        }
        var k = index - 1
        while k >= 0, !sentenceEnds(between: k, k + 1) {
            if lower[k] == "that" { break }
            if prospectiveInfinitive(at: k) { return .future }
            if let found = cue(k) { return found }
            k -= 1
        }
        k = index + 1
        while k < words.count, k < index + 12, !sentenceEnds(between: k - 1, k) {
            if let found = cue(k) { return found }
            k += 1
        }
        return .neutral
    }

    /// Whether word `k` is a `to` that opens a verb looking ahead: a word of
    /// `DateLexicon.prospectiveBeforeTo` among the three before it ("agreed on Sunday to"), and
    /// before the expression a word that reads as a verb's base form (lower case, not a
    /// determiner or pronoun, no `-s`, `-ing` or `-ed` but `-ss` and `-eed`).
    func prospectiveInfinitive(at k: Int) -> Bool {
        guard lower[k] == "to", k + 1 < index,
              (max(0, k - 3)..<k).contains(where: { DateLexicon.prospectiveBeforeTo.contains(lower[$0]) }) else { return false }
        let next = lower[k + 1]
        guard !words[k + 1].isCapitalized, !DateLexicon.nounIntroducers.contains(next),
              next.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        if next.hasSuffix("s"), !next.hasSuffix("ss") { return false }
        if next.hasSuffix("ing") { return false }
        if next.hasSuffix("ed"), !next.hasSuffix("eed") { return false }
        return true
    }

    enum Tense { case past, future, neutral }

    // MARK: Resolution helpers

    /// The month-day nearest to the DCT, or the latest before it (past) or earliest after it (future).
    func resolveMonthDay(_ month: Int, _ day: Int) -> CalendarDay? {
        let candidates = (dct.year - 1...dct.year + 1).compactMap { CalendarDay(year: $0, month: month, day: day) }
        switch tense() {
        case .past: return candidates.last { $0 <= dct }
        case .future: return candidates.first { $0 >= dct }
        case .neutral: return candidates.min { abs($0.ordinal - dct.ordinal) < abs($1.ordinal - dct.ordinal) }
        }
    }

    /// A month without a year: past tense → the latest one up to the DCT's month, future → the next.
    /// Nil when that month is off the calendar.
    func resolveMonth(_ month: Int, tense forced: Scan.Tense? = nil) -> String? {
        let this = CalendarDay(year: dct.year, month: month, day: 1)!
        let dctMonth = CalendarDay(year: dct.year, month: dct.month, day: 1)!
        let chosen: CalendarDay?
        switch forced ?? tense() {
        case .past: chosen = this <= dctMonth ? this : this.firstOfMonth(adding: -12)
        case .future: chosen = this >= dctMonth ? this : this.firstOfMonth(adding: 12)
        case .neutral:
            let options = [this.firstOfMonth(adding: -12), this, this.firstOfMonth(adding: 12)].compactMap { $0 }
            chosen = options.min { abs($0.ordinal - dct.ordinal) < abs($1.ordinal - dct.ordinal) }
        }
        return chosen?.monthValue
    }

    func resolveWeekday(_ weekday: Int, future: Bool) -> CalendarDay? {
        let delta = weekday - dct.weekday
        if future { return dct.adding(days: delta > 0 ? delta : delta + 7) }
        return dct.adding(days: delta <= 0 ? delta : delta - 7)
    }

    // MARK: Rules

    func match() -> Match? {
        if let m = isoDate() ?? yearRange() ?? decade() ?? fullDate() ?? monthYear() ?? seasonOrQuarter() { return m }
        if let m = partOfPeriod() ?? relativePeriod() ?? ago() ?? relativeDay() ?? weekday() { return m }
        if let m = bareMonth() ?? duration() ?? bareYear() ?? vague() { return m }
        return nil
    }

    func isoDate() -> Match? {
        guard let w = word(0), let day = CalendarDay(iso: w) else { return nil }
        return reference(1, day.iso, .day)
    }

    /// `2017-2021`, `2017–2021`, `from 2022 to 2024`.
    func yearRange() -> Match? {
        if let w = word(0), w.count == 9, w.split(separator: "-").count == 2 {
            let parts = w.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, parts.allSatisfy({ (1000...2199).contains($0) }), parts[0] < parts[1] {
                return reference(1, "\(parts[0])/\(parts[1])", .interval, points: ["\(parts[0])", "\(parts[1])"])
            }
        }
        if let a = year(0), let b = year(1), ["–", "-", "—"].contains(gap(after: 0)), a < b {
            return reference(2, "\(a)/\(b)", .interval, points: ["\(a)", "\(b)"])
        }
        if word(0) == "from", let a = year(1), word(2) == "to" || word(2) == "until", let b = year(3), a < b {
            return reference(4, "\(a)/\(b)", .interval, points: ["\(a)", "\(b)"])
        }
        return nil
    }

    /// `the 1990s`
    func decade() -> Match? {
        guard let w = word(0), w.count == 5, w.hasSuffix("0s"), let n = Int(w.prefix(4)), (1000...2190).contains(n) else { return nil }
        return reference(1, String(w.prefix(3)), .decade)
    }

    /// `20 January 2025`, `Jan. 20, 2025`, `Wednesday, February 19`, `Jan. 20–21`, `Jan. 20`, `20 January`.
    func fullDate() -> Match? {
        var k = 0
        var weekdayGiven = false
        if let w = word(0), DateLexicon.weekdays[w] != nil, gap(after: 0).hasPrefix(","), month(1) != nil {
            k = 1
            weekdayGiven = true
        }
        if let m = month(k), let d = day(k + 1) {
            var length = k + 2
            if ["–", "-", "—"].contains(gap(after: k + 1)), let d2 = day(k + 2), d2 > d {
                let y = year(k + 3) ?? resolveMonthDay(m, d)?.year ?? dct.year
                guard let a = CalendarDay(year: y, month: m, day: d), let b = CalendarDay(year: y, month: m, day: d2) else { return nil }
                length = year(k + 3) != nil ? k + 4 : k + 3
                return reference(length, "\(a.iso)/\(b.iso)", .interval, points: [a.iso, b.iso])
            }
            let resolved: CalendarDay?
            if let y = year(k + 2) {
                resolved = CalendarDay(year: y, month: m, day: d)
                length += 1
            } else if weekdayGiven {
                resolved = CalendarDay(year: dct.year, month: m, day: d)
            } else {
                resolved = resolveMonthDay(m, d)
            }
            guard let day = resolved else { return nil }
            return reference(length, day.iso, .day)
        }
        if k == 0, let d = day(0), let m = month(1) {
            if let y = year(2), let day = CalendarDay(year: y, month: m, day: d) { return reference(3, day.iso, .day) }
            if let day = resolveMonthDay(m, d) { return reference(2, day.iso, .day) }
        }
        return nil
    }

    /// `April 2024`, `April of 2024`
    func monthYear() -> Match? {
        guard let m = month(0), let (length, y) = yearAfter(1), let day = CalendarDay(year: y, month: m, day: 1) else { return nil }
        return reference(length, day.monthValue, .month)
    }

    /// `spring 2022`, `spring of 2022`, `Q4 2024`, `the first quarter of 2024`
    func seasonOrQuarter() -> Match? {
        if let w = word(0), let season = DateLexicon.seasons[w], let (length, y) = yearAfter(1) {
            return reference(length, "\(y)-\(season)", .season)
        }
        if let w = word(0), w.count == 2, w.first == "q", let q = Int(w.dropFirst()), (1...4).contains(q), let y = year(1) {
            return reference(2, "\(y)-Q\(q)", .quarter)
        }
        if word(0) == "the", let ordinal = word(1), let q = Self.quarterOrdinals[ordinal], word(2) == "quarter", word(3) == "of", let y = year(4) {
            return reference(5, "\(y)-Q\(q)", .quarter)
        }
        return nil
    }

    static let quarterOrdinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4]

    /// The year at word `k`, or after an `of` there: the words read up to it, from word 0.
    func yearAfter(_ k: Int) -> (length: Int, year: Int)? {
        if let y = year(k) { return (k + 1, y) }
        if word(k) == "of", let y = year(k + 1) { return (k + 2, y) }
        return nil
    }

    /// A `last`/`this`/`next` period: "last year" → 2024, "next week" → 2025-W03, "last June".
    func period(_ k: Int) -> (length: Int, value: String, granularity: DateReference.Granularity)? {
        guard let which = word(k), ["last", "this", "next", "past", "coming"].contains(which), let unit = word(k + 1) else { return nil }
        let step = which == "last" || which == "past" ? -1 : which == "this" ? 0 : 1
        switch unit {
        case "year": return CalendarDay.yearValue(dct.year + step).map { (2, $0, .year) }
        case "month": return dct.firstOfMonth(adding: step).map { (2, $0.monthValue, .month) }
        case "week": return dct.adding(days: 7 * step).map { (2, $0.isoWeekValue, .week) }
        case "weekend": return dct.adding(days: 7 * step)?.isoWeekendValue.map { (2, $0, .weekend) }
        default:
            if let m = month(k + 1) {
                return resolveMonth(m, tense: step < 0 ? .past : step > 0 ? .future : .neutral).map { (2, $0, .month) }
            }
            if let weekday = DateLexicon.weekdays[unit] {
                let day = step == 0 ? dct.adding(days: weekday - dct.weekday)
                    : step < 0 ? resolveWeekday(weekday, future: false)?.adding(days: weekday >= dct.weekday ? 0 : -7)
                    : resolveWeekday(weekday, future: true)
                return day.map { (2, $0.iso, .day) }
            }
            if let season = DateLexicon.seasons[unit] {
                return CalendarDay.yearValue(dct.year + step).map { (2, "\($0)-\(season)", .season) }
            }
            return nil
        }
    }

    func relativePeriod() -> Match? {
        if let p = period(0) { return reference(p.length, p.value, p.granularity) }
        if word(0) == "the", word(1) == "weekend", let value = dct.isoWeekendValue { return reference(2, value, .weekend) }
        return nil
    }

    /// `at the end of last year`, `early next year`, `mid-January`, `later this month`, `late 2024`.
    static let periodParts: [String: DateReference.Modifier] = ["end": .end, "beginning": .start, "start": .start, "middle": .mid]
    static let periodQualifiers: Set<String> = ["early", "late", "mid", "earlier", "later"]
    static let approximations: Set<String> = ["about", "nearly", "almost", "around", "roughly", "some"]

    func partOfPeriod() -> Match? {
        let mods = Self.periodParts
        // "(at) the end of …"
        var k = 0
        if word(0) == "at" || word(0) == "by" || word(0) == "until" { k = 1 }
        if word(k) == "the", let w = word(k + 1), let mod = mods[w], word(k + 2) == "of" {
            let start = k + 3
            if let p = period(start) { return reference(start + p.length, p.value, p.granularity, mod: mod) }
            if word(start) == "the", word(start + 1) == "year" { return reference(start + 2, CalendarDay.yearValue(dct.year)!, .year, mod: mod) }
            if let y = year(start) { return reference(start + 1, String(y), .year, mod: mod) }
            if let m = month(start) {
                if let y = year(start + 1), let day = CalendarDay(year: y, month: m, day: 1) { return reference(start + 2, day.monthValue, .month, mod: mod) }
                if let value = resolveMonth(m) { return reference(start + 1, value, .month, mod: mod) }
            }
        }
        // "early next year", "late 2024", "earlier this month", "later this month"
        if let w = word(0), Self.periodQualifiers.contains(w) {
            let mod: DateReference.Modifier? = w == "early" ? .start : w == "late" ? .end : w == "mid" ? .mid : nil
            if let p = period(1) { return reference(1 + p.length, p.value, p.granularity, mod: mod) }
            if let y = year(1) { return reference(2, String(y), .year, mod: mod) }
            if let m = month(1) {
                if let y = year(2), let day = CalendarDay(year: y, month: m, day: 1) { return reference(3, day.monthValue, .month, mod: mod) }
                if let value = resolveMonth(m) { return reference(2, value, .month, mod: mod) }
            }
        }
        // "mid-January", "mid-2024" (one hyphenated word)
        if let w = word(0), w.hasPrefix("mid-") {
            let rest = String(w.dropFirst(4))
            if let m = DateLexicon.months[rest], let value = resolveMonth(m) { return reference(1, value, .month, mod: .mid) }
            if rest.count == 4, let y = Int(rest), (1000...2199).contains(y) { return reference(1, String(y), .year, mod: .mid) }
        }
        return nil
    }

    /// `two weeks ago`, `three years ago`
    func ago() -> Match? {
        guard let n = number(0), let unit = word(1), word(2) == "ago" else { return nil }
        switch unit {
        case "day", "days": return dct.adding(days: -n).map { reference(3, $0.iso, .day) }
        case "week", "weeks": return dct.adding(days: -7 * n).map { reference(3, $0.isoWeekValue, .week) }
        case "month", "months": return dct.firstOfMonth(adding: -n).map { reference(3, $0.monthValue, .month) }
        case "year", "years": return CalendarDay.yearValue(dct.year - n).map { reference(3, $0, .year) }
        default: return nil
        }
    }

    /// `today`, `yesterday`, `tomorrow`, `the day before`, `the next day`.
    func relativeDay() -> Match? {
        switch word(0) {
        case "today", "tonight": return reference(1, dct.iso, .day)
        case "yesterday": return dct.adding(days: -1).map { reference(1, $0.iso, .day) }
        case "tomorrow": return dct.adding(days: 1).map { reference(1, $0.iso, .day) }
        default: break
        }
        guard word(0) == "the", let base = resolver.anchor else { return nil }
        let days: Int
        if word(1) == "day", word(2) == "before" { days = -1 }
        else if word(1) == "previous" || word(1) == "day", word(2) == "day" || word(2) == "earlier" { days = -1 }
        else if ["next", "following"].contains(word(1) ?? ""), word(2) == "day" { days = 1 }
        else if word(1) == "day", word(2) == "after" { days = 1 }
        else { return nil }
        return base.adding(days: days).map { reference(3, $0.iso, .day) }
    }

    /// `Thursday`, `on Monday` (future tense → the coming one).
    func weekday() -> Match? {
        guard let w = word(0), let weekday = DateLexicon.weekdays[w], raw(0)?.first?.isUppercase == true else { return nil }
        return resolveWeekday(weekday, future: tense() == .future).map { reference(1, $0.iso, .day) }
    }

    /// `in June` (past tense) → 2024-06, `in March` (future) → 2025-03. Needs a trigger word, so
    /// that "may" and "march" as verbs are not dates.
    func bareMonth() -> Match? {
        guard index > 0, let m = month(0) else { return nil }
        let before = lower[index - 1]
        guard DateLexicon.monthTriggers.contains(before) else { return nil }
        if m == 5 || m == 3, word(1).map({ $0.first?.isLetter == true && !DateLexicon.countNouns.contains($0) && $0 != "and" && $0 != "or" }) == true,
           raw(1)?.first?.isLowercase == true, !gap(after: 0).contains(",") {
            // "in May say", "they march on": a verb or noun, not a month.
            if !["last", "next", "this", "early", "late", "mid", "since", "until", "by", "in", "during"].contains(before) { return nil }
        }
        return resolveMonth(m).map { reference(1, $0, .month) }
    }

    /// `three years`, `24 hours`, `a three-hour meeting`, `more than four years`.
    func duration() -> Match? {
        var k = 0
        var mod: DateReference.Modifier?
        if word(0) == "more" || word(0) == "less" || word(0) == "fewer", word(1) == "than" {
            mod = word(0) == "more" ? .moreThan : .lessThan
            k = 2
        } else if let w = word(0), Self.approximations.contains(w) {
            mod = .approx
            k = 1
        }
        // "three-hour", "24-hour" as one word
        if let w = word(k), w.utf8.contains(UInt8(ascii: "-")), let dash = w.lastIndex(of: "-") {
            let unit = String(w[w.index(after: dash)...])
            let count = String(w[..<dash])
            if let (designator, time) = DateLexicon.units[unit], let n = Int(count) ?? DateLexicon.numbers[count] {
                return reference(k + 1, "P\(time ? "T" : "")\(n)\(designator)", .duration, mod: mod)
            }
        }
        guard let n = number(k), let unit = word(k + 1), let (designator, time) = DateLexicon.units[unit] else { return nil }
        if word(k + 2) == "ago" { return nil }
        // "once a year", "12 hours a day", "per week": a frequency, not a duration.
        if ["a", "an"].contains(word(k) ?? ""), index > 0 {
            let before = lower[index - 1]
            if ["once", "twice", "times", "per"].contains(before) || DateLexicon.units[before] != nil || Int(before) != nil { return nil }
        }
        return reference(k + 2, "P\(time ? "T" : "")\(n)\(designator)", .duration, mod: mod)
    }

    /// `2018`, when it stands as a year: not a count ("2018 troops"), not part of "1,000".
    func bareYear() -> Match? {
        guard let y = year(0), (1900...2100).contains(y) else { return nil }
        if index > 0, words[index - 1].text.allSatisfy(\.isNumber), [",", "."].contains(String(decoding: bytes[words[index - 1].end..<words[index].start], as: UTF8.self)) {
            return nil
        }
        if let next = word(1), DateLexicon.countNouns.contains(next) { return nil }
        if gap(after: 0).hasPrefix(",") || gap(after: 0).hasPrefix(".") , let _ = word(1).flatMap({ Int($0) }) { return nil }
        return reference(1, String(y), .year)
    }

    /// `now`, `recently`, `currently`, `soon`: recorded, never placed on the timeline.
    func vague() -> Match? {
        switch word(0) {
        case "now", "currently", "nowadays": return reference(1, "PRESENT_REF", .vague)
        case "recently", "lately": return reference(1, "PAST_REF", .vague)
        case "soon": return reference(1, "FUTURE_REF", .vague)
        default: return nil
        }
    }
}
