/// A date reference where it occurs: article and block, and whether it was then the future.
/// The block is `Stored32`, as in `Mention`.
public struct DateMention: Sendable, Hashable {
    public var articleID: String
    @Stored32 public var block: Int
    public var reference: DateReference
    /// The reference starts after the article's publication date: a plan, not a report.
    public var isFuture: Bool
}

/// Reading TIMEX3-style values back as calendar spans, for the timeline and date pages.
public enum TimexValue {
    /// The first day a value covers: `2025-01` → 2025-01-01, `2025-W02` → 2025-01-06, `199` → 1990-01-01.
    public static func start(_ value: String) -> CalendarDay? {
        let parts = value.split(separator: "-").map(String.init)
        guard let first = parts.first, let year = Int(first) else { return nil }
        if first.count == 3 { return CalendarDay(year: year * 10, month: 1, day: 1) }
        guard first.count == 4 else { return nil }
        if parts.count == 1 { return CalendarDay(year: year, month: 1, day: 1) }
        let second = parts[1]
        if let month = Int(second) {
            return parts.count == 3 ? CalendarDay(iso: value) : CalendarDay(year: year, month: month, day: 1)
        }
        // Weeks and quarters in their ranges: a value the resolver never makes (a damaged cache's)
        // is no day, not a number multiplied past the largest.
        if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
            let jan4 = CalendarDay(year: year, month: 1, day: 4)!
            guard let monday = jan4.adding(days: 1 - jan4.weekday)?.adding(days: 7 * (week - 1)) else { return nil }
            return parts.count == 3 ? monday.adding(days: 5) : monday
        }
        if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q) { return CalendarDay(year: year, month: 3 * (q - 1) + 1, day: 1) }
        let seasons = ["SP": 3, "SU": 6, "FA": 9, "WI": 12]
        if let month = seasons[second] { return CalendarDay(year: year, month: month, day: 1) }
        return nil
    }

    /// The value one level up, for navigation: a day's month, a month's year, a week's year.
    public static func parent(_ value: String) -> String? {
        let parts = value.split(separator: "-")
        guard parts.count >= 2, parts[0].count == 4 else { return nil }
        if parts.count == 3, Int(parts[1]) != nil { return "\(parts[0])-\(parts[1])" }
        return String(parts[0])
    }

    /// How a reader says it: "20 January 2025", "January 2025", "2025", "week 2 of 2025",
    /// "the weekend of week 2, 2025", "spring 2022", "Q4 2024", "the 1990s".
    public static func label(_ value: String) -> String {
        let parts = value.split(separator: "-").map(String.init)
        guard let first = parts.first else { return value }
        if first.count == 3 { return "the \(first)0s" }
        if parts.count == 1 { return first }
        if let day = CalendarDay(iso: value) { return day.longForm }
        if parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) { return "\(CalendarDay.monthNames[month - 1]) \(first)" }
        if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) {
            return parts.count == 3 ? "weekend of week \(week), \(first)" : "week \(week) of \(first)"
        }
        if parts[1].hasPrefix("Q") { return "\(parts[1]) \(first)" }
        let seasons = ["SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"]
        if let season = seasons[parts[1]] { return "\(season) \(first)" }
        return value
    }

    /// Whether `value` is a valid HTML `datetime` (year, month, day or week), for `<time>`.
    public static func isHTMLDatetime(_ value: String) -> Bool {
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.count == 4, Int(first) != nil else { return false }
        switch parts.count {
        case 1: return true
        case 2: return Int(parts[1]) != nil || (parts[1].hasPrefix("W") && parts[1].count == 3)
        case 3: return CalendarDay(iso: value) != nil
        default: return false
        }
    }
}
