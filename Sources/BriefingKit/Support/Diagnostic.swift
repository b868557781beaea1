/// A problem found in the input, named by file and line, e.g. `Content/articles/x.txt:3: missing date`.
///
/// Diagnostics never stop the other articles: each stage collects them and the build carries on.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    /// Path as the user gave it (relative to the working directory when possible).
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity = .warning, file: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// The line printed for the user; control characters from the input are shown escaped.
    public var description: String {
        let place = PrintableText.escape(line.map { "\(file):\($0)" } ?? file)
        return "\(place): \(severity.rawValue): \(PrintableText.escape(message))"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.message) < (rhs.file, rhs.line ?? 0, rhs.message)
    }
}

/// An error that stops the build. It names the step and, where there is one, the file and line.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public enum Step: String, Sendable {
        case load, link, site, render, write, check
    }

    public var step: Step
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ step: Step, file: String? = nil, line: Int? = nil, _ message: String) {
        self.step = step
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var place = ""
        if let file {
            place = PrintableText.escape(line.map { "\(file):\($0): " } ?? "\(file): ")
        }
        return "\(place)error: \(PrintableText.escape(message, keepingLineBreaks: true)) [\(step.rawValue)]"
    }
}
