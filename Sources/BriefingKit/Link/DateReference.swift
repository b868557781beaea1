/// A date expression found in an article and normalised to a TIMEX3-style value, relative to the
/// article's publication date (the document creation time, DCT).
public struct DateReference: Sendable, Hashable {
    public enum Granularity: String, Sendable, Hashable, CaseIterable {
        case day, week, weekend, month, season, quarter, year, decade, interval, duration, vague
    }

    public enum Modifier: String, Sendable, Hashable, CaseIterable {
        case start = "START", mid = "MID", end = "END", approx = "APPROX", moreThan = "MORE_THAN", lessThan = "LESS_THAN"
    }

    // Stored properties in this order, so that the small ones share one 8-byte word: 48 bytes
    // a reference, where half a million are kept at 10,000 articles.

    /// The exact surface text, e.g. "Jan. 20" or "at the end of last year".
    public var text: String
    /// TIMEX3-style value: `2025-01-20`, `2025-W02`, `2024-12`, `2022-SP`, `2024-Q4`, `2024`, `199`,
    /// `2017/2021`, `P3Y`, `PT24H`, `PRESENT_REF`, `PAST_REF`.
    public let value: String
    /// `points` when they are not the usual ones for the value and granularity. Most references
    /// have the usual ones, and half a million of them at 10,000 articles would otherwise each
    /// hold an array of their own.
    private let otherPoints: [String]?
    /// UTF-8 byte offset of `text` in the paragraph (`Stored32`, as in `Mention`).
    @Stored32 public var offset: Int
    public let granularity: Granularity
    public var mod: Modifier?

    /// The values this reference is placed at on the timeline: one for a point, two for a range
    /// ("Jan. 20–21"), none for durations and vague references.
    public var points: [String] { otherPoints ?? Self.points(value, granularity) }

    /// The first of `points`, without making an array of the usual one.
    public var firstPoint: String? {
        if let otherPoints { return otherPoints.first }
        return Self.hasPoint(granularity) ? value : nil
    }

    /// Each of `points`, without making an array of the usual one: the index reads half a million.
    public func forEachPoint(_ body: (String) -> Void) {
        if let otherPoints { otherPoints.forEach(body) } else if Self.hasPoint(granularity) { body(value) }
    }

    public init(text: String, offset: Int, value: String, granularity: Granularity, mod: Modifier? = nil, points: [String]? = nil) {
        self.text = text
        self.offset = offset
        self.value = value
        self.granularity = granularity
        self.mod = mod
        self.otherPoints = points.flatMap { Self.areUsual($0, value, granularity) ? nil : $0 }
    }

    /// `points` when they are not the usual ones, nil when they are (what the article memo keeps).
    var unusualPoints: [String]? { otherPoints }

    /// Whether these are `points(value, granularity)`, without making that array: half a million
    /// references are read from the article memo at 10,000 articles.
    private static func areUsual(_ points: [String], _ value: String, _ granularity: Granularity) -> Bool {
        hasPoint(granularity) ? points.count == 1 && points[0] == value : points.isEmpty
    }

    private static func points(_ value: String, _ granularity: Granularity) -> [String] {
        hasPoint(granularity) ? [value] : []
    }

    /// Whether a reference of this granularity is placed at its value: durations, vague references
    /// and intervals (whose two ends are given) are not.
    private static func hasPoint(_ granularity: Granularity) -> Bool {
        switch granularity {
        case .duration, .vague, .interval: false
        default: true
        }
    }
}
