import Foundation

/// Results of parallel rendering, one slot per page.
final class RenderResults: @unchecked Sendable {
    private var slots: [Result<[UInt8], BuildError>?]
    private let lock = NSLock()
    private(set) var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<[UInt8], BuildError>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
        done += 1
    }

    func value(_ index: Int) -> Result<[UInt8], BuildError> {
        lock.lock(); defer { lock.unlock() }
        return slots[index]!
    }
}

/// The whole pipeline: Load → Link → Site → Render → Write.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL

        public init(content: URL, templates: URL, output: URL) {
            self.content = content
            self.templates = templates
            self.output = output
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
        public var actors: Int
        public var dates: Int
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        /// Seconds spent in each stage, in pipeline order.
        public var stages: [(stage: String, seconds: Double)]

        /// The line every build ends with.
        public var summary: String {
            "Built \(Count.phrase(articles, "article")) into \(Count.phrase(pages, "page")) (\(Count.phrase(filesWritten, "file"))): "
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
        let contentName = options.display(options.content)
        let (settings, settingsDiagnostics) = SiteSettings.load(options.content.appendingPathComponent("briefing.yml"),
                                                                displayPath: contentName + "/briefing.yml")
        let loaded = ArticleLoader.load(directory: options.content.appendingPathComponent("articles"), displayRoot: contentName)
        var diagnostics = settingsDiagnostics + loaded.diagnostics
        if loaded.articles.isEmpty {
            diagnostics.append(Diagnostic(file: contentName + "/articles", "no articles found"))
        }
        let (gazetteer, gazetteerDiagnostics) = Gazetteer.load(options.content.appendingPathComponent("actors.yml"),
                                                               displayPath: contentName + "/actors.yml")
        diagnostics += gazetteerDiagnostics
        return (Linker.link(articles: loaded.articles, gazetteer: gazetteer, settings: settings), diagnostics)
    }

    public static func build(_ options: Options, progress: (@Sendable (Progress) -> Void)? = nil) throws(BuildError) -> Report {
        let start = DispatchTime.now()
        var stages: [(String, Double)] = []
        var mark = start
        func finish(_ stage: String) {
            let now = DispatchTime.now()
            stages.append((stage, Double(now.uptimeNanoseconds - mark.uptimeNanoseconds) / 1e9))
            mark = now
        }
        try checkOutputIsSafe(options)
        progress?(Progress(stage: "loading and linking", done: 0, total: 1))
        let (graph, loadDiagnostics) = load(options)
        finish("load and link")
        let plan = SitePlanner.plan(graph)
        let pages = plan.pages
        finish("site")

        let templates = try TemplateSet(directory: options.templates, displayRoot: options.display(options.templates))
        var diagnostics = loadDiagnostics
        diagnostics += templateDiagnostics(templates, pages: pages)
        let renderer = PageRenderer(templates: templates, settings: graph.settings)
        var files = try render(pages, with: renderer, progress: progress)
        files += plan.files
        finish("render")

        progress?(Progress(stage: "writing and checking links", done: 0, total: files.count))
        let staticDirectory = options.content.appendingPathComponent("static")
        let assets = options.templates.appendingPathComponent("assets")
        let input = SiteWriter.Input(files: files,
                                     assets: FileTree.exists(assets, directory: true) ? assets : nil,
                                     staticFiles: FileTree.exists(staticDirectory, directory: true) ? staticDirectory : nil,
                                     staticDisplayRoot: options.display(staticDirectory))
        let written = try SiteWriter.write(input, to: OutputDirectory(options.output))
        finish("write and check")
        diagnostics += written.diagnostics
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Report(articles: graph.articles.count, pages: pages.count, filesWritten: written.filesWritten,
                      actors: plan.actorCount, dates: plan.dateCount,
                      diagnostics: diagnostics, seconds: seconds, stages: stages)
    }

    /// Renders every page, on every core. Each page is rendered on its own, and the results keep the
    /// pages' order, so the output is the same bytes as a single-threaded build.
    static func render(_ pages: [Page], with renderer: PageRenderer, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                       progress: (@Sendable (Progress) -> Void)? = nil) throws(BuildError) -> [(path: String, bytes: [UInt8])] {
        let results = RenderResults(count: pages.count)
        let chunks = max(1, min(threads, pages.count)) * 4
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var number = chunk
            while number < pages.count {
                let page = pages[number]
                do throws(BuildError) {
                    results.set(number, .success(Array(try renderer.render(page).utf8)))
                } catch {
                    results.set(number, .failure(error))
                }
                if number % 64 == 0 { progress?(Progress(stage: "rendering pages", done: results.done, total: pages.count)) }
                number += chunks
            }
        }
        var files: [(path: String, bytes: [UInt8])] = []
        files.reserveCapacity(pages.count)
        for (number, page) in pages.enumerated() {
            switch results.value(number) {
            case .success(let bytes): files.append((page.path, bytes))
            case .failure(let error): throw error
            }
        }
        return files
    }

    /// Every key named in a template must exist in some context: catches `{{titel}}`. Contexts are
    /// read until every key is found (an empty list hides its element's keys), so a clean site
    /// costs a few pages of reflection and only a real typo costs a full pass.
    static func templateDiagnostics(_ templates: TemplateSet, pages: [Page]) -> [Diagnostic] {
        var vocabulary = TemplateCheck.vocabulary(of: [LayoutContext.sample])
        var diagnostics = TemplateCheck.unknownKeys(in: templates, vocabulary: vocabulary)
        for page in pages where !diagnostics.isEmpty {
            vocabulary.formUnion(TemplateCheck.vocabulary(of: [page.context]))
            diagnostics = diagnostics.filter { !vocabulary.contains($0.key) }
        }
        return diagnostics.map(\.diagnostic)
    }

    /// The output directory is replaced whole, so it must not be, hold or sit inside the inputs.
    static func checkOutputIsSafe(_ options: Options) throws(BuildError) {
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if output == "/" || output == home || output == cwd {
            throw BuildError(.write, file: options.display(options.output), "refusing to replace this directory with the site")
        }
        for input in [options.content, options.templates] {
            let path = input.standardizedFileURL.resolvingSymlinksInPath().path
            if path == output || path.hasPrefix(output + "/") || output.hasPrefix(path + "/") {
                throw BuildError(.write, file: options.display(options.output),
                                 "the output directory overlaps \(options.display(input)); it is replaced on every build")
            }
        }
    }
}
