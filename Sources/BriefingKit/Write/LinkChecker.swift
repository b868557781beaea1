import Foundation

/// Walks the generated pages and checks every internal `href` and `src`: the file must exist, and a
/// `#fragment` must name an `id` on the target page. A broken link fails the build.
public enum LinkChecker {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): broken link `\(link)`: \(reason)" }
    }

    /// Checks every `.html` file below `directory`; paths in problems are relative to it.
    public static func check(directory: URL) -> [Problem] {
        let files = FileTree.files(under: directory)
        let existing = Set(files)
        var pages: [String: String] = [:]
        for file in files where file.hasSuffix(".html") {
            if let data = try? Data(contentsOf: directory.appendingPathComponent(file)) {
                pages[file] = String(decoding: data, as: UTF8.self)
            }
        }
        return check(pages: pages, files: existing)
    }

    /// Checks in memory: `pages` maps a site path to its HTML; `files` is every file of the site.
    public static func check(pages: [String: String], files: Set<String>) -> [Problem] {
        let paths = pages.keys.sorted()
        let scanned = Parallel.map(paths) { scan(pages[$0]!, on: $0, files: files) }
        return verify(Dictionary(uniqueKeysWithValues: zip(paths, scanned)), files: files)
    }

    /// What the check needs to know of one page: the ids it defines, the files it links to, and
    /// the links that need more than their file (a `#fragment`, or a link broken as written). A
    /// build keeps this for each page it writes, and the build cache keeps it for each page an
    /// incremental build does not write again; at 10,000 articles that is a million links to
    /// ids, so it is kept small: paths are the site's own strings, shared, and a link to an id is
    /// its target's position in `targets` and the id (24 bytes), without its text when messages
    /// can write it again from the path.
    public struct PageLinks: Sendable, Equatable {
        /// Sorted and distinct.
        public var ids: [String]
        /// Distinct site paths of the files the page links to, in the order they first appear.
        public var targets: [String]
        /// Links to an id on another page (or this one), written as `SitePath.relative` writes them.
        public var fragments: [Fragment]
        /// Links already broken, and links to an id written otherwise (messages quote them as written).
        public var links: [Link]

        public init(ids: [String], targets: [String] = [], fragments: [Fragment] = [], links: [Link]) {
            self.ids = ids
            self.targets = targets
            self.fragments = fragments
            self.links = links
        }

        public struct Fragment: Sendable, Hashable {
            /// A position in `targets`.
            public var target: Int32
            public var id: String
        }

        public struct Link: Sendable, Hashable {
            /// As written in the page, for messages.
            public var text: String
            /// The site path it points to (the page itself for `#id`), or why it is broken.
            public var target: String
            public var fragment: String?
            public var problem: String?
        }
    }

    /// Reads the ids and the internal links of one page; other hosts and schemes are left out.
    /// - Parameter files: the site's files, when known: paths are then taken from it (one string
    ///   for every page that links to a file, not one per link).
    public static func scan(_ html: String, on page: String, files: Set<String>? = nil) -> PageLinks {
        var idSet = Set<String>()
        var texts: [String] = []
        HTMLScan.attributes(in: html, named: ["id", "href", "src"]) { name, value in
            if name == 0 { idSet.insert(value()) } else { texts.append(value()) }
        }
        let ids = idSet.sorted()
        var seen = Set<String>(minimumCapacity: texts.count)
        var targets: [String] = []
        // Grown from empty, the two dictionaries were rehashed a dozen times on a long page.
        var targetNumbers = [String: Int32](minimumCapacity: texts.count)
        var fragments: [PageLinks.Fragment] = []
        var links: [PageLinks.Link] = []
        // Most links of a page share a few files (`../articles/x.html#p3`, `#p7`…): each file part
        // is resolved, looked up, numbered and compared with the form `SitePath.relative` writes
        // once, not once per link.
        struct File {
            var link: PageLinks.Link?
            var number: Int32 = -1
            /// The file part is written as `SitePath.relative` writes the link to its target.
            var isCanonical = false
        }
        var resolved = [Substring: File](minimumCapacity: texts.count)
        for text in texts where seen.insert(text).inserted {
            let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) ?? text.endIndex
            let filePart = text[..<hash]
            let file: File
            if let cached = resolved[filePart] {
                file = cached
            } else {
                var made = File(link: resolveFile(String(filePart), on: page, files: files))
                if let target = made.link?.target, made.link?.problem == nil {
                    made.number = targetNumbers[target] ?? {
                        targets.append(target)
                        targetNumbers[target] = Int32(targets.count - 1)
                        return Int32(targets.count - 1)
                    }()
                    made.isCanonical = target.hasSuffix(".html") && SitePath.relative(from: page, to: target) == filePart
                }
                resolved[filePart] = made
                file = made
            }
            guard var link = file.link else { continue }
            if link.problem != nil { link.text = text; links.append(link); continue }
            guard hash < text.endIndex, link.target.hasSuffix(".html") else { continue }
            let raw = text[text.utf8.index(after: hash)...]
            guard !raw.isEmpty else { continue }
            let id = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding ?? String(raw) : String(raw)
            // As `SitePath.relative(from:to:fragment:)` writes it: a file part it writes, and the id as it is.
            if file.isCanonical, id == raw {
                fragments.append(PageLinks.Fragment(target: file.number, id: id))
            } else {
                links.append(PageLinks.Link(text: text, target: link.target, fragment: id))
            }
        }
        // Kept until the whole site is checked: without the room the arrays grew into.
        return PageLinks(ids: ids, targets: targets.withExactCapacity(), fragments: fragments.withExactCapacity(),
                         links: links.withExactCapacity())
    }

    /// The file part of a link (no `#`), resolved against the page and, when known, the site's
    /// files; nil for another host or scheme.
    private static func resolveFile(_ text: String, on page: String, files: Set<String>?) -> PageLinks.Link? {
        guard var link = resolve(link: text, on: page) else { return nil }
        guard link.problem == nil, let files else { return link }
        // The site's own string for the path: one looked up, not one made per link.
        if let known = files.firstIndex(of: link.target) {
            link.target = files[known]
        } else if let known = files.firstIndex(of: link.target + "/index.html") {
            link.target = files[known]
        } else {
            return PageLinks.Link(text: text, target: link.target, problem: "no file \(link.target)")
        }
        return link
    }

    /// Every link of every page against the files of the site and the ids of its pages; problems
    /// in page order. For `unchanged`, `removed` and `sameIDs`, see the next.
    public static func verify(_ pages: [String: PageLinks], files: Set<String>, unchanged: Set<String> = [],
                              removed: Set<String> = [], sameIDs: Set<String>? = nil) -> [Problem] {
        verify(pages.mapValues(StoredLinks.init), files: files, unchanged: unchanged, removed: removed, sameIDs: sameIDs)
    }

    /// … as an incremental build checks them: `unchanged` names pages it kept as the last build left them,
    /// whose links passed that build's check; `removed`, the files that build had and this one
    /// has not; `sameIDs`, the pages whose ids are the last build's (the unchanged ones, when not
    /// given, and pages made again with the same ids). An unchanged page is not checked again
    /// unless it links to a removed file, or to an id on a page not in `sameIDs`.
    ///
    /// The links of an unchanged page are first looked over in the bytes the cache kept
    /// (`StoredLinks.mayLead(to:orInto:)`): they are made only when it links to a file gone or to a page
    /// whose ids changed; the ids of a page are made only when a page checked links into it.
    public static func verify(_ pages: [String: StoredLinks], files: Set<String>, unchanged: Set<String> = [],
                              removed: Set<String> = [], sameIDs: Set<String>? = nil) -> [Problem] {
        let sameIDs = sameIDs ?? unchanged
        let gone = Set(removed.map { StoredLinks.key($0.utf8) })
        let changed = Set(pages.keys.filter { !sameIDs.contains($0) }.map { StoredLinks.key($0.utf8) }).union(gone)
        let paths = pages.keys.sorted { $0.bytesPrecede($1) }
        let looked = zip(paths, Parallel.map(paths) { !unchanged.contains($0) || pages[$0]!.mayLead(to: gone, orInto: changed) })
            .filter(\.1).map(\.0)
        func settled(_ page: String, _ links: PageLinks) -> Bool {
            unchanged.contains(page)
                && (removed.isEmpty || links.targets.allSatisfy { !removed.contains($0) })
                && links.fragments.allSatisfy { sameIDs.contains(links.targets[Int($0.target)]) }
                && links.links.allSatisfy { $0.problem == nil && ($0.fragment == nil || sameIDs.contains($0.target)) }
        }
        let made = Parallel.map(looked) { pages[$0]!.page }
        let checked = Dictionary(uniqueKeysWithValues: zip(looked, made).filter { !settled($0, $1) })
        // The ids of every page a checked page links into by id, each made once.
        var linkedInto = Set<String>()
        for links in checked.values {
            for fragment in links.fragments { linkedInto.insert(links.targets[Int(fragment.target)]) }
            for link in links.links where link.fragment != nil { linkedInto.insert(link.target) }
        }
        let targets = linkedInto.filter { pages[$0] != nil }.sorted { $0.bytesPrecede($1) }
        let pageIDs = Dictionary(uniqueKeysWithValues: zip(targets, Parallel.map(targets) { checked[$0]?.ids ?? pages[$0]!.ids }))
        // A page's ids are sorted: an id is found by binary search, with no set made of them.
        @Sendable func holds(_ ids: [String]?, _ id: String) -> Bool {
            guard let ids else { return false }
            let at = GraphIndex.firstIndex(in: ids, notBelow: id) { $0 }
            return at < ids.endIndex && ids[at] == id
        }
        // On every core: a large site has tens of thousands of pages and millions of links.
        return Parallel.map(checked.keys.sorted()) { page -> [Problem] in
            let links = checked[page]!
            let missing = links.targets.filter { !files.contains($0) && !files.contains($0 + "/index.html") }
            var problems = missing.map { Problem(page: page, link: SitePath.relative(from: page, to: $0), reason: "no file \($0)") }
            for link in links.links {
                if let problem = link.problem {
                    problems.append(Problem(page: page, link: link.text, reason: problem))
                } else if let id = link.fragment, !missing.contains(link.target), !holds(pageIDs[link.target], id) {
                    problems.append(Problem(page: page, link: link.text, reason: "no id=\"\(id)\" in \(link.target)"))
                }
            }
            // Each target's ids are looked up once for the page, not once for each of its links.
            let targetIDs = links.targets.map { pageIDs[$0] }
            for fragment in links.fragments {
                let target = links.targets[Int(fragment.target)]
                if !missing.contains(target), !holds(targetIDs[Int(fragment.target)], fragment.id) {
                    problems.append(Problem(page: page, link: SitePath.relative(from: page, to: target, fragment: fragment.id),
                                            reason: "no id=\"\(fragment.id)\" in \(target)"))
                }
            }
            return problems
        }.flatMap { $0 }
    }

    /// A link as the check sees it; nil for another host, `mailto:`, `data:`…
    static func resolve(link: String, on page: String) -> PageLinks.Link? {
        if link.hasPrefix("//") || hasScheme(link) { return nil }
        func broken(_ reason: String) -> PageLinks.Link { PageLinks.Link(text: link, target: page, problem: reason) }
        if link.hasPrefix("/") { return broken("absolute path; it breaks under a sub-path and over file://") }
        var rest = Substring(link)
        var fragment: String?
        // `#`, `?` and `%` are ASCII: found among the bytes, not the characters.
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        var target = page
        if !rest.isEmpty {
            guard let decoded = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding : String(rest) else { return broken("malformed percent-encoding") }
            guard let resolved = resolve(decoded, from: page) else { return broken("points outside the site") }
            target = resolved
            if decoded.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        }
        return PageLinks.Link(text: link, target: target, fragment: fragment)
    }

    /// `https:`, `mailto:`: a letter, then letters, digits, `+`, `.` or `-`, then a colon.
    static func hasScheme(_ link: String) -> Bool {
        var first = true
        for byte in link.utf8 {
            if byte == UInt8(ascii: ":") { return !first }
            if first ? !UTF8Bytes.isASCIILetter(byte) : !UTF8Bytes.isSchemeByte(byte) { return false }
            first = false
        }
        return false
    }

    /// `../a/b.html` from `x/y.html` → `a/b.html`; nil when it climbs above the root. Empty parts
    /// (`a//b`) and `.` are skipped.
    ///
    /// Worked out on the bytes, into one buffer: this runs for every file every page links to
    /// (700,000 times at 10,000 articles), and an array of parts joined again was most of it.
    static func resolve(_ link: String, from page: String) -> String? {
        if let usual = resolveUsual(link, from: page) { return usual }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(page.utf8.count + link.utf8.count)
        // Where each part kept in `out` starts (its slash included), to take it off again.
        var starts: [Int] = []
        func parts(of text: String, _ visit: (ArraySlice<UInt8>) -> Bool) -> Bool {
            let bytes = Array(text.utf8)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
                if end > start, !visit(bytes[start..<end]) { return false }
                start = end + 1
            }
            return true
        }
        func push(_ part: ArraySlice<UInt8>) {
            starts.append(out.count)
            if !out.isEmpty { out.append(slash) }
            out.append(contentsOf: part)
        }
        // The page's folder: its parts but the last.
        var previous: ArraySlice<UInt8>?
        _ = parts(of: page) { part in
            if let previous { push(previous) }
            previous = part
            return true
        }
        let resolved = parts(of: link) { part in
            if part.count == 1, part.first == dot { return true }
            if part.count == 2, part.allSatisfy({ $0 == dot }) {
                guard let start = starts.popLast() else { return false }
                out.removeSubrange(start...)
                return true
            }
            push(part)
            return true
        }
        return resolved ? String(decoding: out, as: UTF8.self) : nil
    }
}

extension LinkChecker {
    /// `resolve(_:from:)` for the links the site's pages are made of, `../actors/x.html` from
    /// `articles/y.html`: climbs first, then parts none of which is empty, `.` or `..`, from a
    /// page whose path has no empty part, below the root. The page's first folders are kept, the
    /// rest of the link put after them, in one string made once. Nil for any other link.
    static func resolveUsual(_ link: String, from page: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var link = link, page = page
        return link.withUTF8 { link -> String? in
            var at = 0, ups = 0
            while at + 3 <= link.count, link[at] == dot, link[at + 1] == dot, link[at + 2] == slash {
                at += 3
                ups += 1
            }
            guard at < link.count else { return nil }
            var partStart = at
            for i in at...link.count where i == link.count || link[i] == slash {
                let part = UnsafeBufferPointer(rebasing: link[partStart..<i])
                if part.isEmpty || (part.count <= 2 && part.allSatisfy { $0 == dot }) { return nil }
                partStart = i + 1
            }
            return page.withUTF8 { page -> String? in
                guard page.first != slash, page.last != slash else { return nil }
                var folders = 0
                for i in page.indices where page[i] == slash {
                    if page[i - 1] == slash { return nil }
                    folders += 1
                }
                guard ups <= folders else { return nil }
                // The page's first `keep` folders, up to the slash after the last of them.
                let keep = folders - ups
                var cut = 0
                if keep > 0 {
                    var seen = 0
                    for i in page.indices where page[i] == slash {
                        seen += 1
                        if seen == keep { cut = i; break }
                    }
                }
                let rest = UnsafeBufferPointer(rebasing: link[at...])
                let length = keep > 0 ? cut + 1 + rest.count : rest.count
                return String(unsafeUninitializedCapacity: length) { out in
                    var n = 0
                    if keep > 0 {
                        _ = UnsafeMutableBufferPointer(rebasing: out[0..<cut]).initialize(from: UnsafeBufferPointer(rebasing: page[0..<cut]))
                        out[cut] = slash
                        n = cut + 1
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: out[n..<length]).initialize(from: rest)
                    return length
                }
            }
        }
    }
}

/// Just enough HTML scanning for the link check: attribute values in double or single quotes, with
/// the entities the renderers emit decoded.
enum HTMLScan {
    static func attributeValues(named names: Set<String>, in html: String) -> [String] {
        var values: [String] = []
        attributes(in: html) { name, value in if names.contains(name) { values.append(value()) } }
        return values
    }

    /// Calls `visit` with each attribute's lower-case name and a function that decodes its value,
    /// in document order; comments are skipped. One pass over the page's bytes, in place.
    static func attributes(in html: String, _ visit: (String, () -> String) -> Void) {
        attributes(in: html, named: nil) { name, _, value in visit(lowercased(name), { decodedValue(value) }) }
    }

    /// The same, for the attributes of `names` only (lower-case ASCII), each told by its place in
    /// `names`: a name is compared on the page's bytes, and no string is made of the others.
    static func attributes(in html: String, named names: [String], _ visit: (Int, () -> String) -> Void) {
        attributes(in: html, named: names.map { Array($0.utf8) }) { _, number, value in visit(number, { decodedValue(value) }) }
    }

    /// The scan both share: `names` nil visits every attribute (its place is then -1).
    private static func attributes(in html: String, named names: [[UInt8]]?,
                                   _ visit: (_ name: UnsafeBufferPointer<UInt8>, _ number: Int, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        var html = html
        html.withUTF8 { bytes in _ = attributes(in: bytes, named: names, visit) }
    }

    /// … on bytes; true when they end outside any tag and comment, where they began. Text between
    /// tags and an attribute's quoted value are skipped with `memchr`: they are most of a page's
    /// bytes (half a gigabyte at 10,000 articles), and the check reads every page.
    static func attributes(in bytes: UnsafeBufferPointer<UInt8>, named names: [[UInt8]]?,
                           _ visit: (_ name: UnsafeBufferPointer<UInt8>, _ number: Int, _ value: UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        let count = bytes.count
        /// Where `byte` is next, from `start`, or `count`.
        func next(_ byte: UInt8, from start: Int) -> Int {
            ByteSearch.firstIndex(of: byte, in: bytes, from: start) ?? count
        }
        var i = 0
        var outside = true
        while i < count {
            // Outside a tag: on to the next `<`.
            i = next(UInt8(ascii: "<"), from: i)
            guard i < count else { break }
            if i + 3 < count, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                guard let close = endOfComment(in: bytes, from: i + 4) else { outside = false; break }
                i = close
                continue
            }
            i += 1
            outside = false
            // Inside a tag, to its `>`.
            while i < count {
                let b = bytes[i]
                if b == UInt8(ascii: ">") { i += 1; outside = true; break }
                guard b == UInt8(ascii: "=") else { i += 1; continue }
                var start = i - 1
                while start >= 0, bytes[start] == UInt8(ascii: " ") { start -= 1 }
                var nameStart = start
                while nameStart >= 0, isNameByte(bytes[nameStart]) { nameStart -= 1 }
                let nameBytes = UnsafeBufferPointer(rebasing: bytes[(nameStart + 1)..<max(nameStart + 1, start + 1)])
                var j = i + 1
                while j < count, bytes[j] == UInt8(ascii: " ") { j += 1 }
                guard j < count else { i = count; break }
                let quote = bytes[j]
                var end: Int
                var valueStart = j
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = j + 1
                    end = next(quote, from: valueStart)
                    i = end + 1
                } else {
                    end = j
                    while end < count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: ">") { end += 1 }
                    i = end
                }
                let number = names.map { names in names.firstIndex { equalsLowercased(nameBytes, $0) } ?? -1 } ?? -1
                guard names == nil || number >= 0 else { continue }
                let range = valueStart..<min(end, count)
                visit(nameBytes, number, UnsafeBufferPointer(rebasing: bytes[range]))
            }
        }
        return outside
    }

    private static func lowercased(_ name: UnsafeBufferPointer<UInt8>) -> String {
        name.contains { $0 >= 0x41 && $0 <= 0x5A }
            ? String(decoding: name, as: UTF8.self).lowercased() : String(decoding: name, as: UTF8.self)
    }

    /// Entities only when the value holds an `&`, looked for once, on the bytes.
    private static func decodedValue(_ value: UnsafeBufferPointer<UInt8>) -> String {
        guard ByteSearch.firstIndex(of: UInt8(ascii: "&"), in: value) != nil else {
            return String(decoding: value, as: UTF8.self)
        }
        return decodeEntities(String(decoding: value, as: UTF8.self))
    }

    /// Whether `bytes`, with ASCII capitals made small, are `lowercased`.
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercased: [UInt8]) -> Bool {
        guard bytes.count == lowercased.count else { return false }
        for (byte, wanted) in zip(bytes, lowercased) where (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != wanted {
            return false
        }
        return true
    }

    /// Just past the `-->` that closes a comment opened before `start`, or nil when none does.
    private static func endOfComment(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteSearch.firstIndex(of: commentClose, in: bytes, from: start).map { $0 + commentClose.count }
    }

    private static let commentClose = Array("-->".utf8)

    private static func isNameByte(_ b: UInt8) -> Bool {
        UTF8Bytes.isASCIIWordByte(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
