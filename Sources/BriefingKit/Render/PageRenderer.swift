import Mustache
import Foundation

/// The Render stage: a page's Markdown template and context → Markdown → HTML (cmark-gfm) → layout.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let settings: SiteSettings
    /// Everything besides the page that decides its HTML: the generator, the templates, the settings.
    private let inputs: StableHasher
    /// The layout made once per folder of pages (`LayoutStencil`), when it can be.
    private let stencils = Stencils()

    public init(templates: TemplateSet, settings: SiteSettings) {
        self.templates = templates
        self.settings = settings
        var hasher = StableHasher()
        hasher.combine(Generator.identity)
        StableDigest.of(settings, into: &hasher)
        inputs = hasher
    }

    /// The digest of a page's inputs (`combine` adds them, and names the page's template) with the
    /// generator and settings, and the template's name; nil when `combine` says the page has none.
    /// The templates' text is not in it (`templateDigest(for:)`): the same inputs make the same page
    /// whatever the templates say, so after a template edit the page's last fingerprint still holds.
    public func inputsKey(_ combine: (inout StableHasher) -> String?) -> (key: String, template: String)? {
        var hasher = inputs
        guard let template = combine(&hasher) else { return nil }
        hasher.combine(template)
        return (hasher.finalize(), template)
    }

    /// The digest of a template with every template it uses (its partials and the layout).
    public func templateDigest(for template: String) -> String { templates.digest(for: template) }

    /// The same without the layout: the digest of the template and its partials.
    public func bodyDigest(for template: String) -> String { templates.bodyDigest(for: template) }

    /// A stable hash of the page as made, with the generator and settings: with the digest of its
    /// template (`templateDigest(for:)`), everything that decides the page's HTML. Two builds that
    /// give a page the same fingerprint and template digest render it to the same bytes, so an
    /// incremental build can keep the old file.
    public func fingerprint(_ page: Page) -> String {
        var hasher = inputs
        for field in [page.path, page.template, page.title, page.description] { hasher.combine(field) }
        // Through each context's own code (`StableHashing`): the digest `Encodable` gives, for less.
        // A context the generator has not seen yet goes through `Encodable`, to the same digest.
        if let context = page.context as? any StableHashing {
            StableDigest.direct(context, into: &hasher)
        } else {
            StableDigest.of(page.context, into: &hasher)
        }
        StableDigest.of(page.meta, into: &hasher)
        for block in page.inlineLinks.keys.sorted() {
            hasher.combine(block)
            StableDigest.direct(page.inlineLinks[block]!, into: &hasher)
        }
        for block in page.highlights.keys.sorted() {
            hasher.combine(block)
            StableDigest.direct(page.highlights[block]!, into: &hasher)
        }
        for figure in page.figures.keys.sorted() {
            hasher.combine(figure)
            hasher.combine(page.figures[figure]!)
        }
        return hasher.finalize()
    }

    public func render(_ page: Page) throws(BuildError) -> String {
        try renderFramed(page).html
    }

    /// The page's HTML, and where its content lies in it when the layout frames it (`PageFrame`).
    public func renderFramed(_ page: Page) throws(BuildError) -> (html: String, frame: PageFrame?) {
        var timing = PageTiming()
        return try renderFramed(page, timing: &timing)
    }

    /// The same, adding the time of each step to `timing` (`TemplateMetrics`).
    func renderFramed(_ page: Page, timing: inout PageTiming) throws(BuildError) -> (html: String, frame: PageFrame?) {
        guard let cut = templates.chunks[page.template] else {
            let markdown = try PageTiming.time(&timing.mustache) { () throws(BuildError) in
                try templates.render(page.template, context: page.context)
            }
            return PageTiming.time(&timing.html) {
                let body = MarkdownDocument.html(from: Self.removingFragmentMarkers(markdown), links: page.inlineLinks, figures: page.figures,
                                                 highlights: page.highlights)
                return framed(body, path: page.path, page: LayoutContext.PageFields(page))
            }
        }
        // Chunk by chunk, to know where each starts: the same Markdown and HTML, and its segments.
        let body = segmented(cut.chunks[...], page: page, timing: &timing).html
        return PageTiming.time(&timing.html) {
            var (html, frame) = framed(body.html, path: page.path, page: LayoutContext.PageFields(page))
            frame?.segments = PageFrame.Segment.make(body.segments, of: cut)
            return (html, frame)
        }
    }

    /// The HTML of these chunks of a page's template, in segments, and (without the page) whether
    /// their Markdown has a figure marker.
    private func segmented(_ chunks: ArraySlice<TemplateChunks.Chunk>, page: Page?, timing: inout PageTiming)
        -> (html: MarkdownDocument.Segmented, figures: Bool) {
        let pieces = PageTiming.time(&timing.mustache) { templates.render(chunks, context: page?.context ?? Self.noContext) }
        return segmented(pieces, page: page, timing: &timing)
    }

    /// The HTML of the Markdown of a run of chunks (`pieces`), with the page's links, marks and figures.
    private func segmented(_ pieces: [String], page: Page?, timing: inout PageTiming) -> (html: MarkdownDocument.Segmented, figures: Bool) {
        PageTiming.time(&timing.html) {
            var markdown = "", starts: [Int] = []
            for piece in pieces {
                starts.append(markdown.utf8.count)
                markdown += Self.removingFragmentMarkers(piece)
            }
            let html = MarkdownDocument.segmented(markdown, chunkStarts: starts, links: page?.inlineLinks ?? [:], figures: page?.figures ?? [:],
                                                  highlights: page?.highlights ?? [:])
            return (html, page == nil && markdown.unicodeScalars.contains(MarkdownEscaping.figureOpen))
        }
    }

    /// What chunks without tags are rendered with: they do not look.
    private static let noContext: [String: String] = [:]

    /// The HTML of a run of a template's chunks for a page (`PageSplice`): without the page when
    /// the chunks have no tags and their Markdown gives no block an id and has no figure (which
    /// the page's links, marks and figures go into); else with the page, which `page` makes for
    /// the names the chunks look up outside their sections (`ContextNames`), then for those too
    /// that the rendering found it looked up in the page's context among the parts the page left
    /// out (`LookupRecorder`), until it looks up none of them. A page made without some blocks' links and marks
    /// (`Page.undecoratedBlocks`) whose chunks give one of those an id is made whole, and the chunks
    /// rendered again.
    func render(chunks run: Range<Int>, of cut: TemplateChunks, page: (ContextNames) -> Page) -> MarkdownDocument.Segmented {
        let chunks = cut.chunks[run]
        var timing = PageTiming()
        if chunks.allSatisfy(\.isText) {
            let alone = segmented(chunks, page: nil, timing: &timing)
            if alone.html.ids.isEmpty && !alone.figures { return alone.html }
        }
        var names = cut.names(of: run)
        // Each round makes the page for more names, of those the chunks' tags have: a few at most.
        for _ in 0..<Self.mostRounds where !names.isAll {
            let made = page(names)
            guard let context = made.context as? any MustacheParent else { break }
            let recorder = LookupRecorder(context, omitted: made.omitted)
            let pieces = templates.render(chunks, context: recorder)
            guard recorder.missed.isEmpty else {
                names = names.union(ContextNames(recorder.missed))
                continue
            }
            let html = segmented(pieces, page: made, timing: &timing).html
            guard html.ids.contains(where: made.undecoratedBlocks.contains) else { return html }
            break
        }
        return segmented(chunks, page: page(.all), timing: &timing).html
    }

    /// Past this many rounds of `render(chunks:of:page:)`, the page is made whole.
    private static let mostRounds = 4

    /// A page's content as the last build's file has it, in this build's layout when the layout
    /// cannot frame content (`frame(length:path:frame:)` gives none): rendered with the content.
    func layout(_ content: ArraySlice<UInt8>, path: String, frame: PageFrame) -> [UInt8] {
        layout(frame.page, path: path, content: content)
    }

    /// The new layout's parts around a page's last content (`length` bytes, as `frame` says), and
    /// the page's new frame; nil when the layout cannot frame content (`layout(_:path:frame:)`
    /// then renders it with the content).
    public func frame(length: Int, path: String, frame: PageFrame) -> (before: ArraySlice<UInt8>, after: ArraySlice<UInt8>, frame: PageFrame)? {
        guard let (before, after) = frameParts(path: path, page: frame.page) else { return nil }
        var moved = frame
        moved.contentOffset = before.count
        moved.contentLength = length
        return (before, after, moved)
    }

    /// The layout around the content, framed (`frameParts`) when it can be, else rendered with the
    /// content: both are the same bytes.
    private func framed(_ content: String, path: String, page: LayoutContext.PageFields) -> (html: String, frame: PageFrame?) {
        guard let (before, after) = frameParts(path: path, page: page) else {
            return (String(decoding: layout(page, path: path, content: content.utf8), as: UTF8.self), nil)
        }
        var html = ""
        html.reserveCapacity(before.count + content.utf8.count + after.count)
        html += String(decoding: before, as: UTF8.self); html += content; html += String(decoding: after, as: UTF8.self)
        return (html, PageFrame(contentOffset: before.count, contentLength: content.utf8.count, page: page))
    }

    /// The layout with the content in it: from the folder's stencil when there is one, else by swift-mustache.
    private func layout(_ page: LayoutContext.PageFields, path: String, content: some Collection<UInt8>) -> [UInt8] {
        if let stencil = stencil(for: path, page: page) {
            var html: [UInt8] = []
            stencil.render(page, documentTitle: LayoutContext.documentTitle(path: path, title: page.title, settings: settings), content: content, into: &html)
            return html
        }
        let context = LayoutContext(path: path, page: page, settings: settings, content: String(decoding: content, as: UTF8.self))
        return Array(templates.renderLayout(context).utf8)
    }

    /// The layout cut where the content goes: the HTML before the content and after it, when the
    /// layout can frame content (`PageFrame.canFrame`) and has one place for it. From the folder's
    /// stencil when there is one, else the layout rendered with the content's marker, cut there.
    private func frameParts(path: String, page: LayoutContext.PageFields) -> (before: ArraySlice<UInt8>, after: ArraySlice<UInt8>)? {
        guard templates.framesContent else { return nil }
        if let stencil = stencil(for: path, page: page) {
            return stencil.frame(page, documentTitle: LayoutContext.documentTitle(path: path, title: page.title, settings: settings))
                .map { ($0.before[...], $0.after[...]) }
        }
        let frame = Array(templates.renderLayout(LayoutContext(path: path, page: page, settings: settings, content: PageFrame.contentMarker)).utf8)
        let marker = PageFrame.contentMarkerBytes
        return frame.withUnsafeBufferPointer { bytes in
            guard let at = ByteSearch.firstIndex(of: marker, in: bytes, from: 0),
                  ByteSearch.firstIndex(of: marker, in: bytes, from: at + marker.count) == nil else { return nil }
            return (frame[..<at], frame[(at + marker.count)...])
        }
    }

    /// The stencil of the page's folder, made the first time a page of it asks.
    private func stencil(for path: String, page: LayoutContext.PageFields) -> LayoutStencil? {
        guard let escaped = templates.layoutForms else { return nil }
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        return stencils.stencil(folder: folder, hasCanonical: page.canonical != nil) {
            LayoutStencil(rendering: { templates.renderLayout($0) }, path: path, hasCanonical: page.canonical != nil,
                          settings: settings, escaped: escaped)
        }
    }

    /// The stencils made so far, by folder, shared by the threads that render.
    final class Stencils: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [String: LayoutStencil?] = [:]

        func stencil(folder: String, hasCanonical: Bool, make: () -> LayoutStencil?) -> LayoutStencil? {
            let key = (hasCanonical ? "1" : "0") + folder
            lock.lock()
            if let known = made[key] { lock.unlock(); return known }
            lock.unlock()
            let stencil = make()
            lock.lock(); defer { lock.unlock() }
            made[key] = stencil
            return stencil
        }
    }

    /// A fragment inserted with `{{{…}}}` keeps its marker; it has no meaning past Mustache.
    /// Read as UTF-8 bytes: the marker's three bytes are found (its first byte with `memchr`: a
    /// page's Markdown is tens of kilobytes) and left out, the runs between them copied whole; a
    /// text without one is returned as it is.
    static func removingFragmentMarkers(_ text: String) -> String {
        var text = text
        let kept: [UInt8]? = text.withUTF8 { bytes in
            let marker = fragmentMarkerBytes
            var out: [UInt8] = []
            var runStart = 0, i = 0
            while i + 2 < bytes.count {
                guard let found = ByteSearch.firstIndex(of: marker.0, in: bytes, from: i), found + 2 < bytes.count else { break }
                i = found
                guard bytes[i + 1] == marker.1, bytes[i + 2] == marker.2 else {
                    i += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i += 3
                runStart = i
            }
            guard runStart > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return out
        }
        guard let kept else { return text }
        return String(decoding: kept, as: UTF8.self)
    }

    /// U+E002 in UTF-8.
    private static let fragmentMarkerBytes: (UInt8, UInt8, UInt8) = {
        let bytes = Array(String(Character(MarkdownEscaping.fragmentMarker)).utf8)
        return (bytes[0], bytes[1], bytes[2])
    }()
}
