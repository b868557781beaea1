import Foundation
import Testing
@testable import BriefingKit

/// `briefing build --template-metrics`: each template's pages, what became of them in the build,
/// and where their time went.
@Suite("Template metrics")
struct TemplateMetricsTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func row(_ report: SiteBuilder.Report, _ template: String) throws -> TemplateMetrics.Row {
        try #require(report.templateMetrics.rows.first { $0.template == template }, "no row for \(template)")
    }

    /// The sizes of the files directly in one folder of the site, by name.
    static func fileSizes(in folder: URL) throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
            sizes[name] = try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int)
        }
        return sizes
    }

    @Test func aCleanBuildMakesAndRendersEveryPageOfEachTemplate() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try SiteBuilder.build(workspace.options())
        let rows = report.templateMetrics.rows
        #expect(report.templateMetrics.threads == ProcessInfo.processInfo.activeProcessorCount)
        #expect(rows.map(\.template) == rows.map(\.template).sorted())
        #expect(rows.map(\.pages).reduce(0, +) == report.pages)
        for row in rows {
            #expect(row.made == row.pages && row.rendered == row.pages && row.remade == 0, "\(row.template)")
            #expect(row.context > 0 && row.mustache > 0 && row.html > 0 && row.write > 0, "\(row.template)")
            let slowest = try #require(row.slowest)
            #expect(slowest.seconds > 0 && slowest.seconds <= row.total)
        }
        // One article page for each article, and the bytes counted are those of the files written.
        let articles = try Self.row(report, ArticlePages.template)
        let files = try Self.fileSizes(in: workspace.output.appendingPathComponent("articles"))
        #expect(articles.pages == report.articles && files.count == report.articles)
        #expect(articles.bytes == files.values.reduce(0, +))
        #expect(try Self.row(report, PrintableBriefing.template).pages == 1)
        #expect(try Self.row(report, PrintableBriefing.template).slowest?.path == SitePath.printable)
    }

    @Test func anUnchangedBuildRendersNothingAndAnEditedLayoutRemakesEveryPage() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        _ = try SiteBuilder.build(workspace.options())
        let unchanged = try SiteBuilder.build(workspace.options())
        let rows = unchanged.templateMetrics.rows
        #expect(rows.map(\.made).reduce(0, +) == unchanged.pagesMade)
        #expect(rows.allSatisfy { $0.rendered == 0 && $0.remade == 0 && $0.bytes == 0 && $0.mustache == 0 })
        // Every page's inputs are digested; most article pages' alone tell they are unchanged (a
        // page with notes is always made: `ArticlePageInputs`).
        let articles = try Self.row(unchanged, ArticlePages.template)
        #expect(articles.inputs > 0 && articles.made < articles.pages)

        try LayoutEditTests.editLayout(workspace) { $0.replacingOccurrences(of: "</footer>", with: LayoutEditTests.footer) }
        let edited = try SiteBuilder.build(workspace.options())
        let remade = edited.templateMetrics.rows
        #expect(remade.map(\.remade).reduce(0, +) == edited.pagesReframed && edited.pagesReframed == edited.pages)
        #expect(remade.allSatisfy { $0.rendered == 0 && $0.mustache == 0 && $0.remaking > 0 })
        let files = try Self.fileSizes(in: workspace.output.appendingPathComponent("articles"))
        #expect(try Self.row(edited, ArticlePages.template).bytes == files.values.reduce(0, +))
    }

    @Test func theTableListsTheCostliestTemplateFirstInAlignedColumns() {
        func timing(_ milliseconds: UInt64) -> PageTiming {
            var timing = PageTiming()
            timing.context = milliseconds * 1_000_000
            timing.mustache = 2 * milliseconds * 1_000_000
            return timing
        }
        var kept = PageTiming()
        kept.inputs = 100_000_000
        let metrics = TemplateMetrics([
            (path: "articles/a.html", template: "article", timing: timing(10), made: true, rendered: true, remade: false, bytes: 2048),
            (path: "actors/x.html", template: "actor", timing: timing(400), made: true, rendered: true, remade: false, bytes: 10240),
            (path: "articles/b.html", template: "article", timing: timing(30), made: true, rendered: true, remade: false, bytes: 4096),
            (path: "index.html", template: "index", timing: PageTiming(), made: false, rendered: false, remade: false, bytes: 0),
            (path: "articles/c.html", template: "article", timing: kept, made: false, rendered: false, remade: false, bytes: 0),
        ], threads: 2)
        #expect(metrics.heading == "Template metrics (thread time, summed over 2 threads; partials count under the page's template):")
        #expect(metrics.rows.map(\.template) == ["actor", "article", "index"])
        // The article pages: 10 + 30 ms of context, twice that in Mustache; 60 ms and 3 KB a page
        // made; the inputs of one kept unmade, 100 ms, are in their total but not in that mean.
        #expect(metrics.table == [
            "template    pages  made  rendered  remade  inputs  context  Mustache    HTML  remaking   write   total   per page  KB per page  slowest page",
            "actor.md        1     1         1       0  0.00 s   0.40 s    0.80 s  0.00 s    0.00 s  0.00 s  1.20 s  1200.0 ms         10.0  actors/x.html (1200.0 ms)",
            "article.md      3     2         2       0  0.10 s   0.04 s    0.08 s  0.00 s    0.00 s  0.00 s  0.22 s    60.0 ms          3.0  articles/b.html (90.0 ms)",
            "index.md        1     0         0       0  0.00 s   0.00 s    0.00 s  0.00 s    0.00 s  0.00 s  0.00 s          -            -  -",
            "all             5     3         3       0  0.10 s   0.44 s    0.88 s  0.00 s    0.00 s  0.00 s  1.42 s",
        ])
        // What `build` and `serve` print: the heading, then the table indented.
        #expect(metrics.printed.count == 1 + metrics.table.count)
        #expect(metrics.printed.first == metrics.heading && metrics.printed[2].hasPrefix("  actor.md        1"))
    }
}
