/// Day arithmetic and ISO weeks on `CalendarDay`, for the date resolver.
extension CalendarDay {
    /// Days since 0001-01-01 (proleptic Gregorian), for differences and offsets.
    var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDay.daysIn(month: m, year: year) }
        return days + day - 1
    }

    init(ordinal: Int) {
        var year = max(1, (ordinal * 400) / 146_097 + 1)
        while CalendarDay(year: year, month: 1, day: 1)!.ordinal > ordinal { year -= 1 }
        while CalendarDay(year: year + 1, month: 1, day: 1)!.ordinal <= ordinal { year += 1 }
        var rest = ordinal - CalendarDay(year: year, month: 1, day: 1)!.ordinal
        var month = 1
        while rest >= CalendarDay.daysIn(month: month, year: year) {
            rest -= CalendarDay.daysIn(month: month, year: year)
            month += 1
        }
        self = CalendarDay(year: year, month: month, day: rest + 1)!
    }

    func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// ISO weekday: 1 is Monday, 7 is Sunday. 0001-01-01 was a Monday.
    var weekday: Int { ordinal % 7 + 1 }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstDay = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - firstDay.ordinal) / 7 + 1)
    }

    /// `2025-W02`
    var isoWeekValue: String {
        let week = isoWeek
        return "\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)"
    }

    /// The first day of the month `months` away from this one.
    func firstOfMonth(adding months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    /// `2025-01`
    var monthValue: String { String(iso.prefix(7)) }
}
