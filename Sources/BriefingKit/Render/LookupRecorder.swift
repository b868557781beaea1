import Mustache

/// A page's context as swift-mustache sees it while a part of the template is rendered for a page
/// made for some names alone (`ContextNames`): it answers every look-up as the context does, and
/// notes the names asked of it that the page was not made for, whose values may then be the
/// empty ones of a part not made. swift-mustache asks the page's context only for what no
/// section's value in between has (a name inside `{{#notes}}` is the note's first), so the names
/// noted are exactly those the part read that may differ from the whole page's.
///
/// Used by one thread, for one rendering (`PageRenderer.render(chunks:of:page:)`).
final class LookupRecorder: MustacheParent {
    private let context: any MustacheParent
    private let made: ContextNames
    /// The names looked up that the page was not made for.
    private(set) var missed: Set<String> = []

    init(_ context: any MustacheParent, made: ContextNames) {
        self.context = context
        self.made = made
    }

    func child(named name: String) -> Any? {
        if !made.needs(name) { missed.insert(name) }
        return context.child(named: name)
    }
}
