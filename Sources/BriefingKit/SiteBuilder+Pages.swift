import Foundation

/// The pages of a build: each made, rendered and written, or kept from the last build, or its
/// content put in a new layout (`PageFrame`).
extension SiteBuilder {
    /// Makes, renders, writes and scans every page, on every core, one page at a time: only the
    /// pages being worked on are in memory. A page whose fingerprint the cache knows, and whose
    /// file in the output is still the one the cache remembers, is hard-linked instead.
    static func renderAndWrite(_ plan: SitePlanner.Plan, with renderer: PageRenderer, into site: StagedSite, cache: BuildCache,
                               files: Set<String>, linkedFiles: String = "", keepInputs: Bool = true,
                               progress: (@Sendable (Progress) -> Void)? = nil)
        throws(BuildError) -> (entries: [String: BuildCache.Entry], rendered: Int, made: Int, reframed: Int, spliced: Int, kept: Set<String>,
                               sameLinks: Set<String>, metrics: TemplateMetrics) {
        let total = plan.pageCount
        let counter = Parallel.Counter()
        // Made largest first (`makingOrder`); the results are read back in page order below.
        let order = plan.makingOrder
        // The site has the files the last build's links were resolved against (`LinkChecker.sameLinks`).
        let sameFiles = !cache.linkedFiles.isEmpty && cache.linkedFiles == linkedFiles
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let inMakingOrder = Parallel.map(order, threads: threads) { number -> Result<MadePage, BuildError> in
            defer {
                let done = counter.increment()
                if done % 64 == 0 { progress?(Progress(stage: "rendering pages", done: done, total: total)) }
                if done % MallocTuning.trimEvery == 0 { MallocTuning.trim() }
            }
            // The page's inputs first: when they and the templates are the same as last time, the
            // page is not even made.
            let path = plan.path(at: number)
            // Where the page's time goes, for `--template-metrics`: a few reads of the clock a page.
            var timing = PageTiming()
            let inputs = keepInputs ? PageTiming.time(&timing.inputs) { renderer.inputsKey { plan.inputs(at: number, into: &$0) } } : nil
            let known = cache.entries[path]
            let sameInputs = inputs != nil && known?.inputs == inputs?.key
            if let known, let inputs, known.holds(inputs: inputs.key, templates: renderer.templateDigest(for: inputs.template)),
               site.reuse(path, stamp: known.stamp) {
                return .success(MadePage(path: path, entry: known, template: inputs.template, timing: timing))
            }
            var made: Page?, madeInPart = false
            func page() -> Page {
                if let made { return made }
                made = PageTiming.time(&timing.context) { plan.page(at: number) }
                return made!
            }
            // For new chunks of its template: only what they look up, unless it is made whole already.
            func page(needing names: ContextNames) -> Page {
                guard !names.isAll, made == nil else { return page() }
                madeInPart = true
                return PageTiming.time(&timing.context) { plan.page(at: number, needing: names) }
            }
            // Made from the last build's content after an edit to the layout or to the page's template.
            func remade(_ known: BuildCache.Entry, template: String, page: (ContextNames) -> Page) -> Result<MadePage, BuildError>? {
                let start = PageTiming.now, context = timing.context
                let remade = remake(path, known: known, template: template, page: page, with: renderer,
                                    previous: { site.previous(path, stamp: known.stamp) })
                // The page's context, when a new part of its template needed it, is counted as such.
                timing.remade &+= (PageTiming.now &- start) &- (timing.context &- context)
                return remade.flatMap { remade in
                    PageTiming.time(&timing.write) {
                        write(remade, path: path, known: known, template: template, inputs: inputs?.key ?? "", with: renderer, into: site,
                              files: files, sameFiles: sameFiles)
                    }?.map { var remade = $0; remade.timing = timing; return remade }
                }
            }
            if sameInputs, let known, let inputs, let done = remade(known, template: inputs.template, page: page(needing:)) {
                return done.map { var remade = $0; remade.made = made != nil || madeInPart; return remade }
            }
            let page = page()
            let templates = renderer.templateDigest(for: page.template)
            // Without a cache to keep it in, a page's fingerprint would be made for nothing; with the
            // same inputs as last time (a template was edited), it is last time's.
            let fingerprint = !keepInputs ? "" : sameInputs ? known!.fingerprint : renderer.fingerprint(page)
            if let known, known.holds(fingerprint: fingerprint, templates: templates), site.reuse(path, stamp: known.stamp) {
                var kept = known
                kept.inputs = inputs?.key ?? ""
                return .success(MadePage(path: path, entry: kept, made: true, template: page.template, timing: timing))
            }
            // A page made on every build (it has no inputs digest) is the same page as last time.
            if keepInputs, !sameInputs, let known, known.fingerprint == fingerprint,
               let done = remade(known, template: page.template, page: { _ in page }) {
                return done.map { var made = $0; made.made = true; return made }
            }
            do throws(BuildError) {
                let (html, frame) = try renderer.renderFramed(page, timing: &timing)
                let start = PageTiming.now
                let stamp = try site.write(html, at: path)
                let entry = BuildCache.Entry(fingerprint: fingerprint, templates: templates, stamp: stamp,
                                             links: StoredLinks(LinkChecker.scan(html, on: path, files: files)),
                                             inputs: inputs?.key ?? "", body: renderer.bodyDigest(for: page.template),
                                             frame: keepInputs ? frame : nil)
                timing.write &+= PageTiming.now &- start
                return .success(MadePage(path: path, entry: entry, rendered: true, made: true, template: page.template, timing: timing,
                                         bytes: html.utf8.count))
            } catch {
                return .failure(error)
            }
        }
        var results = inMakingOrder
        for (position, number) in order.enumerated() { results[number] = inMakingOrder[position] }
        var entries: [String: BuildCache.Entry] = [:]
        var rendered = 0, made = 0, reframed = 0, spliced = 0
        // Pages whose file and links are the last build's, and pages whose links alone are.
        var kept = Set<String>(), sameLinks = Set<String>()
        for result in results {
            switch result {
            case .success(let page):
                entries[page.path] = page.entry
                if page.rendered { rendered += 1 } else { kept.insert(page.path) }
                if page.sameLinks { sameLinks.insert(page.path) }
                if page.made { made += 1 }
                if page.reframed { reframed += 1 }
                if page.spliced { spliced += 1 }
            case .failure(let error): throw error
            }
        }
        let metrics = TemplateMetrics(results.lazy.compactMap { result in
            (try? result.get()).map { page in
                (page.path, page.template, page.timing, page.made, page.rendered && !page.reframed && !page.spliced,
                 page.reframed || page.spliced, page.bytes)
            }
        }, threads: threads)
        return (entries, rendered, made, reframed, spliced, kept, sameLinks, metrics)
    }

    /// What became of one page in `renderAndWrite`: kept, made, rendered (written), or its content
    /// put in a new layout (`PageFrame`), which counts as rendered.
    struct MadePage {
        var path: String
        var entry: BuildCache.Entry
        var rendered = false
        var made = false
        var reframed = false
        /// Put in a new layout with the links it had (`StoredLinks.holds`).
        var sameLinks = false
        /// Made from the last content after an edit to its template (`PageSplice`), which counts as rendered.
        var spliced = false
        /// The page's template, and where its time went (`TemplateMetrics`).
        var template = ""
        var timing = PageTiming()
        /// The bytes written, when it was written.
        var bytes = 0
    }

    /// Writes a page made from the last build's content (`remake`), and finds whether it has
    /// the links it had (`links(of:)`). A page that came out as the last build's file, byte for
    /// byte (an edit to a part of its template that shows nothing on it), is that file, linked
    /// (`StagedSite.reuse`) and kept: only its cache entry is new. Nil when the last file changed
    /// while it was copied or read: the page is then rendered whole.
    private static func write(_ remade: Remade, path: String, known: BuildCache.Entry, template: String, inputs: String,
                              with renderer: PageRenderer, into site: StagedSite, files: Set<String>, sameFiles: Bool)
        -> Result<MadePage, BuildError>? {
        do throws(BuildError) {
            var entry = known
            entry.templates = renderer.templateDigest(for: template)
            // The same as the last build's when the page is put in a new layout.
            entry.body = renderer.bodyDigest(for: template)
            entry.inputs = inputs
            entry.frame = remade.frame
            if remade.isLastFile, site.reuse(path, stamp: known.stamp) {
                return .success(MadePage(path: path, entry: entry, sameLinks: true, template: template))
            }
            guard let stamp = try site.write(remade, at: path),
                  let (links, sameLinks) = links(of: remade, path: path, known: known, files: files, sameFiles: sameFiles) else { return nil }
            entry.stamp = stamp
            entry.links = links
            return .success(MadePage(path: path, entry: entry, rendered: true, reframed: !remade.spliced, sameLinks: sameLinks,
                                     spliced: remade.spliced, template: template, bytes: remade.count))
        } catch {
            return .failure(error)
        }
    }
}
