import Mustache

/// Which sections of a page template render what they hold at most once on every page: those
/// whose name finds a single value (text, a number, a flag, a record) in some kind of page
/// context and nothing else in any, never a list or a lambda. `TemplateChunks.apart` cuts such a
/// section inside, as it cuts an inverted one, each part in the section's tags: a section over a
/// list would render the parts item by item, in another order than whole.
///
/// Told from every kind of page context made whole (`ShapeDecoder`: each optional set, each list
/// one item long), each name looked up as swift-mustache looks it up at the top of a page's
/// template, where the page's context is all its stack holds: each key by the context's own
/// look-up (`MustacheParent`), the value found cast as the library casts it before it renders a
/// section. A name with a transform, one that starts at the context itself (`.`), one that no
/// context knows and one that passes through a value without such a look-up are not told.
enum SectionValues {
    static func rendersAtMostOnce(_ name: String) -> Bool {
        let keys = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.contains("("), keys.allSatisfy({ !$0.isEmpty }) else { return false }
        var found = false
        for sample in samples {
            switch value(at: keys, in: sample) {
            case .absent: continue
            case .single: found = true
            case .other: return false
            }
        }
        return found
    }

    enum Found: Equatable { case absent, single, other }

    /// What the keys find in a context, as the library would find it.
    static func value(at keys: [String], in context: Any) -> Found {
        var value = context
        for key in keys {
            guard !(value is MustacheCustomRepresentation), let parent = value as? any MustacheParent else { return .other }
            guard let child = parent.child(named: key) else { return .absent }
            value = child
        }
        if value is any MustacheSequence || value is MustacheLambda || value is MustacheCustomRepresentation { return .other }
        return .single
    }

    /// Every kind of page context, made whole.
    private static let samples: [any PageContext] = PageContexts.all.compactMap { try? ShapeDecoder.full($0) }
}
