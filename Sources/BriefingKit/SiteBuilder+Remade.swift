import Foundation

/// A page made again from the last build's content rather than rendered: put in a new layout
/// after an edit to `layout.html` alone (`PageFrame`), or spliced after an edit to its own
/// template (`PageSplice`). The build writes it; `briefing check` only finds its links.
extension SiteBuilder {
    struct Remade {
        /// The page's bytes: the new layout around the last file's content, or around the content
        /// spliced, whose runs kept are copied from that file as they are (never read into memory),
        /// or the whole page.
        var made: Made
        /// Where its content lies, for the next build; nil when the layout looks at the content.
        var frame: PageFrame?
        /// The last build's file it was made from, open, and that file's frame.
        var previous: (file: CopySource, frame: PageFrame)

        enum Made {
            /// The new layout's parts around the content (`frame`), with the old file's parts
            /// around it (`previous.frame`): the content between is the old file's, byte for byte.
            case framed(before: ArraySlice<UInt8>, after: ArraySlice<UInt8>, old: Layout)
            /// The same around a spliced content: runs of the old file's content and parts rendered
            /// now; with the parts left out (read from the old file) and added, place by place.
            case spliced(before: ArraySlice<UInt8>, after: ArraySlice<UInt8>, splice: PageSplice, old: Layout, places: [Place])
            /// The whole page (in a layout that cannot frame its content), with the old file whole.
            case whole(html: [UInt8], old: [UInt8], spliced: Bool)
        }

        /// The old file's layout parts, before its content and after it.
        typealias Layout = (before: [UInt8], after: [UInt8])
        /// The parts of the last content a spliced page left out at a place among the segments kept, and those it added there.
        typealias Place = (removed: [ArraySlice<UInt8>], added: [ArraySlice<UInt8>])

        /// Whether it was spliced (`PageSplice`) rather than put in a new layout.
        var spliced: Bool {
            switch made {
            case .framed: false
            case .spliced: true
            case .whole(_, _, let spliced): spliced
            }
        }

        /// Its size in bytes.
        var count: Int {
            switch made {
            case .framed(let before, let after, _): before.count + previous.frame.contentLength + after.count
            case .spliced(let before, let after, let splice, _, _): before.count + splice.count + after.count
            case .whole(let html, _, _): html.count
            }
        }

        /// Whether it is the last build's file, byte for byte (an edit that shows nothing on it).
        /// A spliced page is when each place gave up bytes for the same bytes; one whose parts
        /// came out the same only across places is written again, the same bytes.
        var isLastFile: Bool {
            switch made {
            case .framed(let before, let after, let old):
                return Self.same(before, old.before[...]) && Self.same(after, old.after[...])
            case .spliced(let before, let after, let splice, let old, let places):
                guard splice.count == previous.frame.contentLength, Self.same(before, old.before[...]), Self.same(after, old.after[...])
                else { return false }
                return places.allSatisfy { place in
                    place.removed.reduce(0) { $0 + $1.count } == place.added.reduce(0) { $0 + $1.count }
                        && Self.same(place.removed.reduce(into: []) { $0 += $1 }[...], place.added.reduce(into: []) { $0 += $1 })
                }
            case .whole(let html, let old, _):
                return Self.same(html[...], old[...])
            }
        }

        /// Whether two runs of bytes are the same, by `memcmp`: `==` and `elementsEqual` went byte
        /// by byte, a tenth of a second for the 10,000 article pages of an edit to `article.md`
        /// that keeps their length.
        private static func same(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in ByteSearch.same(a, b) } }
        }

        /// The range of the last file's content.
        var oldContent: Range<Int> { previous.frame.content }

        /// The whole page, the content read from the last file: nil when it cannot be.
        func bytes() -> [UInt8]? {
            switch made {
            case .framed(let before, let after, _):
                guard let middle = previous.file.read(oldContent) else { return nil }
                return Array(before) + middle + Array(after)
            case .spliced(let before, let after, let splice, _, _):
                guard let old = previous.file.read(oldContent) else { return nil }
                return Array(before) + splice.content(old[...]) + Array(after)
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
    /// Only the last file's layout parts are read (and its content, when a part rendered now gives
    /// an id, to find it given twice): the content, or the runs of it kept, are copied from it when
    /// the page is written (`StagedSite.write(_:at:)`), 579 MB at 10,000 articles.
    static func remake(_ path: String, known: BuildCache.Entry, template: String, page: (ContextNames) -> Page, with renderer: PageRenderer,
                       previous: () -> CopySource?) -> Remade? {
        guard known.stored != nil else { return nil }
        let sameBody = known.body == renderer.bodyDigest(for: template)
        let chunks = sameBody ? nil : renderer.templates.chunks[template]
        guard sameBody || chunks != nil, let frame = known.frame, sameBody || !frame.segments.isEmpty, let file = previous(),
              frame.content.upperBound <= file.count else { return nil }
        let content = frame.content
        func oldLayout() -> Remade.Layout? {
            guard let before = file.read(0..<content.lowerBound), let after = file.read(content.upperBound..<file.count) else { return nil }
            return (before, after)
        }
        guard let chunks else {
            if let (before, after, newFrame) = renderer.frame(length: frame.contentLength, path: path, frame: frame) {
                guard let old = oldLayout() else { return nil }
                return Remade(made: .framed(before: before, after: after, old: old), frame: newFrame, previous: (file, frame))
            }
            guard let whole = file.read(0..<file.count) else { return nil }
            let html = renderer.layout(whole[content], path: path, frame: frame)
            return Remade(made: .whole(html: html, old: whole, spliced: false), frame: nil, previous: (file, frame))
        }
        // The last content, when a part rendered gives an id (`PageSplice.givesTwice`): read once.
        var read: ArraySlice<UInt8>?
        guard let splice = PageSplice.make(frame: frame, chunks: chunks, old: {
            read = read ?? file.read(content).map { $0[...] }
            return read
        }, render: {
            renderer.render(chunks: $0, of: chunks, page: page)
        }) else { return nil }
        var spliced = frame
        spliced.segments = splice.segments
        if let (before, after, newFrame) = renderer.frame(length: splice.count, path: path, frame: spliced) {
            // The parts left out at each place, read from the last file (a few hundred bytes, most often).
            var places: [Remade.Place] = []
            for (removed, added) in zip(splice.removed, splice.added) {
                var left: [ArraySlice<UInt8>] = []
                for range in removed {
                    if let read {
                        left.append(read[(read.startIndex + range.lowerBound)..<(read.startIndex + range.upperBound)])
                    } else {
                        guard let bytes = file.read((content.lowerBound + range.lowerBound)..<(content.lowerBound + range.upperBound)) else { return nil }
                        left.append(bytes[...])
                    }
                }
                places.append((left, added.map { splice.made[$0] }))
            }
            guard let old = oldLayout() else { return nil }
            return Remade(made: .spliced(before: before, after: after, splice: splice, old: old, places: places), frame: newFrame,
                          previous: (file, frame))
        }
        guard let whole = file.read(0..<file.count) else { return nil }
        let html = renderer.layout(splice.content(whole[content])[...], path: path, frame: spliced)
        return Remade(made: .whole(html: html, old: whole, spliced: true), frame: nil, previous: (file, frame))
    }

    /// The links of a page made again, and whether they are the last build's (`known`'s). Most
    /// often they are, the last build's check having passed them: told from the layout parts and
    /// the parts spliced when the site has the same files (`sameFiles`), else from a scan of the
    /// page. A page with the links it had is checked as a kept page is (`LinkChecker.verify`), and
    /// they are stored as they were. Nil when the page must be read and its last file no longer can be.
    static func links(of remade: Remade, path: String, known: BuildCache.Entry, files: Set<String>, sameFiles: Bool)
        -> (links: StoredLinks, same: Bool)? {
        func told(_ before: ArraySlice<UInt8>, _ after: ArraySlice<UInt8>, _ old: Remade.Layout, places: [Remade.Place]) -> Bool {
            before.withUnsafeBufferPointer { before in
                after.withUnsafeBufferPointer { after in
                    old.before.withUnsafeBufferPointer { oldBefore in
                        old.after.withUnsafeBufferPointer { oldAfter in
                            LinkChecker.sameLinks(around: (oldBefore, oldAfter), and: (before, after), places: places)
                        }
                    }
                }
            }
        }
        let alike: Bool
        switch remade.made {
        case _ where !sameFiles: alike = false
        case .framed(let before, let after, let old): alike = told(before, after, old, places: [])
        case .spliced(let before, let after, _, let old, let places): alike = told(before, after, old, places: places)
        case .whole: alike = false
        }
        if alike { return (known.links, true) }
        guard let html = remade.bytes() else { return nil }
        let links = LinkChecker.scan(String(decoding: html, as: UTF8.self), on: path, files: files)
        return known.links.holds(links) ? (known.links, true) : (StoredLinks(links), false)
    }
}
