import Mustache

/// A page's context as swift-mustache sees it while a part of the template is rendered for a page
/// made for some names alone (`ContextNames`): it answers every look-up as the context does, and
/// notes the names asked of it whose parts the page left out (`Page.omitted`), which may then be
/// empty. swift-mustache asks the page's context only for what no section's value in between has
/// (a name inside `{{#notes}}` is the note's first), so the names noted are exactly those the part
/// read that may differ from the whole page's.
///
/// Used by one thread, for one rendering (`PageRenderer.render(chunks:of:page:)`).
final class LookupRecorder: MustacheParent {
    private let context: any MustacheParent
    private let omitted: Set<String>
    /// The names looked up whose parts the page left out.
    private(set) var missed: Set<String> = []

    init(_ context: any MustacheParent, omitted: Set<String>) {
        self.context = context
        self.omitted = omitted
    }

    func child(named name: String) -> Any? {
        if omitted.contains(name) { missed.insert(name) }
        return context.child(named: name)
    }
}
