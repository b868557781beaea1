import Foundation

/// `Public/annotations.jsonld`: every note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
/// in one `AnnotationCollection`. A passage is a `SpecificResource` on the article's page with a
/// `TextQuoteSelector`; the body is the note's Markdown (`TextualBody`, `text/markdown`), its tag a
/// `tagging` body, and each cited passage a `linking` body.
///
/// Addresses are absolute with `base_url`. Without it they are relative to the file, which JSON-LD
/// resolves against the file's own address, and note ids are stable `urn:uuid:` values.
enum AnnotationExport {
    static let context = "http://www.w3.org/ns/anno.jsonld"

    struct Collection: Encodable {
        var context = AnnotationExport.context
        var id: String
        var type = "AnnotationCollection"
        var label: String
        var total: Int
        var first: AnnotationPage

        enum CodingKeys: String, CodingKey { case context = "@context", id, type, label, total, first }
    }

    struct AnnotationPage: Encodable {
        var id: String
        var type = "AnnotationPage"
        var startIndex = 0
        var items: [Annotation]
    }

    struct Annotation: Encodable {
        var id: String
        var type = "Annotation"
        var motivation: String
        var creator: Creator?
        var body: [Body]
        var target: [Resource]
    }

    struct Creator: Encodable {
        var type = "Person"
        var name: String
    }

    /// A `TextualBody`, or a `SpecificResource` cited with `purpose: linking`.
    struct Body: Encodable {
        var type: String
        var purpose: String
        var value: String?
        var format: String?
        var language: String?
        var source: String?
        var selector: Selector?
    }

    struct Resource: Encodable {
        var type = "SpecificResource"
        var source: String
        var selector: Selector?
    }

    struct Selector: Encodable {
        var type = "TextQuoteSelector"
        var exact: String
        var prefix: String?
        var suffix: String?
    }

    /// What a tag asks of the reader, in the model's motivations.
    static func motivation(_ tag: NoteTag?) -> String {
        switch tag {
        case .contradiction?, .unverified?: "assessing"
        case .followUp?: "linking"
        case .context?, nil: "commenting"
        }
    }

    static func data(_ index: GraphIndex) -> [UInt8] {
        let settings = index.graph.settings
        func address(_ path: String, fragment: String? = nil) -> String {
            (settings.baseURL ?? "") + path + (fragment.map { "#" + $0 } ?? "")
        }
        func resource(_ anchor: Anchor) -> Resource? {
            switch anchor {
            case .passage(let passage):
                return Resource(source: address(index.articlePath(passage.articleID)), selector: selector(passage.quote))
            case .article(let id, let quote):
                return Resource(source: address(index.articlePath(id)), selector: quote.map(selector))
            case .actor(let id): return Resource(source: address(index.actorPath(id)))
            case .date(let value): return Resource(source: address(index.datePath(value)))
            case .missing: return nil
            }
        }
        let items = index.graph.notes.map { anchored -> Annotation in
            let note = anchored.note
            var body = [Body(type: "TextualBody", purpose: "commenting",
                             value: NotePages.markdown(anchored.body, from: SitePath.index, index: index),
                             format: "text/markdown", language: settings.language)]
            if let tag = note.tag { body.append(Body(type: "TextualBody", purpose: "tagging", value: tag.rawValue)) }
            for cited in anchored.evidence.compactMap(resource) {
                body.append(Body(type: "SpecificResource", purpose: "linking", source: cited.source, selector: cited.selector))
            }
            var targets = anchored.targets.compactMap(resource)
            // A note whose targets are all missing is still about something: its entry on the notes page.
            if targets.isEmpty { targets = [Resource(source: address(SitePath.notes, fragment: NotePages.anchor(note)))] }
            let id = settings.baseURL != nil ? address(SitePath.notes, fragment: NotePages.anchor(note))
                : AtomFeed.uuid(settings.title + "\u{0}note\u{0}" + note.id)
            return Annotation(id: id, motivation: motivation(note.tag), creator: note.author.map { Creator(name: $0) },
                              body: body, target: targets)
        }
        let collection = Collection(id: address(SitePath.annotations), label: "Notes on \(settings.title)", total: items.count,
                                    first: AnnotationPage(id: address(SitePath.annotations, fragment: "page1"), items: items))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(collection)) ?? Data("{}".utf8)) + [0x0A]
    }

    static func selector(_ quote: TextQuote) -> Selector {
        Selector(exact: TextQuoteMatch.normalize(quote.exact), prefix: quote.prefix.map(TextQuoteMatch.normalize),
                 suffix: quote.suffix.map(TextQuoteMatch.normalize))
    }
}
