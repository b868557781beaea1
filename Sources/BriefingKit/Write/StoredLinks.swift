/// A page's links as the build cache keeps them (`BuildCache.Entry.links`): made by this build's
/// link scan, or the bytes the last build's cache file had for them, read only when needed.
///
/// At 10,000 articles the cache holds a million links to ids. An incremental build keeps most
/// pages as they were, and needs of most of their links only to know that none leads to a page
/// that changed (`mayLead(to:orInto:)`): their bytes are walked, not made into strings, and written into
/// the next cache as they are. Their bytes were checked when the cache was read
/// (`PageLinks.walk`), so reading them again cannot fail.
public struct StoredLinks: Sendable, Equatable {
    private let form: Stored<LinkChecker.PageLinks>

    public init(_ page: LinkChecker.PageLinks) { form = .made(page) }

    /// The links, made.
    public var page: LinkChecker.PageLinks { form.value ?? Self.unreadable }

    /// The ids of the page (the first thing stored), without its links; none for bytes that
    /// cannot be read (which the cache's check rules out), and links into the page then fail.
    public var ids: [String] {
        switch form {
        case .made(let page): return page.ids
        case .read(let span):
            var reader = BinaryReader(span)
            return (try? reader.strings()) ?? []
        }
    }

    /// Whether the page may link to one of the files `gone`, or by id to one of the pages
    /// `changed` (both by `key`), or has a broken link: false only when it does not. (What
    /// `LinkChecker.verify` asks of an unchanged page, told from the bytes.)
    func mayLead(to gone: Set<UInt64>, orInto changed: Set<UInt64>) -> Bool {
        guard case .read(let span) = form else {
            let page = page
            func leads(_ target: String, byID: Bool) -> Bool {
                let key = Self.key(target.utf8)
                return gone.contains(key) || (byID && changed.contains(key))
            }
            return page.targets.contains { leads($0, byID: false) }
                || page.fragments.contains { leads(page.targets[Int($0.target)], byID: true) }
                || page.links.contains { $0.problem != nil || leads($0.target, byID: $0.fragment != nil) }
        }
        var reader = BinaryReader(span)
        var found = false
        // Whether each target is a changed page, for the links to ids that follow them.
        var changedTargets: [Bool] = []
        do {
            try LinkChecker.PageLinks.walk(&reader, target: { bytes in
                let key = Self.key(bytes)
                if gone.contains(key) { found = true }
                changedTargets.append(changed.contains(key))
            }, fragment: { position in
                if changedTargets[position] { found = true }
            }, link: { target, fragment, problem in
                // A link without an id needs its target's key only when files are gone.
                guard !found, !problem else { found = true; return }
                guard fragment || !gone.isEmpty else { return }
                let key = Self.key(target)
                if gone.contains(key) || (fragment && changed.contains(key)) { found = true }
            })
        } catch {
            return true
        }
        return found
    }

    /// Whether these are the links `page` holds: its bytes compared with the stored ones (a page
    /// put in a new layout most often has the links it had, `PageFrame`).
    func holds(_ page: LinkChecker.PageLinks) -> Bool {
        guard case .read(let span) = form else { return self.page == page }
        var writer = BinaryWriter()
        page.write(to: &writer)
        return writer.bytes.count == span.range.count && writer.bytes.withUnsafeBufferPointer { made in
            withExtendedLifetime(span.buffer) { ByteSearch.same(made, span.bytes) }
        }
    }

    /// A path's key for `mayLead(to:orInto:)`; two paths may share one (a page is then checked for nothing).
    static func key(_ path: some Sequence<UInt8>) -> UInt64 {
        StableHasher.words(path).0
    }

    /// What a record that could not be read again gives: a problem that fails the check, never a silent pass.
    static let unreadable = LinkChecker.PageLinks(ids: [], links: [
        .init(text: "", target: "", problem: "its record in the build cache cannot be read; build with --no-cache"),
    ])

    public static func == (a: StoredLinks, b: StoredLinks) -> Bool { a.page == b.page }
}

extension StoredLinks: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { form.write(to: &writer) }

    public init(from reader: inout BinaryReader) throws {
        form = .read(try reader.span { try LinkChecker.PageLinks.walk(&$0) })
    }
}
