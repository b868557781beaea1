import ArgumentParser
import BriefingKit
import BriefingPreview
import Foundation

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build an annotated, cross-linked news briefing as a static site.",
        discussion: """
        Exit status: 0 built; 1 build failed, or --strict and there were warnings (check: there were \
        problems); 64 bad usage.
        """,
        version: Generator.version,
        subcommands: [Build.self, Check.self, Serve.self, BenchCorpusCommand.self],
        defaultSubcommand: Build.self
    )
}

struct Paths: ParsableArguments {
    @Option(help: "Directory with briefing.yml, actors.yml, articles/ and static/.")
    var content = "Content"

    @Option(help: "Directory with the Markdown templates, layout.html and assets/.")
    var templates = "Templates"

    @Option(help: "Output directory. It belongs to briefing: each build replaces it whole, so it must be new, empty or a site briefing wrote.")
    var output = "Public"

    var options: SiteBuilder.Options {
        SiteBuilder.Options(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
                            output: URL(fileURLWithPath: output))
    }
}

struct CacheOptions: ParsableArguments {
    @Option(help: "Cache directory: the next build renders and writes only the pages that changed; check only reads it.")
    var cache = ".briefing-cache"

    @Flag(help: "Build (or check) everything and keep no cache.")
    var noCache = false

    /// The cache's options; `measuring` (`--template-metrics`) makes every page's cost known, so
    /// such a build does not end early when nothing changed.
    func apply(to options: SiteBuilder.Options, measuring: Bool = false) -> SiteBuilder.Options {
        var options = options
        options.cache = noCache ? nil : URL(fileURLWithPath: cache)
        options.endsWhenNothingChanged = !measuring
        return options
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint the content without writing the site: problems, actors missing from the gazetteer, ambiguous names.")

    @OptionGroup var paths: Paths
    @OptionGroup var cache: CacheOptions

    func run() throws {
        let report = CheckReport.run(cache.apply(to: paths.options))
        print(report.text)
        if !report.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

struct BenchCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-corpus",
        abstract: "Write a deterministic synthetic corpus of N articles (and the same as a Hugo site) for benchmarks.")

    @Argument(help: "Number of articles.")
    var count: Int

    @Argument(help: "Directory to write Content/ and hugo/ into.")
    var directory: String

    func validate() throws {
        guard count > 0 else { throw ValidationError("the number of articles must be at least 1") }
    }

    func run() throws {
        let bytes: Int
        do {
            bytes = try BenchCorpus.write(count: count, to: URL(fileURLWithPath: directory))
        } catch let error as BuildError {
            printError(error.description)
            throw ExitCode(1)
        }
        print("Wrote \(count) articles (\(bytes / 1024) KiB of text) to \(directory)/Content and \(directory)/hugo")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on loopback, rebuild on changes to the content or templates, and reload open pages.")

    @OptionGroup var paths: Paths
    @OptionGroup var cache: CacheOptions

    @Option(help: "Port to listen on.")
    var port: UInt16 = 8000

    @Option(help: "Address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Flag(help: "After each build, print what each template's pages cost, as `build --template-metrics` does.")
    var templateMetrics = false

    func run() async throws {
        let server = PreviewServer(options: cache.apply(to: paths.options, measuring: templateMetrics), host: host, port: port, templateMetrics: templateMetrics, log: { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        })
        do {
            try await server.run()
        } catch let failure as ListenFailure {
            printError(failure.description)
            throw ExitCode(1)
        } catch let failure as BuildError {
            printError(failure.description)
            throw ExitCode(1)
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read Content/, render Templates/, write Public/ (the default command).")

    @OptionGroup var paths: Paths
    @OptionGroup var cache: CacheOptions

    @Flag(help: "Exit with status 1 when there is any warning.")
    var strict = false

    @Flag(name: [.short, .long], help: "No progress: only warnings, errors and the summary line.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print the time of each stage.")
    var verbose = false

    @Flag(help: "Print what each template's pages cost: pages made and rendered, the time of each step, the slowest page.")
    var templateMetrics = false

    func run() throws {
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let report: SiteBuilder.Report
        do {
            report = try SiteBuilder.build(cache.apply(to: paths.options, measuring: templateMetrics), progress: { progress.show($0) })
        } catch {
            progress.clear()
            printError(error.description)
            throw ExitCode(1)
        }
        progress.clear()
        if let problem = report.cacheProblem { printError(problem) }
        for diagnostic in report.diagnostics.sorted() { printError(diagnostic.description) }
        if verbose {
            for note in report.notes { print(note) }
            for (stage, seconds, peak) in report.stages {
                let memory = peak.map { String(format: "   peak %.0f MiB", Double($0) / 1_048_576) } ?? ""
                print("  " + stage.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds) + memory)
            }
            if report.pagesRendered < report.pages || report.pagesReframed > 0 || report.pagesSpliced > 0 {
                var ways: [String] = []
                if report.pagesReframed > 0 { ways.append("\(report.pagesReframed) of them only put in the new layout") }
                if report.pagesSpliced > 0 { ways.append("\(report.pagesSpliced) made from their last content and the template's new parts") }
                let how = ways.isEmpty ? "" : " (" + ways.joined(separator: "; ") + ")"
                print("  \(report.pagesMade) pages made, \(report.pagesRendered) rendered\(how); \(report.dataPartsCopied) data file parts copied")
            }
        }
        if templateMetrics {
            for line in report.templateMetrics.printed { print(line) }
        }
        print(report.summary)
        if strict && !report.diagnostics.isEmpty {
            printError("--strict: \(report.diagnostics.count) warning(s) count as errors")
            throw ExitCode(1)
        }
    }
}

/// The stage and progress of a build on one terminal line, shown only after about a second, so
/// that quick builds stay quiet. Nothing when output is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var shown = false
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SiteBuilder.Progress) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        lock.lock(); defer { lock.unlock() }
        let count = progress.total > 1 ? " \(progress.done)/\(progress.total)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.stage)\(count)…".utf8))
        shown = true
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
