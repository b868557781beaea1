@testable import BriefingKit

/// What every fuzz target shares: turning libFuzzer's bytes into inputs, and stopping on a
/// property that does not hold (libFuzzer then saves the input as a crash file).
public enum Fuzz {
    /// Stops the run with `message` when `condition` is false.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("property failed: " + message()) }
    }

    /// Stops the run when a check found violations.
    public static func require(_ violations: [String]) {
        if !violations.isEmpty { fatalError("property failed:\n" + violations.joined(separator: "\n")) }
    }

    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text; invalid UTF-8 becomes U+FFFD.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// `YYYY-MM-DD` on the first line sets the publication date (else 2025-01-15); the rest is the text.
    public static func datedText(_ text: String) -> (dct: CalendarDay, text: String) {
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        if let first = lines.first, let day = CalendarDay(iso: first) {
            return (day, lines.count > 1 ? String(lines[1]) : "")
        }
        return (CalendarDay(year: 2025, month: 1, day: 15)!, text)
    }

    /// Paragraphs separated by blank lines, as the readers see them.
    public static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
    }
}
