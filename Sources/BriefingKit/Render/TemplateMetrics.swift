import Foundation

/// Where one page's time went in a build, in nanoseconds of its thread (`TemplateMetrics`).
struct PageTiming: Sendable {
    /// Digesting the page's inputs, to tell whether it changed (an incremental build only).
    var inputs: UInt64 = 0
    /// Making its context from the graph (`SitePlanner.Recipe.make`).
    var context: UInt64 = 0
    /// Rendering its Markdown template with the context (swift-mustache).
    var mustache: UInt64 = 0
    /// Turning the Markdown into HTML (cmark-gfm, the links on mentions) and putting it in the layout.
    var html: UInt64 = 0
    /// Making it from its last content instead: in a new layout, or with its template's new parts
    /// (`PageSplice`); a page that could not be made so, and was rendered, counts the attempt here.
    var remade: UInt64 = 0
    /// Scanning its links for the check, and writing its file.
    var write: UInt64 = 0

    var total: UInt64 { inputs + context + mustache + html + remade + write }

    /// Nanoseconds since an arbitrary start, for differences.
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `work`, adding the time it took to `field`.
    static func time<T, E: Error>(_ field: inout UInt64, _ work: () throws(E) -> T) throws(E) -> T {
        let start = now
        defer { field &+= now &- start }
        return try work()
    }
}

/// What the pages of each template cost in one build, printed by `briefing build --template-metrics`
/// (Hugo's `--templateMetrics`): how many were made and rendered, the thread time of each step,
/// and the slowest page, to find the template (or the partial it uses) worth making lighter.
/// Partials count under the page's template. The times are each page's thread time summed over
/// the build's threads: on two cores, about twice the wall time of the stage.
public struct TemplateMetrics: Sendable {
    public struct Row: Sendable {
        public var template: String
        /// The site's pages of this template.
        public var pages = 0
        /// Pages whose context this build made.
        public var made = 0
        /// Pages rendered from the template.
        public var rendered = 0
        /// Pages made from their last content (`PageTiming.remade`).
        public var remade = 0
        /// The bytes of the pages written, rendered or remade.
        public var bytes = 0
        /// The thread time of each step, summed over the pages (nanoseconds).
        var time = PageTiming()
        /// The page that took longest, and its time (nanoseconds).
        var slowestPage: (path: String, nanoseconds: UInt64)?
        /// The whole time of the pages made or remade (nanoseconds), inputs and all: what `slowest` is the most of.
        var madeTime: UInt64 = 0

        /// Seconds of thread time per step, as `PageTiming` names them.
        public var inputs: Double { Self.seconds(time.inputs) }
        public var context: Double { Self.seconds(time.context) }
        public var mustache: Double { Self.seconds(time.mustache) }
        public var html: Double { Self.seconds(time.html) }
        public var remaking: Double { Self.seconds(time.remade) }
        public var write: Double { Self.seconds(time.write) }
        public var total: Double { Self.seconds(time.total) }
        /// The page that took longest, and its seconds.
        public var slowest: (path: String, seconds: Double)? { slowestPage.map { ($0.path, Self.seconds($0.nanoseconds)) } }
        /// The mean time of a page made or remade, nil when none was; the inputs digested of pages
        /// kept without being made are not in it.
        public var perPage: Double? { made + remade == 0 ? nil : Self.seconds(madeTime) / Double(made + remade) }

        static func seconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e9 }

        /// Adds a page's times to the row's.
        mutating func add(_ page: PageTiming) {
            time.inputs &+= page.inputs; time.context &+= page.context; time.mustache &+= page.mustache
            time.html &+= page.html; time.remade &+= page.remade; time.write &+= page.write
        }
    }

    /// One row per template, by name.
    public var rows: [Row] = []
    /// The threads the pages were made on, whose times the rows sum.
    public var threads = 1

    /// The line above the table.
    public var heading: String {
        "Template metrics (thread time, summed over \(Count.phrase(threads, "thread")); partials count under the page's template):"
    }

    /// What `--template-metrics` prints, for `briefing build` and `briefing serve` alike: the
    /// heading, then the table indented.
    public var printed: [String] { [heading] + table.map { "  " + $0 } }

    public init() {}

    /// Adds each page, in page order, to its template's row.
    init(_ pages: some Sequence<(path: String, template: String, timing: PageTiming, made: Bool, rendered: Bool, remade: Bool, bytes: Int)>,
         threads: Int = 1) {
        self.threads = threads
        var byTemplate: [String: Row] = [:]
        for page in pages {
            var row = byTemplate[page.template] ?? Row(template: page.template)
            row.pages += 1
            if page.made { row.made += 1 }
            if page.rendered { row.rendered += 1 }
            if page.remade { row.remade += 1 }
            row.bytes += page.bytes
            row.add(page.timing)
            if page.made || page.rendered || page.remade {
                row.madeTime &+= page.timing.total
                // Of pages equally slow, the first in page order.
                if row.slowestPage.map({ page.timing.total > $0.nanoseconds }) ?? true { row.slowestPage = (page.path, page.timing.total) }
            }
            byTemplate[page.template] = row
        }
        rows = byTemplate.values.sorted { $0.template.bytesPrecede($1.template) }
    }

    /// The table `--template-metrics` prints: the costliest template first.
    public var table: [String] {
        // The counts and the times, as every row and the sum of all show them.
        func counts(_ row: Row) -> [String] { [row.pages, row.made, row.rendered, row.remade].map(String.init) }
        func times(_ row: Row) -> [String] {
            [row.inputs, row.context, row.mustache, row.html, row.remaking, row.write, row.total].map { String(format: "%.2f s", $0) }
        }
        let header = ["template", "pages", "made", "rendered", "remade", "inputs", "context", "Mustache", "HTML", "remaking", "write",
                      "total", "per page", "KB per page", "slowest page"]
        let ordered = rows.sorted { $0.total != $1.total ? $0.total > $1.total : $0.template.bytesPrecede($1.template) }
        var lines = [header]
        for row in ordered {
            let written = row.rendered + row.remade
            lines.append([row.template + ".md"] + counts(row) + times(row) + [
                row.perPage.map { String(format: "%.1f ms", $0 * 1000) } ?? "-",
                written == 0 ? "-" : String(format: "%.1f", Double(row.bytes) / 1024 / Double(written)),
                row.slowest.map { "\($0.path) (\(String(format: "%.1f ms", $0.seconds * 1000)))" } ?? "-",
            ])
        }
        let all = rows.reduce(into: Row(template: "all")) { sum, row in
            sum.pages += row.pages; sum.made += row.made; sum.rendered += row.rendered; sum.remade += row.remade
            sum.add(row.time)
        }
        lines.append(["all"] + counts(all) + times(all) + ["", "", ""])
        return Self.aligned(lines)
    }

    /// Columns padded to their widest cell: text to the left, numbers to the right.
    static func aligned(_ lines: [[String]]) -> [String] {
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        let left: Set<Int> = [0, lines[0].count - 1]
        return lines.map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return left.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
