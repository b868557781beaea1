/// The editor's overview of the briefing, from `Content/briefing.md`: key judgements, a summary,
/// open questions. Markdown with optional YAML front matter (`title`).
public struct Overview: Sendable, Hashable {
    public var title: String
    public var sourceFile: String
    /// The body's Markdown blocks, numbered from 1 (anchored `#o<n>`).
    public var blocks: [TextBlock]
    /// How many blocks the front page shows: those before the first `##` heading, or all of a
    /// short overview. The rest is on `overview.html`.
    public var frontBlocks: Int
    /// The file's lines, so that a message about a repaired (joined) paragraph names its own line.
    public var lines: [String] = []

    /// Characters of Markdown the front page shows in full.
    static let shortLength = 1_500

    public var isLong: Bool { frontBlocks < blocks.count }

    public static func anchor(_ number: Int) -> String { "o\(number)" }
}
