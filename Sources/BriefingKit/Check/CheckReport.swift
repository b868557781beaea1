/// `briefing check`: lints the content without writing the site.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var actors: ActorSuggestions
    public var articleCount: Int

    public static func run(_ options: SiteBuilder.Options) -> CheckReport {
        let (graph, loaded) = SiteBuilder.load(options)
        var diagnostics = loaded + suspiciousDates(graph, contentName: options.display(options.content)) + links(graph, options: options)
        diagnostics.sort()
        return CheckReport(diagnostics: diagnostics, actors: ActorSuggestions(graph), articleCount: graph.articles.count)
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

    /// Renders the site in memory and checks its links, without writing anything.
    static func links(_ graph: BriefingGraph, options: SiteBuilder.Options) -> [Diagnostic] {
        let templatesName = options.display(options.templates)
        let templates: TemplateSet
        do {
            templates = try TemplateSet(directory: options.templates, displayRoot: templatesName)
        } catch {
            return [Diagnostic(.error, file: error.file ?? templatesName, line: error.line, error.message)]
        }
        let plan = SitePlanner.plan(graph)
        var diagnostics = SiteBuilder.templateDiagnostics(templates)
        let renderer = PageRenderer(templates: templates, settings: graph.settings)
        // Rendered and scanned one page at a time, on every core, as a build does; nothing is written.
        let files = SiteWriter.files(generated: plan.paths + plan.files.map(\.path), assets: options.templates.appendingPathComponent("assets"),
                                     staticFiles: options.content.appendingPathComponent("static"))
        let scanned = Parallel.map(Array(0..<plan.pageCount)) { number -> (String, Result<LinkChecker.PageLinks, BuildError>) in
            let page = plan.page(at: number)
            do throws(BuildError) {
                return (page.path, .success(LinkChecker.scan(try renderer.render(page), on: page.path, files: files)))
            } catch {
                return (page.path, .failure(error))
            }
        }
        var links: [String: LinkChecker.PageLinks] = [:]
        for (path, result) in scanned {
            switch result {
            case .success(let pageLinks): links[path] = pageLinks
            case .failure(let error): diagnostics.append(Diagnostic(.error, file: error.file ?? templatesName, line: error.line, error.message))
            }
        }
        for problem in LinkChecker.verify(links, files: files) {
            diagnostics.append(Diagnostic(.error, file: "(site) " + problem.page, "broken link `\(problem.link)`: \(problem.reason)"))
        }
        return diagnostics
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
                out.append("  \(suggestion.actor.name) (\(suggestion.actor.kind.rawValue)): \(Count.phrase(suggestion.mentions, "mention")) in \(Count.phrase(suggestion.articles, "article"))")
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
