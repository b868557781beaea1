/// One news article, as loaded and repaired. Every later stage reads articles only through this type.
///
/// A value whose fields live in one shared box, copied when a copy is changed (copy on write):
/// the stages hand articles around by the ten thousand (the memo, the loader, the linker, the
/// index's look-ups, each page), and a copy of ten fields was ten reference counts to change on
/// every core, where a copy of the box is one.
public struct Article: Sendable, Hashable, CustomReflectable {
    /// The file name without its extension, e.g. `000_a07414719247a0af`.
    public var id: String {
        get { box.fields.id }
        set { unique().fields.id = newValue }
    }
    /// Path of the source file relative to the content directory, e.g. `articles/000_a0….txt`.
    public var sourceFile: String {
        get { box.fields.sourceFile }
        set { unique().fields.sourceFile = newValue }
    }
    public var format: ArticleFormat {
        get { box.fields.format }
        set { unique().fields.format = newValue }
    }
    public var title: String {
        get { box.fields.title }
        set { unique().fields.title = newValue }
    }
    public var published: CalendarDay {
        get { box.fields.published }
        set { unique().fields.published = newValue }
    }
    /// The original article's address; only `http` and `https` are kept.
    public var url: String? {
        get { box.fields.url }
        set { unique().fields.url = newValue }
    }
    public var author: String? {
        get { box.fields.author }
        set { unique().fields.author = newValue }
    }
    public var outlet: Outlet? {
        get { box.fields.outlet }
        set { unique().fields.outlet = newValue }
    }
    /// Every block of text in reading order. Block `n` is anchored as `#p<n>` on the article page.
    public var blocks: [TextBlock] {
        get { box.fields.blocks }
        set { unique().fields.blocks = newValue }
    }
    /// The quotation given as structure (`Quote from NAME:` in the dateline format).
    public var quote: Quote? {
        get { box.fields.quote }
        set { unique().fields.quote = newValue }
    }

    private var box: Box

    public init(id: String, sourceFile: String, format: ArticleFormat, title: String, published: CalendarDay,
                url: String? = nil, author: String? = nil, outlet: Outlet? = nil,
                blocks: [TextBlock] = [], quote: Quote? = nil) {
        box = Box(Fields(id: id, sourceFile: sourceFile, format: format, title: title, published: published, url: url,
                         author: author, outlet: outlet, blocks: blocks, quote: quote))
    }

    /// The fields, a plain value: their equality, hashing and reflection are the ones Swift makes.
    private struct Fields: Hashable {
        var id: String
        var sourceFile: String
        var format: ArticleFormat
        var title: String
        var published: CalendarDay
        var url: String?
        var author: String?
        var outlet: Outlet?
        var blocks: [TextBlock]
        var quote: Quote?
    }

    /// The box. Changed only through `unique()`, when one value holds it: a box two values share
    /// is never changed, so values on different threads may share one.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The box, made this value's own before a field of it is changed.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// Equal when every field is: two values of one box at once.
    public static func == (lhs: Article, rhs: Article) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// Its fields, as a struct of them shows them (in a test's failure, `print`, a debugger), not the box.
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: box.fields).children, displayStyle: .struct)
    }

    public func blocks(_ role: TextBlock.Role) -> [TextBlock] {
        blocks.filter { $0.role == role }
    }

    /// The lead sentence, or the summary's first line: what an index shows under the title.
    public var teaser: String? {
        (blocks.first { $0.role == .lead } ?? blocks.first { $0.role == .body })?.text
    }
}

/// A paragraph-level piece of an article: a lead, a summary bullet, a body paragraph….
public struct TextBlock: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// The dateline's lead sentence, or the first line of a tagged SUMMARY.
        case lead
        case summary
        case highlight
        /// The text of the structural quote (see `Article.quote`).
        case quote
        case body
        /// The paragraphs after a dateline `Details:` label.
        case details
        /// The paragraphs after a dateline `Background:` label.
        case background
        /// The headline, as block 0. Never in `Article.blocks`: only mentions refer to it.
        case title
    }

    /// 1-based position among all the article's blocks, in reading order.
    public var number: Int
    public var role: Role
    /// Repaired text. Plain text, unless `isMarkdown` (articles written in Markdown).
    public var text: String
    public var isMarkdown: Bool
    /// Line in the source file where the block starts.
    public var line: Int

    public init(number: Int, role: Role, text: String, isMarkdown: Bool = false, line: Int) {
        self.number = number
        self.role = role
        self.text = text
        self.isMarkdown = isMarkdown
        self.line = line
    }

    public var anchor: String { TextBlock.anchor(number) }

    /// The anchor of block `n` on the article page: `p<n>`, and `title` for the headline (block 0).
    public static func anchor(_ number: Int) -> String { number == 0 ? "title" : "p\(number)" }
}

/// The outlet an article comes from, and how the article describes it.
public struct Outlet: Sendable, Hashable {
    public var name: String
    /// e.g. "a Kremlin-aligned Russian news outlet"
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }

    /// Splits "RIA Novosti, a Kremlin-aligned Russian news outlet" at the first comma.
    public init?(sourceLine: String) {
        let trimmed = sourceLine.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        if let comma = trimmed.firstIndex(of: ",") {
            name = String(trimmed[..<comma]).trimmingWhitespace
            let rest = String(trimmed[trimmed.index(after: comma)...]).trimmingWhitespace
            description = rest.isEmpty ? nil : rest
        } else {
            name = trimmed
            description = nil
        }
        if name.isEmpty { return nil }
    }
}

/// A direct quotation and its speaker as written in the text ("Peskov").
public struct Quote: Sendable, Hashable {
    public var text: String
    public var speaker: String?

    public init(text: String, speaker: String?) {
        self.text = text
        self.speaker = speaker
    }
}

public enum ArticleFormat: String, Sendable, Hashable, CaseIterable {
    /// ` date YYYY-MM-DD lead…` followed by labelled paragraphs (sample 000).
    case dateline
    /// `<TITLE>…</TITLE>` and the other tags (sample 003).
    case tagged
    /// Markdown with YAML front matter, for articles an editor writes by hand.
    case markdown
}
