/// An editor's note from `Content/notes/*.md`: a judgement anchored to passages, articles, actors
/// or dates, as written. The Link stage anchors it (`NoteAnchoring` → `AnchoredNote`).
public struct Note: Sendable, Hashable {
    /// Unique on the site; given as `id:` or made from the file name and the note's place in it.
    public var id: String
    /// `notes/kremlin.md`, relative to the content directory, and the line of the note's opening `---`.
    public var sourceFile: String
    public var line: Int
    public var tag: NoteTag?
    public var author: String?
    /// What the note is about: at least one.
    public var targets: [NoteTarget]
    /// Passages the note cites: the other statement of a contradiction, the background it points to.
    public var evidence: [NoteTarget]
    /// The note itself, in Markdown.
    public var body: String
    /// Line where the body starts, for messages about `[[…]]` links in it.
    public var bodyLine: Int
}

/// The small fixed set of note kinds; each has its own colour and section on `notes.html`.
public enum NoteTag: String, Sendable, Hashable, CaseIterable, Comparable {
    case contradiction, unverified, context, followUp = "follow-up"

    public var label: String {
        switch self {
        case .contradiction: "Contradiction"
        case .unverified: "Unverified"
        case .context: "Context"
        case .followUp: "Follow-up"
        }
    }

    public static func < (a: NoteTag, b: NoteTag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One thing a note points at, as the editor wrote it.
public struct NoteTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A passage of an article, found by its text (a W3C TextQuoteSelector), or the whole
        /// article when `quote` is nil.
        case article(id: String, quote: TextQuote?)
        /// An actor, by name, alias or id.
        case actor(String)
        /// A date value: `2025`, `2025-01`, `2025-01-20`.
        case date(String)
    }

    public var kind: Kind
    /// Line of the target in the notes file.
    public var line: Int
}

/// The words of a passage, with optional words just before and after it to tell repeated passages
/// apart: the W3C Web Annotation TextQuoteSelector.
public struct TextQuote: Sendable, Hashable {
    public var exact: String
    public var prefix: String?
    public var suffix: String?

    public init(exact: String, prefix: String? = nil, suffix: String? = nil) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }
}
