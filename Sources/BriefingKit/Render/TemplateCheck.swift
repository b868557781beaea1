/// swift-mustache renders a missing key as nothing, silently. This check catches typos: every key a
/// template names must exist in some kind of page context or in the layout context (or be `.`).
/// The contexts are made whole by `ShapeDecoder`, so a key is known even when this briefing's
/// pages leave it empty (no quotes yet, no notes, no articles at all).
enum TemplateCheck {
    /// Every key a template can use.
    static let knownKeys: Set<String> = {
        var samples: [Any] = [LayoutContext.sample]
        for type in PageContexts.all {
            // A context type that cannot be made whole is a programming error the tests catch.
            if let full = try? ShapeDecoder.full(type) { samples.append(full) }
        }
        return vocabulary(of: samples)
    }()

    /// Every stored property name reachable from the given sample contexts.
    static func vocabulary(of samples: [Any]) -> Set<String> {
        var names: Set<String> = []
        var seenTypes: Set<ObjectIdentifier> = []
        func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { visit(wrapped) }
                return
            }
            if mirror.displayStyle == .collection {
                if let first = mirror.children.first?.value { visit(first) }
                return
            }
            guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return }
            seenTypes.insert(ObjectIdentifier(type(of: value)))
            for child in mirror.children {
                guard let label = child.label else { continue }
                names.insert(label)
                visit(child.value)
            }
        }
        samples.forEach(visit)
        return names
    }

    struct UnknownKey {
        var key: String
        var diagnostic: Diagnostic
    }

    static func unknownKeys(in templates: TemplateSet, vocabulary: Set<String>) -> [UnknownKey] {
        var diagnostics: [UnknownKey] = []
        for name in templates.names {
            for tag in MustacheTags.scan(templates.sources[name]!) where ["", "#", "^", "&", "{"].contains(tag.sigil) {
                for key in keys(in: tag.name) where !vocabulary.contains(key) {
                    diagnostics.append(UnknownKey(key: key, diagnostic: Diagnostic(
                        file: templates.fileName(of: name), line: tag.line,
                        "unknown key `\(key)` in `{{\(tag.sigil)\(tag.name)}}`: it renders as nothing")))
                }
            }
        }
        return diagnostics
    }

    /// `site.title` → [site, title]; `first(items)` → [items]; `.` → [].
    static func keys(in tagName: String) -> [String] {
        var name = Substring(tagName)
        while let open = name.firstIndex(of: "("), name.last == ")" {
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        return name.split(separator: ".").map(String.init).filter { !$0.isEmpty }
    }
}
