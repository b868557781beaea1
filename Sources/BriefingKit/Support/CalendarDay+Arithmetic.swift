/// Day arithmetic and ISO weeks on `CalendarDay`, for the date resolver.
///
/// The calendar runs from 0001-01-01 to 9999-12-31: arithmetic that leaves it gives nil (an
/// article dated 9999-12-31 has no "tomorrow"), never a crash.
extension CalendarDay {
    /// Days since 0001-01-01 (proleptic Gregorian), for differences and offsets.
    var ordinal: Int {
        var days = Self.ordinal(ofJanuaryFirst: year)
        for m in 1..<month { days += CalendarDay.daysIn(month: m, year: year) }
        return days + day - 1
    }

    private static func ordinal(ofJanuaryFirst year: Int) -> Int {
        let y = year - 1
        return y * 365 + y / 4 - y / 100 + y / 400
    }

    private static let lastOrdinal = CalendarDay(year: 9999, month: 12, day: 31)!.ordinal

    /// The day `ordinal` days after 0001-01-01, or nil outside the calendar.
    init?(ordinal: Int) {
        guard (0...Self.lastOrdinal).contains(ordinal) else { return nil }
        var year = ordinal * 400 / 146_097 + 1
        while Self.ordinal(ofJanuaryFirst: year) > ordinal { year -= 1 }
        while Self.ordinal(ofJanuaryFirst: year + 1) <= ordinal { year += 1 }
        var rest = ordinal - Self.ordinal(ofJanuaryFirst: year)
        var month = 1
        while rest >= CalendarDay.daysIn(month: month, year: year) {
            rest -= CalendarDay.daysIn(month: month, year: year)
            month += 1
        }
        self.init(year: year, month: month, day: rest + 1)
    }

    func adding(days: Int) -> CalendarDay? { CalendarDay(ordinal: ordinal + days) }

    /// ISO weekday: 1 is Monday, 7 is Sunday. 0001-01-01 was a Monday.
    var weekday: Int { ordinal % 7 + 1 }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        // 0001-01-01 is a Monday and 9999-12-31 a Friday: every week's Thursday is on the calendar.
        let thursday = adding(days: 4 - weekday)!
        let firstDay = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - firstDay.ordinal) / 7 + 1)
    }

    /// `2025-W02`
    var isoWeekValue: String {
        let week = isoWeek
        return "\(CalendarDay.yearValue(week.year)!)-W\(week.week < 10 ? "0" : "")\(week.week)"
    }

    /// `2025-W02-WE`, or nil when the weekend is off the calendar (that of 9999-12-31).
    var isoWeekendValue: String? {
        adding(days: 6 - weekday).map { _ in isoWeekValue + "-WE" }
    }

    /// The first day of the month `months` away from this one, or nil outside the calendar.
    func firstOfMonth(adding months: Int) -> CalendarDay? {
        let index = year * 12 + (month - 1) + months
        guard index >= 12 else { return nil }
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// `2025-01`
    var monthValue: String { String(iso.prefix(7)) }

    /// A year as a TIMEX3 value, always four digits (`0987`: three digits would be a decade), or nil
    /// outside the calendar.
    static func yearValue(_ year: Int) -> String? {
        CalendarDay(year: year, month: 1, day: 1).map { String($0.iso.prefix(4)) }
    }
}
