import Foundation

/// The layout made once for all the pages of a folder: its output cut into runs of text and the
/// places where the page's own fields go, each with whether it is escaped. A page's HTML is then
/// the runs with its fields put in, the same bytes swift-mustache gives for the layout (a test
/// compares the two for every page of the sample site and several layouts), without the look-ups
/// and escaping character by character it makes for each of a page's thirty tags.
///
/// A layout is made so only when every tag is a plain name (no partials, transforms, dotted
/// names, `{{.}}`, pragmas or other delimiters) and each of the page's fields is inserted one way
/// only, escaped or not; the folder's values (links back to the root) and the settings are in the
/// runs, and a section on `canonical` makes one stencil for pages with it and one for pages without.
struct LayoutStencil: Sendable {
    /// What a page puts into the layout: `LayoutContext`'s fields that are not the same for every
    /// page of a folder.
    enum Field: Int, CaseIterable, Sendable {
        case title, documentTitle, description, openGraphType, canonical, jsonLD, kind, content

        var name: String { "\(self)" }
        /// What the stencil is rendered with in its place: private-use characters around a letter.
        var marker: String { "\u{E007}" + String(UnicodeScalar(UInt8(65 + rawValue))) + "\u{E007}" }
    }

    enum Piece: Sendable {
        case text([UInt8])
        case field(Field)
    }

    let pieces: [Piece]
    /// For each field, whether it is inserted escaped (`{{title}}`), by `Field.rawValue`.
    let escaped: [Bool]
    /// Where the content goes among the pieces, when it goes in once (`frame`).
    private let contentPlace: Int?

    /// How the layout inserts each field, escaped or not; nil when it cannot be made a stencil.
    static func forms(of layout: String) -> [Bool]? {
        guard !layout.contains("{{=") else { return nil }
        var forms: [Bool?] = Array(repeating: nil, count: Field.allCases.count)
        for tag in MustacheTags.scan(layout) {
            if tag.sigil == "!" { continue }
            guard ["", "{", "&", "#", "^", "/"].contains(tag.sigil), !tag.name.isEmpty,
                  tag.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            guard let field = Field.allCases.first(where: { $0.name == tag.name }) else { continue }
            // A section on a field: the same whatever the text, but for `canonical`, which may be missing.
            if tag.sigil == "#" || tag.sigil == "^" || tag.sigil == "/" { continue }
            let isEscaped = tag.sigil == ""
            if let known = forms[field.rawValue], known != isEscaped { return nil }
            forms[field.rawValue] = isEscaped
        }
        return forms.map { $0 ?? true }
    }

    /// The layout as `render` gives it for a page at `path` whose fields are markers, cut at them;
    /// nil when a setting holds the markers' character, or it is found where no field was put.
    init?(rendering render: (LayoutContext) -> String, path: String, hasCanonical: Bool, settings: SiteSettings, escaped: [Bool]) {
        let markers = LayoutContext.PageFields(template: Field.kind.marker, title: Field.title.marker, description: Field.description.marker,
                                               openGraphType: Field.openGraphType.marker,
                                               canonical: hasCanonical ? Field.canonical.marker : nil, jsonLD: Field.jsonLD.marker)
        var context = LayoutContext(path: path, page: markers, settings: settings, content: Field.content.marker)
        context.documentTitle = Field.documentTitle.marker
        // A value of the folder or the settings holding the marker's character would be taken for a field.
        let folderValues = [context.language, context.siteTitle, context.root, context.home, context.actors, context.timeline,
                            context.sources, context.printable, context.notes, context.feed, context.searchIndex, context.previews,
                            context.script]
        guard !folderValues.contains(where: { $0.unicodeScalars.contains("\u{E007}") }) else { return nil }
        let bytes = Array(render(context).utf8)
        let lead: [UInt8] = [0xEE, 0x80, 0x87]  // U+E007
        var pieces: [Piece] = []
        var run = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == lead[0], i + 2 < bytes.count, bytes[i + 1] == lead[1], bytes[i + 2] == lead[2] else { i += 1; continue }
            // A marker: U+E007, a capital, U+E007.
            guard i + 7 <= bytes.count, bytes[i + 4] == lead[0], bytes[i + 5] == lead[1], bytes[i + 6] == lead[2],
                  bytes[i + 3] >= 65, let field = Field(rawValue: Int(bytes[i + 3]) - 65) else { return nil }
            if run < i { pieces.append(.text(Array(bytes[run..<i]))) }
            pieces.append(.field(field))
            i += 7
            run = i
        }
        if run < bytes.count { pieces.append(.text(Array(bytes[run...]))) }
        self.pieces = pieces
        self.escaped = escaped
        let places = pieces.indices.filter { if case .field(.content) = pieces[$0] { true } else { false } }
        contentPlace = places.count == 1 ? places[0] : nil
    }

    /// The page's HTML: the runs, and the fields as the layout inserts them.
    func render(_ page: LayoutContext.PageFields, documentTitle: String, content: some Collection<UInt8>, into out: inout [UInt8]) {
        render(pieces[...], page, documentTitle: documentTitle, content: content, into: &out)
    }

    private func render(_ pieces: ArraySlice<Piece>, _ page: LayoutContext.PageFields, documentTitle: String, content: some Collection<UInt8>,
                        into out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let bytes): out += bytes
            case .field(.content):
                if escaped[Field.content.rawValue] {
                    MustacheEscaping.html(String(decoding: content, as: UTF8.self), into: &out)
                } else {
                    out += content
                }
            case .field(let field):
                let value: String
                switch field {
                case .title: value = page.title
                case .documentTitle: value = documentTitle
                case .description: value = page.description
                case .openGraphType: value = page.openGraphType
                case .canonical: value = page.canonical ?? ""
                case .jsonLD: value = page.jsonLD
                case .kind: value = page.template
                case .content: value = ""
                }
                if escaped[field.rawValue] { MustacheEscaping.html(value, into: &out) } else { out += value.utf8 }
            }
        }
    }

    /// The page's HTML before its content and after it, when the content goes in once.
    func frame(_ page: LayoutContext.PageFields, documentTitle: String) -> (before: [UInt8], after: [UInt8])? {
        guard let place = contentPlace else { return nil }
        var before: [UInt8] = [], after: [UInt8] = []
        render(pieces[..<place], page, documentTitle: documentTitle, content: [], into: &before)
        render(pieces[(place + 1)...], page, documentTitle: documentTitle, content: [], into: &after)
        return (before, after)
    }
}

/// swift-mustache's HTML escaping (`&`, `<`, `>`, `"`, `'`, each a character of its own), on
/// bytes: ASCII text byte by byte, other text character by character as the library does (a `<`
/// with a combining mark after it is another character, and is not escaped).
enum MustacheEscaping {
    static func html(_ text: String, into out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { HTML.append(byte, escapedTo: &out) }
            return
        }
        // A character of one byte is ASCII: escaped as the library escapes it; any other is not.
        for character in text {
            if character.utf8.count == 1 { HTML.append(character.utf8.first!, escapedTo: &out) } else { out += character.utf8 }
        }
    }
}
