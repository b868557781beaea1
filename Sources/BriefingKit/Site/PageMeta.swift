import Foundation

/// What a page says about itself to browsers, search engines and link previews: Open Graph type,
/// canonical address and JSON-LD. Absolute addresses only when `base_url` is set.
public struct PageMeta: Sendable, Encodable {
    /// Open Graph type: `website`, `article` or `profile`.
    public var openGraphType: String
    /// Absolute address of the page, when `base_url` is set.
    public var canonical: String?
    /// A JSON-LD object, already encoded. Slashes are escaped, so it cannot close its script tag.
    public var jsonLD: String

    public init(openGraphType: String = "website", canonical: String? = nil, jsonLD: String = "{}") {
        self.openGraphType = openGraphType
        self.canonical = canonical
        self.jsonLD = jsonLD
    }
}

/// schema.org objects for the JSON-LD of pages.
enum StructuredData {
    struct Thing: Encodable {
        var context = "https://schema.org"
        var type: String
        var name: String?
        var headline: String?
        var description: String?
        var url: String?
        var datePublished: String?
        var author: [Named]?
        var publisher: Named?
        var sameAs: String?
        var about: [Named]?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, headline, description, url, datePublished, author, publisher, sameAs, about
        }
    }

    struct Named: Encodable {
        var type: String
        var name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    /// The JSON-LD text of `thing`, byte for byte as `JSONEncoder` writes it with sorted keys
    /// (`StructuredDataTests` compares them), but written directly: it was a tenth of a
    /// millisecond per page with the encoder. Slashes stay escaped ("<\/script>" cannot end the
    /// script element), and "<" too, to be sure.
    static func encode(_ thing: Thing) -> String {
        var json = JSONText.Bytes()
        var first = true
        func key(_ name: StaticString) {
            json.raw(first ? "{" : ",")
            first = false
            json.raw(name)
        }
        func named(_ value: Named, _ json: inout JSONText.Bytes) {
            json.raw("{\"@type\":"); json.string(value.type); json.raw(",\"name\":"); json.string(value.name); json.raw("}")
        }
        // The keys in sorted order; nil members are left out, as `encodeIfPresent` does.
        key("\"@context\":"); json.string(thing.context)
        key("\"@type\":"); json.string(thing.type)
        if let about = thing.about { key("\"about\":"); json.array(about, named) }
        if let author = thing.author { key("\"author\":"); json.array(author, named) }
        if let value = thing.datePublished { key("\"datePublished\":"); json.string(value) }
        if let value = thing.description { key("\"description\":"); json.string(value) }
        if let value = thing.headline { key("\"headline\":"); json.string(value) }
        if let value = thing.name { key("\"name\":"); json.string(value) }
        if let publisher = thing.publisher { key("\"publisher\":"); named(publisher, &json) }
        if let value = thing.sameAs { key("\"sameAs\":"); json.string(value) }
        if let value = thing.url { key("\"url\":"); json.string(value) }
        json.raw("}")
        // "/" and "<" are only ever inside strings here (no key has one).
        var out: [UInt8] = []
        out.reserveCapacity(json.bytes.count + 32)
        for byte in json.bytes {
            switch byte {
            case UInt8(ascii: "/"): out += [0x5C, 0x2F]
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func absolute(_ path: String, settings: SiteSettings) -> String? {
        settings.baseURL.map { $0 + path }
    }

    static func website(_ settings: SiteSettings, path: String) -> PageMeta {
        PageMeta(openGraphType: "website", canonical: absolute(path, settings: settings),
                 jsonLD: encode(Thing(type: "WebSite", name: settings.title, description: settings.description,
                                      url: absolute(path, settings: settings))))
    }

    static func article(_ article: Article, path: String, settings: SiteSettings, about: [Actor]) -> PageMeta {
        let thing = Thing(type: "NewsArticle", headline: String(article.title.prefix(110)), description: article.teaser,
                          url: article.url ?? absolute(path, settings: settings), datePublished: article.published.iso,
                          author: article.author.map { [Named(type: "Person", name: $0)] },
                          publisher: article.outlet.map { Named(type: "Organization", name: $0.name) },
                          about: about.isEmpty ? nil : about.prefix(10).map { Named(type: schemaType($0.kind), name: $0.name) })
        return PageMeta(openGraphType: "article", canonical: absolute(path, settings: settings), jsonLD: encode(thing))
    }

    static func actor(_ actor: Actor, path: String, settings: SiteSettings) -> PageMeta {
        let thing = Thing(type: schemaType(actor.kind), name: actor.name, description: actor.description,
                          url: absolute(path, settings: settings), sameAs: actor.link)
        return PageMeta(openGraphType: actor.kind == .person ? "profile" : "website",
                        canonical: absolute(path, settings: settings), jsonLD: encode(thing))
    }

    static func schemaType(_ kind: ActorKind) -> String {
        switch kind {
        case .person: return "Person"
        case .organization: return "Organization"
        case .outlet: return "NewsMediaOrganization"
        case .place: return "Place"
        }
    }
}
