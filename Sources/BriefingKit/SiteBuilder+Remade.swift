import Foundation

/// A page made again from the last build's content rather than rendered: put in a new layout
/// after an edit to `layout.html` alone (`PageFrame`), or spliced after an edit to its own
/// template (`PageSplice`). The build writes it; `briefing check` only finds its links.
extension SiteBuilder {
    struct Remade {
        var html: [UInt8]
        /// Where its content lies, for the next build; nil when the layout looks at the content.
        var frame: PageFrame?
        /// The last build's file it was made from, and that file's frame.
        var previous: (file: [UInt8], frame: PageFrame)
        /// For a spliced page, the parts of the last content it left out and those it added, by
        /// their place among the segments kept (`PageSplice`).
        var spliced: (removed: [[Range<Int>]], added: [[Range<Int>]])?
    }

    /// The page at `path` made from the last build's content (`known`, and its file as
    /// `previous` reads it): in this build's layout when its body templates are the last build's,
    /// or with its template's new chunks rendered (`page` makes the page when one of them needs
    /// its context, for the names they look up) and put between the segments kept. Nil when it cannot be (no frame, no
    /// segments, the last file changed or gone, a chunk that reaches past itself): the page is
    /// then rendered whole.
    static func remake(_ path: String, known: BuildCache.Entry, template: String, page: (ContextNames) -> Page, with renderer: PageRenderer,
                       previous: () -> [UInt8]?) -> Remade? {
        guard known.stored != nil else { return nil }
        let sameBody = known.body == renderer.bodyDigest(for: template)
        let chunks = sameBody ? nil : renderer.templates.chunks[template]
        guard sameBody || chunks != nil, let frame = known.frame, sameBody || !frame.segments.isEmpty, let file = previous(),
              frame.contentOffset + frame.contentLength <= file.count else { return nil }
        let old = file[frame.contentOffset..<(frame.contentOffset + frame.contentLength)]
        guard let chunks else {
            let (html, newFrame) = renderer.reframe(old, path: path, frame: frame)
            return Remade(html: html, frame: newFrame, previous: (file, frame))
        }
        guard let splice = PageSplice.make(old: old, frame: frame, chunks: chunks, render: {
            renderer.render(chunks: $0, of: chunks, page: page)
        }) else { return nil }
        var spliced = frame
        spliced.segments = splice.segments
        let (html, newFrame) = renderer.reframe(splice.content[...], path: path, frame: spliced)
        return Remade(html: html, frame: newFrame, previous: (file, frame), spliced: (splice.removed, splice.added))
    }

    /// The links of a page made again, and whether they are the last build's (`known`'s). Most
    /// often they are, the last build's check having passed them: told from the frames when the
    /// site has the same files (`sameFiles`), else from a scan of the page. A page with the links
    /// it had is checked as a kept page is (`LinkChecker.verify`), and they are stored as they were.
    static func links(of remade: Remade, path: String, known: BuildCache.Entry, files: Set<String>, sameFiles: Bool)
        -> (links: StoredLinks, same: Bool) {
        let (file, frame) = remade.previous
        let framedAlike = sameFiles && remade.frame.map { newFrame in
            file.withUnsafeBufferPointer { old in
                remade.html.withUnsafeBufferPointer { new in
                    guard let spliced = remade.spliced else {
                        return LinkChecker.sameLinks(old: old, oldFrame: frame, new: new, newFrame: newFrame)
                    }
                    return LinkChecker.sameLinks(old: old, oldFrame: frame, new: new, newFrame: newFrame, removed: spliced.removed,
                                                 added: spliced.added)
                }
            }
        } ?? false
        if framedAlike { return (known.links, true) }
        let links = LinkChecker.scan(String(decoding: remade.html, as: UTF8.self), on: path, files: files)
        return known.links.holds(links) ? (known.links, true) : (StoredLinks(links), false)
    }
}
