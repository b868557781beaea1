/// The editor's notes on the pages: in the article (a mark on the passage and a margin note), on
/// actor and date pages, and all of them on `notes.html`, by tag.
enum NotePages {
    static let template = "notes"

    static func anchor(_ note: Note) -> String { "note-" + note.id }

    /// A note as the page at `path` shows it.
    static func context(_ anchored: AnchoredNote, from path: String, index: GraphIndex) -> NoteContext {
        let note = anchored.note
        let unplaced = (anchored.targets + anchored.evidence).compactMap { anchor -> String? in
            switch anchor {
            case .article(let id, let quote?): "The passage “\(quote.exact)” was not found in \(index.articlesByID[id]?.shortTitle ?? id); the note is about the whole article."
            case .missing(let what): "Not found in the briefing: \(what)."
            default: nil
            }
        }
        return NoteContext(
            anchor: anchor(note), number: index.noteNumbers[note.id] ?? 0, tag: note.tag?.rawValue ?? "note",
            tagLabel: note.tag?.label ?? "Note", author: note.author,
            body: MarkdownFragment(markdown: markdown(anchored.body, from: path, index: index)),
            targets: anchored.targets.map { target($0, from: path, index: index) },
            evidence: anchored.evidence.map { target($0, from: path, index: index) },
            unplaced: unplaced, permalink: SitePath.relative(from: path, to: SitePath.notes, fragment: anchor(note)))
    }

    static func target(_ anchor: Anchor, from path: String, index: GraphIndex) -> NoteTargetContext {
        switch anchor {
        case .passage(let passage):
            let article = index.articlesByID[passage.articleID]
            return NoteTargetContext(kind: "passage", label: article?.shortTitle ?? passage.articleID,
                                     url: SitePath.relative(from: path, to: index.articlePath(passage.articleID), fragment: TextBlock.anchor(passage.block)),
                                     quote: passage.text, date: article?.published.longForm)
        case .article(let id, _):
            let article = index.articlesByID[id]
            return NoteTargetContext(kind: "article", label: article?.shortTitle ?? id,
                                     url: article.map { SitePath.relative(from: path, to: index.articlePath($0.id)) }, quote: nil,
                                     date: article?.published.longForm)
        case .actor(let id):
            return NoteTargetContext(kind: "actor", label: index.actorsByID[id]?.name ?? id,
                                     url: SitePath.relative(from: path, to: index.actorPath(id)), quote: nil, date: nil)
        case .date(let value):
            return NoteTargetContext(kind: "date", label: TimexValue.label(value),
                                     url: SitePath.relative(from: path, to: index.datePath(value)), quote: nil, date: nil)
        case .missing(let what):
            return NoteTargetContext(kind: "missing", label: what, url: nil, quote: nil, date: nil)
        }
    }

    /// The editor's Markdown with `[[…]]` links made into links relative to `path`.
    static func markdown(_ pieces: [WikiText.Piece], from path: String, index: GraphIndex) -> String {
        pieces.map { piece -> String in
            switch piece {
            case .markdown(let text): return text
            case .unresolved(let text): return MarkdownEscaping.escape(text)
            case .link(let label, let target):
                let url: String
                switch target {
                case .article(let id, let block):
                    url = SitePath.relative(from: path, to: index.articlePath(id), fragment: block.map(TextBlock.anchor))
                case .actor(let id):
                    guard index.hasPage.contains(id) else { return MarkdownEscaping.escape(label) }
                    url = SitePath.relative(from: path, to: index.actorPath(id))
                case .date(let value):
                    guard index.datesByValue.contains(value) || index.dateChildren[value] != nil else { return MarkdownEscaping.escape(label) }
                    url = SitePath.relative(from: path, to: index.datePath(value))
                }
                return "[" + MarkdownEscaping.escape(label) + "](" + url + ")"
            }
        }.joined()
    }

    /// The marks of the passages notes are about, by block anchor (`p3`), for one article.
    static func highlights(_ notes: [AnchoredNote], articleID: String, index: GraphIndex) -> [String: [Highlight]] {
        var marks: [String: [Highlight]] = [:]
        for note in notes {
            for case .passage(let passage) in note.targets where passage.articleID == articleID {
                marks[TextBlock.anchor(passage.block), default: []].append(Highlight(
                    text: passage.text, occurrence: passage.occurrence, note: anchor(note.note),
                    number: index.noteNumbers[note.note.id] ?? 0, tag: note.note.tag?.rawValue ?? "note"))
            }
        }
        return marks
    }

    static func page(_ index: GraphIndex) -> Page {
        let path = SitePath.notes
        let notes = index.graph.notes
        var groups: [NoteGroup] = []
        for tag in NoteTag.allCases.map(Optional.some) + [nil] {
            let members = notes.filter { $0.note.tag == tag }
            guard !members.isEmpty else { continue }
            groups.append(NoteGroup(tag: tag?.rawValue ?? "note", title: tag.map { plural($0) } ?? "Other notes",
                                    notes: members.map { note in
                                        let shown = context(note, from: path, index: index)
                                        let statements = tag == .contradiction
                                            ? (shown.targets + shown.evidence).filter { $0.kind == "passage" } : []
                                        return NoteEntry(note: shown, statements: statements)
                                    }))
        }
        let counts = groups.map { group -> String in
            let n = group.notes.count
            switch NoteTag(rawValue: group.tag) {
            case .unverified?: return "\(n) unverified"
            case .context?: return Count.phrase(n, "context note")
            case let tag?: return Count.phrase(n, tag.rawValue)
            case nil: return Count.phrase(n, "other note")
            }
        }.joined(separator: ", ")
        let notesContext = NotesContext(site: SitePlanner.site(index.graph, on: path), groups: groups, noteCount: notes.count,
                                   counts: notes.isEmpty ? "No notes yet." : "\(Count.phrase(notes.count, "note")): \(counts).")
        return Page(path: path, template: template, title: "Notes",
                    description: "The editor's notes on \(index.graph.settings.title): contradictions, unverified claims, context and follow-ups.",
                    context: notesContext, meta: StructuredData.website(index.graph.settings, path: path))
    }

    static func plural(_ tag: NoteTag) -> String {
        switch tag {
        case .contradiction: "Contradictions"
        case .unverified: "Unverified claims"
        case .context: "Context"
        case .followUp: "Follow-ups"
        }
    }
}
