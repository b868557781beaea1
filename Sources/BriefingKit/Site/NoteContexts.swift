/// Contexts for the editor's notes and overview. Field names are the Mustache keys; README lists them.

/// One note as a page shows it.
public struct NoteContext: Sendable, Codable {
    /// The note's element id on the page: `note-<id>`.
    public var anchor: String
    /// Its number on the site (the order of the notes files), shown on the mark and the note.
    public var number: Int
    /// `contradiction`, `unverified`, `context`, `follow-up`, or `note` when untagged.
    public var tag: String
    public var tagLabel: String
    public var author: String?
    public var body: MarkdownFragment
    /// What the note is about, and the passages it cites.
    public var targets: [NoteTargetContext]
    public var evidence: [NoteTargetContext]
    /// Passages that could not be placed, shown with the note so nothing is silently lost.
    public var unplaced: [String]
    /// The note on the notes page.
    public var permalink: String
}

/// A note's target or cited passage, linked.
public struct NoteTargetContext: Sendable, Codable {
    /// `passage`, `article`, `actor`, `date` or `missing`.
    public var kind: String
    public var label: String
    public var url: String?
    /// The passage's words, for passages.
    public var quote: String?
    /// The article's date, for passages and articles.
    public var date: String?
}

/// `notes.html`.
public struct NotesContext: PageContext {
    public var site: SiteContext
    public var groups: [NoteGroup]
    public var noteCount: Int
    /// "3 notes: 1 contradiction, 2 follow-up".
    public var counts: String
}

public struct NoteGroup: Sendable, Codable {
    public var tag: String
    public var title: String
    public var notes: [NoteEntry]
}

/// A note on the notes page: a contradiction shows its statements side by side.
public struct NoteEntry: Sendable, Codable {
    public var note: NoteContext
    public var statements: [NoteTargetContext]
}

/// The overview on the front page (its first part when it is long) and on `overview.html`.
public struct OverviewContext: Sendable, Codable {
    public var title: String
    public var blocks: [BlockContext]
    /// The full overview's page, when the front page shows only its first part.
    public var more: String?
}

/// `overview.html`.
public struct OverviewPageContext: PageContext {
    public var site: SiteContext
    public var overview: OverviewContext
}
