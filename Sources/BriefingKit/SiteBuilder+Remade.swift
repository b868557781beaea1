import Foundation

/// A page made again from the last build's content rather than rendered: put in a new layout
/// after an edit to `layout.html` alone (`PageFrame`), or spliced after an edit to its own
/// template (`PageSplice`). The build writes it; `briefing check` only finds its links.
extension SiteBuilder {
    struct Remade {
        /// The page's bytes: the new layout around the last file's content, which is copied from
        /// that file as it is (never read into memory), or the whole page.
        var made: Made
        /// Where its content lies, for the next build; nil when the layout looks at the content.
        var frame: PageFrame?
        /// The last build's file it was made from, open, and that file's frame.
        var previous: (file: CopySource, frame: PageFrame)

        enum Made {
            /// The new layout's parts around the content (`frame`), with the old file's parts
            /// around it (`previous.frame`): the content between is the old file's, byte for byte.
            case framed(before: ArraySlice<UInt8>, after: ArraySlice<UInt8>, old: (before: [UInt8], after: [UInt8]))
            /// The whole page, with the old file whole; for a spliced page, the parts of the last
            /// content it left out and those it added, by their place among the segments kept (`PageSplice`).
            case whole(html: [UInt8], old: [UInt8], spliced: (removed: [[Range<Int>]], added: [[Range<Int>]])?)
        }

        /// Whether it was spliced (`PageSplice`) rather than put in a new layout.
        var spliced: Bool {
            if case .whole(_, _, let spliced) = made { spliced != nil } else { false }
        }

        /// Its size in bytes.
        var count: Int {
            switch made {
            case .framed(let before, let after, _): before.count + (frame?.contentLength ?? 0) + after.count
            case .whole(let html, _, _): html.count
            }
        }

        /// Whether it is the last build's file, byte for byte (an edit that shows nothing on it).
        var isLastFile: Bool {
            switch made {
            case .framed(let before, let after, let old): Self.same(before, old.before) && Self.same(after, old.after)
            case .whole(let html, let old, _): Self.same(html[...], old)
            }
        }

        /// Whether two runs of bytes are the same, by `memcmp`: `==` and `elementsEqual` went byte
        /// by byte, a tenth of a second for the 10,000 article pages of an edit to `article.md`
        /// that keeps their length.
        private static func same(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in ByteSearch.same(a, b) } }
        }

        /// The whole page, the content read from the last file: nil when it cannot be.
        func bytes() -> [UInt8]? {
            switch made {
            case .framed(let before, let after, _):
                let content = previous.frame.contentOffset..<(previous.frame.contentOffset + previous.frame.contentLength)
                guard let middle = previous.file.read(content) else { return nil }
                return Array(before) + middle + Array(after)
            case .whole(let html, _, _):
                return html
            }
        }
    }

    /// The page at `path` made from the last build's content (`known`, and its file, open, as
    /// `previous` gives it): in this build's layout when its body templates are the last build's,
    /// or with its template's new chunks rendered (`page` makes the page when one of them needs
    /// its context, for the names they look up) and put between the segments kept. Nil when it cannot be (no frame, no
    /// segments, the last file changed or gone, a chunk that reaches past itself): the page is
    /// then rendered whole.
    ///
    /// In a new layout, only the last file's layout parts are read: its content is copied from it
    /// when the page is written (`StagedSite.write(_:at:)`), 579 MB at 10,000 articles.
    static func remake(_ path: String, known: BuildCache.Entry, template: String, page: (ContextNames) -> Page, with renderer: PageRenderer,
                       previous: () -> CopySource?) -> Remade? {
        guard known.stored != nil else { return nil }
        let sameBody = known.body == renderer.bodyDigest(for: template)
        let chunks = sameBody ? nil : renderer.templates.chunks[template]
        guard sameBody || chunks != nil, let frame = known.frame, sameBody || !frame.segments.isEmpty, let file = previous(),
              frame.contentOffset + frame.contentLength <= file.count else { return nil }
        let contentEnd = frame.contentOffset + frame.contentLength
        if sameBody, let (before, after, newFrame) = renderer.frame(length: frame.contentLength, path: path, frame: frame) {
            guard let oldBefore = file.read(0..<frame.contentOffset), let oldAfter = file.read(contentEnd..<file.count) else { return nil }
            return Remade(made: .framed(before: before, after: after, old: (oldBefore, oldAfter)), frame: newFrame, previous: (file, frame))
        }
        guard let whole = file.read(0..<file.count) else { return nil }
        let old = whole[frame.contentOffset..<contentEnd]
        guard let chunks else {
            let (html, newFrame) = renderer.reframe(old, path: path, frame: frame)
            return Remade(made: .whole(html: html, old: whole, spliced: nil), frame: newFrame, previous: (file, frame))
        }
        guard let splice = PageSplice.make(old: old, frame: frame, chunks: chunks, render: {
            renderer.render(chunks: $0, of: chunks, page: page)
        }) else { return nil }
        var spliced = frame
        spliced.segments = splice.segments
        let (html, newFrame) = renderer.reframe(splice.content[...], path: path, frame: spliced)
        return Remade(made: .whole(html: html, old: whole, spliced: (splice.removed, splice.added)), frame: newFrame, previous: (file, frame))
    }

    /// The links of a page made again, and whether they are the last build's (`known`'s). Most
    /// often they are, the last build's check having passed them: told from the frames when the
    /// site has the same files (`sameFiles`), else from a scan of the page. A page with the links
    /// it had is checked as a kept page is (`LinkChecker.verify`), and they are stored as they were.
    /// Nil when the page must be scanned and its content can no longer be read.
    static func links(of remade: Remade, path: String, known: BuildCache.Entry, files: Set<String>, sameFiles: Bool)
        -> (links: StoredLinks, same: Bool)? {
        let frame = remade.previous.frame
        let framedAlike = sameFiles && remade.frame.map { newFrame in
            switch remade.made {
            case .framed(let before, let after, let old):
                return before.withUnsafeBufferPointer { before in
                    after.withUnsafeBufferPointer { after in
                        old.before.withUnsafeBufferPointer { oldBefore in
                            old.after.withUnsafeBufferPointer { oldAfter in
                                LinkChecker.sameLinks(around: (oldBefore, oldAfter), and: (before, after))
                            }
                        }
                    }
                }
            case .whole(let html, let old, let spliced):
                // A page in a layout that could not frame it has no new frame: only a spliced one gets here.
                guard let spliced else { return false }
                return old.withUnsafeBufferPointer { old in
                    html.withUnsafeBufferPointer { new in
                        LinkChecker.sameLinks(old: old, oldFrame: frame, new: new, newFrame: newFrame, removed: spliced.removed,
                                              added: spliced.added)
                    }
                }
            }
        } ?? false
        if framedAlike { return (known.links, true) }
        guard let html = remade.bytes() else { return nil }
        let links = LinkChecker.scan(String(decoding: html, as: UTF8.self), on: path, files: files)
        return known.links.holds(links) ? (known.links, true) : (StoredLinks(links), false)
    }
}
