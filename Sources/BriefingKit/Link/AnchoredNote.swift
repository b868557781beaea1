/// A note after the Link stage: each target found in the briefing, or why not.
public struct AnchoredNote: Sendable, Hashable {
    public var note: Note
    public var targets: [Anchor]
    public var evidence: [Anchor]
    /// The body, with `[[…]]` links resolved.
    public var body: [WikiText.Piece]
}

/// Where a note target was found.
public enum Anchor: Sendable, Hashable {
    /// A passage of an article, found in its repaired text.
    case passage(Passage)
    /// A whole article; `unplaced` holds the passage when it could not be placed (then the note is
    /// shown at article level, and the build warned).
    case article(id: String, unplaced: TextQuote?)
    case actor(id: String)
    /// A date value (`2025-01-20`); it has a date page.
    case date(String)
    /// Nothing in the briefing matches; the note is still listed on the notes page.
    case missing(String)

    public var articleID: String? {
        switch self {
        case .passage(let passage): passage.articleID
        case .article(let id, _): id
        default: nil
        }
    }
}

/// A passage found in an article: its block, and which occurrence of the (whitespace-normalised)
/// text within that block it is, which is how the renderer finds it again.
public struct Passage: Sendable, Hashable {
    public var articleID: String
    public var block: Int
    public var occurrence: Int
    /// `exact`, with white space collapsed.
    public var text: String
    public var quote: TextQuote
}
