import Foundation

/// The whole pipeline: Load → Link → Site → Render → Write.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        /// The build cache directory (`.briefing-cache`), or nil for a clean build that keeps no cache.
        public var cache: URL?
        /// With the cache, a build after which no file a build reads has changed, and the output
        /// is as that build left it, ends at once with its report (`UnchangedBuild`). The command
        /// line sets it; a build that measures its pages (`--template-metrics`) does not.
        public var endsWhenNothingChanged = false

        public init(content: URL, templates: URL, output: URL, cache: URL? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.cache = cache
        }

        /// The same build into the folder the output leads to, when the output is a symbolic link
        /// to one (`Public` linked to `/var/www/briefing`): the site then replaces that folder,
        /// and the link stays as it is. Any other output as given.
        public var followingOutputLink: Options {
            var info = stat()
            guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, FileTree.exists(output, directory: true) else { return self }
            var options = self
            options.output = output.resolvingSymlinksInPath()
            return options
        }

        /// The same build with no cache.
        var withoutCache: Options {
            var options = self
            options.cache = nil
            return options
        }

        /// How a directory is named in messages: as given, relative to the working directory.
        public func display(_ url: URL) -> String {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
            let path = url.standardizedFileURL.path
            return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
        }
    }

    public struct Report: Sendable {
        public var articles: Int
        public var pages: Int
        public var filesWritten: Int
        /// Pages rendered by this build; the others were unchanged and kept from the last build.
        public var pagesRendered: Int
        /// Pages whose context this build made (to compare with the cache); the others were
        /// known unchanged from their inputs alone (`SitePlanner.Plan.inputs(at:into:)`).
        public var pagesMade: Int = 0
        /// Of the pages rendered, those whose content was the last build's, put in a new layout
        /// (`PageFrame`): neither made nor rendered from their template.
        public var pagesReframed: Int = 0
        /// Of the pages rendered, those made from their last content after an edit to their template (`PageSplice`).
        public var pagesSpliced: Int = 0
        /// Parts of the data files (an article's entry in `briefing.json`, its documents in the
        /// search index) copied from the last build's files instead of made (`DataFileParts`).
        public var dataPartsCopied: Int = 0
        /// Things about the build itself worth telling with `--verbose` (an ignored cache).
        public var notes: [String] = []
        /// Why the build could not use its cache folder (read-only, another user's: it then did
        /// all its work and kept nothing for the next), or could not save part of the cache there
        /// (a full disk: the next build does that part's work again). Always worth telling, and
        /// not a warning about the content (`--strict` does not count it).
        public var cacheProblem: String?
        public var actors: Int
        public var dates: Int
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        /// Seconds spent in each stage, in pipeline order, and the peak memory at its end (bytes).
        public var stages: [(stage: String, seconds: Double, peakMemory: Int?)]
        /// What each template's pages cost (`--template-metrics`).
        public var templateMetrics = TemplateMetrics()

        /// The line every build ends with.
        public var summary: String {
            "Built \(Count.phrase(articles, "article")) into \(Count.phrase(pages, "page")) (\(Count.phrase(filesWritten, "file"))"
                + (pagesRendered < pages ? ", \(pagesRendered) rendered, \(pages - pagesRendered) unchanged): " : "): ")
                + "\(Count.phrase(actors, "actor")), \(Count.phrase(dates, "date")), \(Count.phrase(diagnostics.count, "warning")), "
                + String(format: "%.2f s", seconds)
        }
    }

    /// Where a build is: the stage, and how far through it (for progress on a terminal).
    public struct Progress: Sendable {
        public var stage: String
        public var done: Int
        public var total: Int
    }

    /// Loads and links without writing anything: what `build` would publish, and its warnings.
    public static func load(_ options: Options) -> (graph: BriefingGraph, diagnostics: [Diagnostic]) {
        let linked = loadAndLink(options)
        _ = linked.saving?.value
        return (linked.graph, linked.diagnostics)
    }

    /// `load`, what there is to say about the cache (`--verbose`), and the saving of the article
    /// memo, which goes on while the pages are made: wait for it before the build ends. With
    /// `saveMemo` false (`briefing check`, which writes nothing) the memo is only read. With a
    /// cache and the memo saved, `read` gives the digest of the bytes read of each file read: the
    /// articles, the settings, the gazetteer, the overview and the notes
    /// (`UnchangedBuild.readKey(folder:path:)`), for `UnchangedBuild.record`; else it is empty.
    /// `known`: the digests of article files known unchanged without reading them
    /// (`UnchangedBuild.knownArticleDigests`).
    static func loadAndLink(_ options: Options, saveMemo: Bool = true, known: [String: String] = [:])
        -> (graph: BriefingGraph, diagnostics: [Diagnostic], notes: [String], saving: BackgroundValue<Bool>?, read: [String: String]) {
        MallocTuning.apply()
        let contentName = options.display(options.content)
        // The digests of the other files read (settings, gazetteer, overview, notes), as the
        // articles' are kept, for `UnchangedBuild.record`.
        let recording = options.cache != nil && saveMemo
        var read: [String: String] = [:]
        func reading(_ url: URL) throws -> [UInt8] {
            let bytes = try FileTree.read(url)
            if recording, let key = UnchangedBuild.readKey(folder: 0, root: options.content, file: url.path) {
                read[key] = StableHasher.digest(bytes)
            }
            return bytes
        }
        let (settings, settingsDiagnostics) = SiteSettings.load(options.content.appendingPathComponent("briefing.yml"),
                                                                displayPath: contentName + "/briefing.yml", reading: reading)
        // With a cache, the files and articles that did not change since the last build are not
        // parsed, scanned or linked again (`ArticleMemo`).
        let memoFile = options.cache.map { ArticleMemo.file(in: $0, for: options.content) }
        var (memo, memoNote) = memoFile.map { ArticleMemo.load($0, content: options.content) } ?? (nil, nil)
        // The memo is handed out and let go: the loader takes its files, the linker its facts (and
        // lets them go before the graph is made), and saving needs only its outline.
        let outline = memo?.outline
        var earlierFiles = memoFile == nil ? nil : memo?.files ?? []
        let earlierFacts = memo?.facts ?? []
        let earlierNaming = memo?.naming
        memo = nil
        let loaded = ArticleLoader.load(directory: options.content.appendingPathComponent("articles"), displayRoot: contentName,
                                        reusing: earlierFiles, known: known)
        earlierFiles = nil
        var diagnostics = settingsDiagnostics + loaded.diagnostics
        if loaded.articles.isEmpty {
            diagnostics.append(Diagnostic(file: contentName + "/articles", "no articles found"))
        }
        let (gazetteer, gazetteerDiagnostics) = Gazetteer.load(options.content.appendingPathComponent("actors.yml"),
                                                               displayPath: contentName + "/actors.yml", reading: reading)
        diagnostics += gazetteerDiagnostics
        let (overview, overviewDiagnostics) = OverviewReader.load(options.content.appendingPathComponent("briefing.md"),
                                                                  displayPath: contentName + "/briefing.md", reading: reading)
        let (notes, noteDiagnostics) = NoteReader.load(directory: options.content.appendingPathComponent("notes"), displayRoot: contentName,
                                                       reading: reading)
        diagnostics += overviewDiagnostics + noteDiagnostics
        let linked = Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: settings, overview: overview,
                                 reusing: consume earlierFacts, naming: earlierNaming, digests: options.cache != nil)
        var (graph, facts, naming) = (linked.graph, linked.facts, linked.naming)
        let taken = linked.taken
        _ = consume linked
        // Saved whatever becomes of the build, on a thread of its own while the site is planned:
        // the facts are true of the content, and the memory they hold is given back early.
        let saving = (saveMemo ? memoFile : nil).map { memoFile in
            let new = ArticleMemo(files: loaded.files, facts: facts, naming: naming)
            return BackgroundValue { () -> Bool in
                let reused = ArticleMemo.Reused(files: loaded.reused, facts: Linker.Linked.sourceFiles(of: new.facts, taken: taken))
                return (try? new.save(memoFile, content: options.content, unchangedFrom: outline, reused: reused)) != nil
            }
        }
        facts = []
        let editorial = EditorialLinking.link(notes: notes, into: &graph, contentRoot: contentName)
        // Only a build with a cache records them; `check` (no memo saved) has no use for them.
        if recording {
            for file in loaded.files { read[UnchangedBuild.readKey(folder: 0, path: file.sourceFile)] = file.digest }
        }
        return (graph, diagnostics + editorial, memoNote.map { [$0] } ?? [], saving, read)
    }

    public static func build(_ given: Options, progress: (@Sendable (Progress) -> Void)? = nil) throws(BuildError) -> Report {
        let resolved = given.followingOutputLink
        let start = DispatchTime.now()
        var stages: [(String, Double, Int?)] = []
        var mark = start
        func finish(_ stage: String) {
            let now = DispatchTime.now()
            stages.append((stage, Double(now.uptimeNanoseconds - mark.uptimeNanoseconds) / 1e9, PeakMemory.bytes))
            mark = now
        }
        try checkDirectories(resolved)
        // A cache folder no file can be written in is not used: the build is then a build
        // without one, and says why, instead of one that cannot save what it would reuse.
        let problem = resolved.cache.flatMap(CacheFile.cannotWrite(in:))
        let cacheProblem = problem.map { "\(resolved.display(resolved.cache!)): cannot write the cache (\($0.lowercased())); "
            + "this build does all its work and keeps nothing for the next" }
        let options = problem == nil ? resolved : resolved.withoutCache
        // The sites the last build retired (and could not sweep before it exited) are made spare
        // files while this one loads (`RetiredSites`, `SpareFiles`), or while it ends at once.
        if let cache = options.cache { RetiredSites.sweep(RetiredSites.folder(in: cache)) }
        // What the build is given, before anything is read; and a build with nothing to do ends here.
        let shortcut = options.cache != nil && options.endsWhenNothingChanged
        let inputs = shortcut ? UnchangedBuild.inputs(options) : nil
        let earlier = shortcut ? options.cache.flatMap { UnchangedBuild.read(options, cache: $0) } : nil
        if let inputs, let cache = options.cache, let found = UnchangedBuild.unchanged(options, inputs: inputs, record: earlier) {
            if let update = found.update { UnchangedBuild.write(update, options: options, cache: cache) }
            return unchanged(found, options: options, start: start)
        }
        // An incremental build holds the last build's cache to the end: it gives memory back sooner.
        let givingBack = options.cache == nil ? nil : MallocTuning.givePagesBackSooner()
        defer { givingBack?.restore() }
        // Templates first: a wrong folder or a syntax error stops the build before minutes of loading.
        let templates = try TemplateSet(directory: options.templates, displayRoot: options.display(options.templates))
        // The build cache is read while the articles are loaded (it can be tens of megabytes).
        let cacheFile = options.cache.map { BuildCache.file(in: $0, for: options.output) }
        let loadingCache = BackgroundValue { cacheFile.map { BuildCache.load($0, output: options.output) } ?? (nil, nil) }
        // The templates' keys are checked then too, off the way from the graph to the pages.
        let checkingTemplates = BackgroundValue { templateDiagnostics(templates) }
        progress?(Progress(stage: "loading and linking", done: 0, total: 1))
        // An article file the last record holds settled, with the stamps it has now, is not read.
        let known = inputs.map { UnchangedBuild.knownArticleDigests($0, record: earlier) } ?? [:]
        let (graph, loadDiagnostics, loadNotes, saving, read) = loadAndLink(options, known: known)
        defer { _ = saving?.value }
        finish("load and link")
        let (cache, cacheNote) = loadingCache.value
        let plan = SitePlanner.plan(graph, incremental: options.cache != nil, earlierRelated: cache?.related)
        finish("site")

        var diagnostics = loadDiagnostics
        diagnostics += checkingTemplates.value
        let renderer = PageRenderer(templates: templates, settings: graph.settings)

        let site = try StagedSite(OutputDirectory(options.output), cache: options.cache)
        do throws(BuildError) {
            let generated = plan.paths + plan.publishedFiles
            try site.makeFolders(for: generated)
            // Every file the site will have, so that each page's links are checked against it as it is scanned.
            let staticDirectory = options.content.appendingPathComponent("static")
            let assets = options.templates.appendingPathComponent("assets")
            let files = SiteWriter.files(generated: generated, assets: assets, staticFiles: staticDirectory)
            let linkedFiles = cacheFile == nil ? "" : BuildCache.linkedFilesDigest(files)
            // The data files (`briefing.json`, the search index…) are written on a thread of their
            // own while the pages render: they need the graph only, and one of them is the largest file.
            let dataFiles = DataFileWriter(plan.files, into: site, earlier: cache?.files ?? [:])
            let rendered = Result { () throws(BuildError) in
                try renderAndWrite(plan, with: renderer, into: site, cache: cache ?? BuildCache(), files: files,
                               linkedFiles: linkedFiles, keepInputs: cacheFile != nil, progress: progress)
            }
            let fileRecords = try dataFiles.wait()
            let pages = try rendered.get()
            finish("render and write")

            progress?(Progress(stage: "checking links", done: 0, total: 1))
            // The data files' records hold the whole search index too, which the site does not publish.
            let unpublished = Set(plan.files.filter { !$0.published }.map(\.path))
            let copied = try SiteWriter.copyFiles(
                into: site, generated: Set(generated).union(fileRecords.keys.filter { !unpublished.contains($0) }), files: files,
                assets: FileTree.exists(assets, directory: true) ? assets : nil,
                staticFiles: FileTree.exists(staticDirectory, directory: true) ? staticDirectory : nil,
                staticDisplayRoot: options.display(staticDirectory), digests: shortcut)
            diagnostics += copied.diagnostics
            // A recycled staging directory still has the files of the site before, which this one may not.
            site.prune(keeping: copied.written)
            var links = pages.entries.mapValues(\.links)
            links.merge(copied.links.mapValues(StoredLinks.init)) { generated, _ in generated }
            // Pages kept as the last build left them need no check unless they lead to a file gone since,
            // or to an id on a page whose ids changed: a page made again often has the same ones
            // (an actor page with one more snippet), and the pages that link into it by id (a
            // thousand at 10,000 articles, 800,000 links) are then not checked again. A page put in a
            // new layout with the links it had is, for the check, a kept page.
            let removed = Set(cache?.checkedFiles ?? []).subtracting(copied.written)
            var sameIDs = pages.kept
            for (path, entry) in pages.entries where !pages.kept.contains(path) && cache?.entries[path]?.links.ids == entry.links.ids {
                sameIDs.insert(path)
            }
            // The cache is saved while the links are checked, beside the last build's, which it
            // replaces once the site is published: a build that fails leaves the output and the
            // cache as they were, and the build after it is as incremental as this one.
            let pendingCache = cacheFile.map(BuildCache.pending(for:))
            let savingCache = pendingCache.map { [entries = pages.entries, written = copied.written, related = plan.index.relatedLists] pendingCache in
                // The 12,000 paths sorted on that thread too, not before the link check.
                BackgroundValue { () -> Bool in
                    let checkedFiles = written.sorted { $0.bytesPrecede($1) }
                    var cache = BuildCache(entries: entries, files: fileRecords, checkedFiles: checkedFiles, linkedFiles: linkedFiles)
                    cache.related = related
                    return (try? cache.save(pendingCache, output: options.output)) != nil
                }
            }
            do throws(BuildError) {
                try SiteWriter.check(links, files: copied.written, unchanged: pages.kept.union(pages.sameLinks), removed: removed, sameIDs: sameIDs,
                                     output: site.output)
                // The site this one replaces is kept for the next build to write over when most of
                // its files are this one's (see `StagedSite`); after a build that rendered most pages
                // again (a template edit) it is deleted, as the next build would only replace it.
                try site.publish(keepingPrevious: pages.rendered * 2 < plan.pageCount)
            } catch {
                _ = savingCache?.value
                if let pendingCache { try? FileManager.default.removeItem(at: pendingCache) }
                throw error
            }
            finish("check and publish")
            var pagesSaved = savingCache?.value ?? true
            if pagesSaved, let cacheFile, let pendingCache, rename(pendingCache.path, cacheFile.path) != 0 {
                pagesSaved = false
            }
            if !pagesSaved, let cacheFile {
                // Not saved: the last build's cache no longer describes the output.
                try? FileManager.default.removeItem(at: cacheFile)
            }
            // What could not be saved is said (a full disk), as a cache that cannot be written is.
            let unsaved = [(saving?.value ?? true) ? nil : "the articles' memo", pagesSaved ? nil : "the pages' cache"].compactMap { $0 }
            let saveProblem = options.cache.flatMap { cache in unsaved.isEmpty ? nil
                : "\(options.display(cache)): could not save \(unsaved.joined(separator: " and ")); the next build does that work again" }
            var report = Report(articles: graph.articles.count, pages: plan.pageCount, filesWritten: copied.written.count,
                                pagesRendered: pages.rendered, pagesMade: pages.made, pagesReframed: pages.reframed, pagesSpliced: pages.spliced,
                                dataPartsCopied: fileRecords.values.map(\.copied).reduce(0, +), notes: loadNotes + (cacheNote.map { [$0] } ?? []),
                                actors: plan.actorCount, dates: plan.dateCount, diagnostics: diagnostics, seconds: 0, stages: stages,
                                templateMetrics: pages.metrics)
            // Freeing the graph, the pages' index and the caches of a large briefing takes a while
            // (half a second at 10,000 articles): it is done on a thread of its own, which a build
            // from the command line does not wait for.
            Background.release((plan, graph, loadingCache, pages, links))
            if shortcut, let cache = options.cache {
                var both = read.merging(templates.fileDigests.map { (UnchangedBuild.readKey(folder: 1, path: $0.key), $0.value) },
                                        uniquingKeysWith: { first, _ in first })
                // The files copied, by their paths in their folders: the assets in the templates
                // folder, the static files in the content folder.
                for (number, root) in [options.content, options.templates].enumerated() {
                    for (path, digest) in copied.read {
                        if let key = UnchangedBuild.readKey(folder: number, root: root, file: path) { both[key] = digest }
                    }
                }
                UnchangedBuild.record(report, inputs: inputs, earlier: earlier, read: both, options: options, cache: cache)
            }
            report.cacheProblem = cacheProblem ?? saveProblem
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        } catch {
            site.discard(keepingForNextBuild: error.step != .write)
            throw error.leaving(site.output)
        }
    }

    /// The report of a build with nothing to do (`UnchangedBuild`): the last build's, with no page
    /// made. What a build killed before left beside the output is cleared, as any build clears it
    /// (the sites the last build retired are swept as for any build with the cache: `build`
    /// started the sweep before it looked for a record).
    static func unchanged(_ found: UnchangedBuild.Unchanged, options: Options, start: DispatchTime) -> Report {
        try? OutputDirectory(options.output).clearLeftovers()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let record = found.record
        let rewritten = found.rewritten == 0 ? "" : " (\(found.rewritten) \(found.rewritten == 1 ? "file" : "files") written again with the same bytes)"
        return Report(articles: record.articles, pages: record.pages, filesWritten: record.files, pagesRendered: 0,
                      notes: ["nothing changed since the last build\(rewritten): \(options.output.lastPathComponent)/ is as it left it"],
                      actors: record.actors, dates: record.dates, diagnostics: record.diagnostics, seconds: seconds,
                      stages: [("nothing changed", seconds, PeakMemory.bytes)])
    }

    /// Renders every page in memory, in page order (for tests and `check`).
    static func render(_ pages: [Page], with renderer: PageRenderer, threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws(BuildError) -> [(path: String, bytes: [UInt8])] {
        let results = Parallel.map(pages, threads: threads) { page -> Result<[UInt8], BuildError> in
            do throws(BuildError) { return .success(Array(try renderer.render(page).utf8)) } catch { return .failure(error) }
        }
        var files: [(path: String, bytes: [UInt8])] = []
        for (page, result) in zip(pages, results) {
            switch result {
            case .success(let bytes): files.append((page.path, bytes))
            case .failure(let error): throw error
            }
        }
        return files
    }

    /// Every key named in a template must exist in some context: catches `{{titel}}`.
    static func templateDiagnostics(_ templates: TemplateSet) -> [Diagnostic] {
        TemplateCheck.unknownKeys(in: templates, vocabulary: TemplateCheck.knownKeys).map(\.diagnostic)
    }

    /// What a build checks before it reads anything (and `serve` before it listens): the content
    /// directory is there (a mistyped `--content` would publish an empty site), and the output
    /// directory may be replaced (`checkOutputIsSafe`).
    public static func checkDirectories(_ options: Options) throws(BuildError) {
        guard FileTree.exists(options.content, directory: true) else {
            throw BuildError(.load, file: options.display(options.content), contentNotFound)
        }
        try checkOutputIsSafe(options)
        try checkCacheIsApart(options)
    }

    static let contentNotFound = "content directory not found"

    /// The cache may not be, or sit inside, the output (each build replaces it, and would
    /// publish the cache) nor the content or templates (which builds read and `serve` watches).
    static func checkCacheIsApart(_ options: Options) throws(BuildError) {
        guard let cache = options.cache else { return }
        for (folder, what) in [(options.output, "each build replaces it whole"), (options.content, "builds read it"),
                               (options.templates, "builds read it")] {
            if lies(cache, within: folder) {
                throw BuildError(.write, file: options.display(cache),
                                 "the cache directory is inside \(options.display(folder)), and \(what); keep it apart (the default is `.briefing-cache` in the working directory)")
            }
        }
    }

    /// The output directory is replaced whole, so it must not be, hold or sit inside the inputs,
    /// nor be a folder that holds anything but a site.
    static func checkOutputIsSafe(_ options: Options) throws(BuildError) {
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if output == "/" || output == home || output == cwd {
            throw BuildError(.write, file: options.display(options.output), "refusing to replace this directory with the site")
        }
        for input in [options.content, options.templates] {
            if lies(input, within: options.output) || lies(options.output, within: input) {
                throw BuildError(.write, file: options.display(options.output),
                                 "the output directory overlaps \(options.display(input)); it is replaced on every build")
            }
        }
        if let reason = OutputDirectory(options.output).notReplaceable() {
            throw BuildError(.write, file: options.display(options.output), "refusing to replace this directory with the site: " + reason)
        }
    }

    /// Whether `inner` is `outer` or a folder below it, once links are resolved.
    static func lies(_ inner: URL, within outer: URL) -> Bool {
        let path = inner.standardizedFileURL.resolvingSymlinksInPath().path
        let folder = outer.standardizedFileURL.resolvingSymlinksInPath().path
        return path == folder || path.hasPrefix(folder + "/")
    }
}
