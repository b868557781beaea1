/// Names a part of a template looks up in a page's context: the first name of each of its tags
/// (`site` of `{{site.title}}`, `notes` of `{{^empty(notes)}}`) outside any section, and of the
/// partials it includes there, all the way down (`TemplateChunks.lookedUp`). A part that looks
/// up none of a context's other keys renders the same without them. Inside a section,
/// swift-mustache looks a name up in the section's value first: a page made for these names is
/// rendered through a `LookupRecorder`, which finds the names that reach the page's context
/// there, and the page is made again for those too.
///
/// A page made for a part of its template alone (after an edit to that part, `PageSplice`:
/// `Plan.page(at:needing:)`) needs only its context under these names; a page maker may leave
/// the rest empty (`ArticlePages`), and says with `Page.undecoratedBlocks` which blocks' links on
/// mentions and marks of noted passages it left out.
public struct ContextNames: Sendable, Equatable {
    /// Nil for every name: the part's tags were not read, or a page is made whole.
    private let names: Set<String>?

    /// Every name: the whole context.
    public static let all = ContextNames(names: nil)

    public init(_ names: Set<String>) { self.names = names }

    private init(names: Set<String>?) { self.names = names }

    public var isAll: Bool { names == nil }

    /// Whether a part with these names may look `name` up.
    public func needs(_ name: String) -> Bool { names?.contains(name) ?? true }

    /// The names of two parts rendered together.
    public func union(_ other: ContextNames) -> ContextNames {
        guard let names, let more = other.names else { return .all }
        return ContextNames(names.union(more))
    }

    /// The name a tag looks up in a context, from the tag's text without its sigil, as
    /// swift-mustache reads it: inside any transforms (`empty(notes)`), before any dot (`site` of
    /// `site.title`, `title` of `.title`, which looks in the innermost context alone); nil for
    /// none (`.`, the innermost context; `first()`, the sequence's place).
    static func lookedUp(_ tag: String) -> String? {
        let name = argument(of: tag).drop { $0 == "." }.prefix { $0 != "." }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether a tag's text names the innermost context itself (`.`, `uppercased(.)`): outside
    /// any section, the page's context, which a page made for some names is not.
    static func isContextItself(_ tag: String) -> Bool { argument(of: tag) == "." }

    /// A tag's text inside any transforms, without spaces.
    private static func argument(of tag: String) -> Substring {
        var name = Substring(tag)
        if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...] }
        return name.drop { $0.isWhitespace }.prefix { $0 != ")" && !$0.isWhitespace }
    }
}
