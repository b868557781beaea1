import Foundation

/// `Public/feed.xml`: the newest articles as an Atom feed (RFC 4287), newest first: as many as
/// `feed_limit` says (50 unless set; `all` for every one). Older articles are on the site's
/// archive pages; a feed is what a reader polls for news, not an archive.
///
/// Ids and links are absolute when `base_url` is set. Without it, links are relative to the feed
/// and ids are stable `urn:uuid:` values derived from the article ids, so the file is the same on
/// every build.
enum AtomFeed {
    static func xml(_ index: GraphIndex) -> [UInt8] {
        let settings = index.graph.settings
        let articles = Array(index.graph.articles.reversed().prefix(settings.feedLimit ?? .max))
        func link(_ path: String) -> String { settings.baseURL.map { $0 + path } ?? path }
        func id(_ key: String) -> String { settings.baseURL.map { $0 + key } ?? uuid(settings.title + "\u{0}" + key) }
        let updated = articles.first.map { timestamp($0.published) } ?? "1970-01-01T00:00:00Z"
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(XML.escape(settings.language))">"#,
            "  <title>\(XML.escape(settings.title))</title>",
        ]
        if !settings.description.isEmpty { lines.append("  <subtitle>\(XML.escape(settings.description))</subtitle>") }
        lines += [
            "  <id>\(XML.escape(id(SitePath.index)))</id>",
            "  <updated>\(updated)</updated>",
            "  <author><name>\(XML.escape(settings.title))</name></author>",
            #"  <link rel="alternate" type="text/html" href="\#(XML.escape(link(SitePath.index)))"/>"#,
        ]
        if let base = settings.baseURL {
            lines.append(#"  <link rel="self" type="application/atom+xml" href="\#(XML.escape(base + SitePath.feed))"/>"#)
        }
        lines.append("  <generator>Briefing</generator>")
        for article in articles {
            let path = index.articlePath(article.id)
            lines.append("  <entry>")
            lines.append("    <title>\(XML.escape(article.shortTitle))</title>")
            lines.append("    <id>\(XML.escape(id(path)))</id>")
            lines.append(#"    <link rel="alternate" type="text/html" href="\#(XML.escape(link(path)))"/>"#)
            if let original = article.url {
                lines.append(#"    <link rel="related" type="text/html" href="\#(XML.escape(original))"/>"#)
            }
            lines.append("    <published>\(timestamp(article.published))</published>")
            lines.append("    <updated>\(timestamp(article.published))</updated>")
            if let author = article.author { lines.append("    <author><name>\(XML.escape(author))</name></author>") }
            if let outlet = article.outlet { lines.append(#"    <category term="\#(XML.escape(outlet.name))"/>"#) }
            if let teaser = article.teaser, teaser != article.title {
                lines.append("    <summary>\(XML.escape(teaser))</summary>")
            }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func timestamp(_ day: CalendarDay) -> String { day.iso + "T00:00:00Z" }

    /// A name-based UUID from two FNV-1a hashes: stable across builds and machines.
    static func uuid(_ name: String) -> String {
        let a = Slug.fnv1a(name), b = Slug.fnv1a(String(name.reversed()) + "#")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for word in [a, b] {
            for shift in stride(from: 60, through: 0, by: -4) { hex.append(digits[Int(word >> UInt64(shift) & 0xF)]) }
        }
        hex[12] = UInt8(ascii: "8")  // version nibble: 8, "custom" (RFC 9562)
        hex[16] = digits[8 + Int(b & 3)]  // variant: 8, 9, a or b
        var text = Array("urn:uuid:".utf8)
        for (k, digit) in hex.enumerated() {
            if k == 8 || k == 12 || k == 16 || k == 20 { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// `Public/sitemap.xml`, written only when `base_url` is set (a sitemap needs absolute addresses).
enum Sitemap {
    static func xml(paths: [String], baseURL: String) -> [UInt8] {
        var lines = [#"<?xml version="1.0" encoding="utf-8"?>"#, #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#]
        for path in paths.sorted() {
            lines.append("  <url><loc>\(XML.escape(baseURL + path))</loc></url>")
        }
        lines.append("</urlset>")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}

/// XML escaping for text and attribute values: the HTML escaping, without the characters XML 1.0
/// does not allow.
enum XML {
    static func escape(_ text: String) -> String {
        // Most text has neither control characters nor 0xEF (the lead byte of U+FFFE and U+FFFF):
        // it is only escaped, not filtered scalar by scalar.
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) {
            return HTML.escape(text)
        }
        let allowed = text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
        }
        return HTML.escape(String(String.UnicodeScalarView(allowed)))
    }
}
