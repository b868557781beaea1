/// `briefing check`: lints the content without writing the site. With a cache (`options.cache`)
/// it reads what the last build left and writes nothing there either: the articles' memo, so that
/// unchanged articles are not read and linked again, and the build cache of `options.output`, so
/// that a page that is the same as when it was built (same inputs or fingerprint, same templates)
/// is not rendered again: its links are the ones the build found in it; one whose template
/// changed is made in memory from its file in the output, as the build would make it. Every link
/// is then verified against the site as it would be now.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var actors: ActorSuggestions
    public var articleCount: Int
    /// Pages whose links came from the build cache, not from rendering them.
    public var pagesKnown = 0
    /// Pages made from their file in the output after an edit to a template, not rendered
    /// (`SiteBuilder.remake`): put in the new layout, or with the template's new chunks spliced in.
    public var pagesRemade = 0

    /// Where a page's links came from: the build cache, the page made from its file (with the links
    /// it had, or not), or the page rendered.
    enum Source { case known, remade(sameLinks: Bool), rendered }

    public static func run(_ given: SiteBuilder.Options) -> CheckReport {
        // The cache names the output as a build does: the folder a link leads to.
        let options = given.followingOutputLink
        let linked = SiteBuilder.loadAndLink(options, saveMemo: false)
        let (graph, loaded) = (linked.graph, linked.diagnostics)
        let (linkDiagnostics, known, remade) = links(graph, options: options)
        var diagnostics = loaded + suspiciousDates(graph, contentName: options.display(options.content)) + linkDiagnostics
        if !FileTree.exists(options.content, directory: true) {
            // Not "no articles" and "no settings": the one problem, as `build` says it.
            diagnostics = [Diagnostic(.error, file: options.display(options.content), SiteBuilder.contentNotFound)]
        }
        diagnostics.sort()
        return CheckReport(diagnostics: diagnostics, actors: ActorSuggestions(graph), articleCount: graph.articles.count, pagesKnown: known,
                           pagesRemade: remade)
    }

    /// Dates that resolved, but oddly: a weekday that does not match its date ("Wednesday,
    /// February 20" in 2025), or a year far from the publication date.
    static func suspiciousDates(_ graph: BriefingGraph, contentName: String) -> [Diagnostic] {
        let articles = Dictionary(uniqueKeysWithValues: graph.articles.map { ($0.id, $0) })
        var found: [Diagnostic] = []
        for mention in graph.dates {
            guard let article = articles[mention.articleID] else { continue }
            let reference = mention.reference
            let line = article.blocks.first { $0.number == mention.block }?.line
            let file = contentName + "/" + article.sourceFile
            if reference.granularity == .day, let day = CalendarDay(iso: reference.value),
               let first = reference.text.split(separator: ",").first, let weekday = DateLexicon.weekdays[first.lowercased()],
               weekday != day.weekday {
                found.append(Diagnostic(file: file, line: line, "“\(reference.text)”: \(day.longForm) is not a \(first); check the date"))
            }
            for point in reference.points {
                if let start = TimexValue.start(point), abs(start.year - article.published.year) > 60, reference.granularity != .decade {
                    found.append(Diagnostic(file: file, line: line, "“\(reference.text)” resolves to \(TimexValue.label(point)), more than 60 years from the publication date"))
                }
            }
        }
        return found
    }

    /// Renders the site in memory and checks its links, without writing anything; also says how
    /// many pages' links came from the build cache, and how many pages were made from their file.
    static func links(_ graph: BriefingGraph, options: SiteBuilder.Options) -> (diagnostics: [Diagnostic], known: Int, remade: Int) {
        let templatesName = options.display(options.templates)
        let templates: TemplateSet
        do {
            templates = try TemplateSet(directory: options.templates, displayRoot: templatesName)
        } catch {
            return ([Diagnostic(.error, file: error.file ?? templatesName, line: error.line, error.message)], 0, 0)
        }
        let cache = options.cache.flatMap { BuildCache.load(BuildCache.file(in: $0, for: options.output), output: options.output).cache }
        let plan = SitePlanner.plan(graph, incremental: cache != nil, earlierRelated: cache?.related)
        var diagnostics = SiteBuilder.templateDiagnostics(templates)
        let renderer = PageRenderer(templates: templates, settings: graph.settings)
        // Rendered and scanned one page at a time, on every core, as a build does; nothing is written.
        let files = SiteWriter.files(generated: plan.paths + plan.publishedFiles, assets: options.templates.appendingPathComponent("assets"),
                                     staticFiles: options.content.appendingPathComponent("static"))
        // The output as the last build left it: a page it can make again from its file there (a
        // template edited) is made so in memory, as the build would (`SiteBuilder.remake`).
        let outputRoot = OutputDirectory(options.output).url.path
        let sameFiles = cache.map { !$0.linkedFiles.isEmpty && $0.linkedFiles == BuildCache.linkedFilesDigest(files) } ?? false
        let scanned = Parallel.map(Array(0..<plan.pageCount)) { number -> (String, Result<StoredLinks, BuildError>, Source) in
            let path = plan.path(at: number)
            // As a build decides whether a page is unchanged (`SiteBuilder.renderAndWrite`), but
            // with no file to keep: its inputs digest, or else its fingerprint, and its templates.
            let known = cache?.entries[path]
            let inputs = known == nil ? nil : renderer.inputsKey({ plan.inputs(at: number, into: &$0) })
            if let known, let inputs, known.holds(inputs: inputs.key, templates: renderer.templateDigest(for: inputs.template)) {
                return (path, .success(known.links), .known)
            }
            var made: Page?
            func page() -> Page {
                if let made { return made }
                made = plan.page(at: number)
                return made!
            }
            func page(needing names: ContextNames) -> Page {
                names.isAll || made != nil ? page() : plan.page(at: number, needing: names)
            }
            func remade(_ known: BuildCache.Entry, template: String) -> (StoredLinks, Source)? {
                SiteBuilder.remake(path, known: known, template: template, page: page(needing:), with: renderer,
                                   previous: { StagedSite.file(path, under: outputRoot, stamp: known.stamp) })
                    .flatMap { SiteBuilder.links(of: $0, path: path, known: known, files: files, sameFiles: sameFiles) }
                    .map { ($0.links, .remade(sameLinks: $0.same)) }
            }
            let sameInputs = inputs != nil && known?.inputs == inputs?.key
            if sameInputs, let known, let inputs, let (links, source) = remade(known, template: inputs.template) {
                return (path, .success(links), source)
            }
            let page = page()
            if let known {
                let fingerprint = renderer.fingerprint(page)
                if known.holds(fingerprint: fingerprint, templates: renderer.templateDigest(for: page.template)) {
                    return (path, .success(known.links), .known)
                }
                if !sameInputs, known.fingerprint == fingerprint, let (links, source) = remade(known, template: page.template) {
                    return (path, .success(links), source)
                }
            }
            do throws(BuildError) {
                return (path, .success(StoredLinks(LinkChecker.scan(try renderer.render(page), on: path, files: files))), .rendered)
            } catch {
                return (path, .failure(error), .rendered)
            }
        }
        var links: [String: StoredLinks] = [:]
        var known = 0, remade = 0
        // As the build checks its links (`SiteBuilder.build`): the pages with the links the last
        // build's check passed are checked again only where they lead to a file gone or into a
        // page whose ids changed.
        var unchanged = Set<String>(), sameIDs = Set<String>()
        for (path, result, source) in scanned {
            switch result {
            case .success(let pageLinks): links[path] = pageLinks
            case .failure(let error): diagnostics.append(Diagnostic(.error, file: error.file ?? templatesName, line: error.line, error.message))
            }
            switch source {
            case .known: known += 1; unchanged.insert(path)
            case .remade(let sameLinks): remade += 1; if sameLinks { unchanged.insert(path) }
            case .rendered: break
            }
            if unchanged.contains(path) || (links[path] != nil && cache?.entries[path]?.links.ids == links[path]!.ids) { sameIDs.insert(path) }
        }
        let removed = Set(cache?.checkedFiles ?? []).subtracting(files)
        for problem in LinkChecker.verify(links, files: files, unchanged: unchanged, removed: removed, sameIDs: sameIDs) {
            diagnostics.append(Diagnostic(.error, file: "(site) " + problem.page, "broken link `\(problem.link)`: \(problem.reason)"))
        }
        return (diagnostics, known, remade)
    }

    /// Readable text, grouped by file; control characters from the input are shown escaped.
    public var text: String {
        var out: [String] = []
        if !diagnostics.isEmpty {
            out.append("Problems (\(diagnostics.count)):")
            var lastFile = ""
            for diagnostic in diagnostics {
                if diagnostic.file != lastFile {
                    out.append("  \(diagnostic.file)")
                    lastFile = diagnostic.file
                }
                out.append("    " + (diagnostic.line.map { "line \($0): " } ?? "") + "\(diagnostic.severity.rawValue): \(diagnostic.message)")
            }
            out.append("")
        }
        if actors.suggestions.isEmpty {
            out.append("Every actor found in the text is in the gazetteer.")
        } else {
            out.append("Actors found in the text but not in the gazetteer (\(actors.suggestions.count)):")
            for suggestion in actors.suggestions {
                out.append("  \(suggestion.actor.name) (\(suggestion.actor.kind.rawValue)): \(suggestion.counts)")
            }
            out.append("")
            out.append("Ready to paste into actors.yml:")
            out.append(actors.yaml)
        }
        out.append("")
        if actors.unresolved.isEmpty {
            out.append("No ambiguous names.")
        } else {
            out.append("Names left unlinked because they fit more than one actor (\(actors.unresolved.count)):")
            for name in actors.unresolved {
                out.append("  \(name.name) in \(name.articleID) ¶\(name.block): could be \(name.candidates.joined(separator: ", "))")
            }
        }
        return PrintableText.escape(out.joined(separator: "\n"), keepingLineBreaks: true)
    }
}
