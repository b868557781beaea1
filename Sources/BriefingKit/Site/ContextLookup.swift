import Mustache

// Direct key lookup for the contexts rendered most often (snippets, links, blocks), so that
// swift-mustache does not build a Mirror for every `{{key}}`. The keys are the stored
// properties, as with reflection; a test renders through both and compares.

extension SnippetContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "before": return self.before
        case "match": return self.match
        case "after": return self.after
        case "url": return self.url
        case "paragraph": return self.paragraph
        default: return nil
        }
    }
}

extension DatedLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "url": return self.url
        case "date": return self.date
        case "dateISO": return self.dateISO
        default: return nil
        }
    }
}

extension ActorLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return self.url
        case "kind": return self.kind
        case "mentions": return self.mentions
        default: return nil
        }
    }
}

extension LinkContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "url": return self.url
        default: return nil
        }
    }
}

extension BlockContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return self.anchor
        case "text": return self.text
        case "actors": return self.actors
        case "notes": return self.notes
        default: return nil
        }
    }
}

extension DateSnippet: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "snippet": return self.snippet
        case "article": return self.article
        case "actors": return self.actors
        case "plan": return self.plan
        case "value": return self.value
        default: return nil
        }
    }
}

extension ArticleMentions: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "article": return self.article
        case "snippets": return self.snippets
        default: return nil
        }
    }
}

extension ActorDate: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": return self.label
        case "url": return self.url
        case "snippet": return self.snippet
        case "article": return self.article
        case "plan": return self.plan
        default: return nil
        }
    }
}
