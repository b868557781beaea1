import Foundation

/// Pictures drawn at build time as inline SVG: readable without JavaScript, with a title, a
/// description and a data table as text alternatives, and coloured through CSS so that they follow
/// the light and dark themes. Coordinates are rounded, so the output is the same on every build.
enum Charts {
    struct Node {
        var label: String
        var url: String
        var kind: ActorKind
        /// The node's size.
        var weight: Int
        /// What the weight counts, for the node's tooltip: "3 mentions".
        var detail: String
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The `<svg>` start tag, named by its title and description. A picture without links is one
    /// image (`role="img"`); one with links is a `group`, because the children of an image are
    /// presentational, so its links would be focusable yet hidden from assistive technology.
    static func svgStart(id: String, width: Double, height: Double, links: Bool) -> String {
        #"<svg viewBox="0 0 \#(Int(width)) \#(Int(height))" role="\#(links ? "group" : "img")" aria-labelledby="\#(id)-title \#(id)-desc" xmlns="http://www.w3.org/2000/svg">"#
    }

    /// Nodes on a circle (or around a centre node), sized by weight, with an edge wherever two
    /// appear in the same article, thicker for more shared articles.
    static func network(id: String, nodes: [Node], edges: [(Int, Int, Int)], center: Int? = nil, title: String, caption: String) -> String {
        let width = 720.0, height = 560.0
        let cx = width / 2, cy = height / 2 + 10
        let radius = min(width, height) / 2 - 70
        let ring = nodes.indices.filter { $0 != center }
        var positions = [(Double, Double)](repeating: (cx, cy), count: nodes.count)
        for (k, i) in ring.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(max(ring.count, 1))
            positions[i] = (cx + radius * cos(angle), cy + radius * sin(angle))
        }
        let maxWeight = Double(nodes.map(\.weight).max() ?? 1)
        let maxEdge = Double(edges.map(\.2).max() ?? 1)
        var svg = #"<figure class="chart chart-network" id="\#(id)">"# + svgStart(id: id, width: width, height: height, links: true)
        svg += #"<title id="\#(id)-title">\#(HTML.escape(title))</title><desc id="\#(id)-desc">\#(HTML.escape(caption))</desc>"#
        // Legend: the kinds present, in a row at the top left.
        let kinds = ActorKind.allCases.filter { kind in nodes.contains { $0.kind == kind } }
        for (k, kind) in kinds.enumerated() {
            let x = 12.0 + Double(k) * 110
            svg += #"<circle class="net-node net-\#(kind.rawValue)" cx="\#(number(x + 5))" cy="14" r="5"/><text x="\#(number(x + 14))" y="18">\#(kind.plural)</text>"#
        }
        svg += #"<g class="net-edges">"#
        for (a, b, w) in edges {
            let (x1, y1) = positions[a], (x2, y2) = positions[b]
            svg += #"<line x1="\#(number(x1))" y1="\#(number(y1))" x2="\#(number(x2))" y2="\#(number(y2))" stroke-width="\#(number(0.6 + 3 * Double(w) / maxEdge))"><title>\#(HTML.escape(nodes[a].label)) and \#(HTML.escape(nodes[b].label)): \#(Count.phrase(w, "shared article"))</title></line>"#
        }
        svg += "</g>"
        for (i, node) in nodes.enumerated() {
            let (x, y) = positions[i]
            let r = 4 + 12 * (Double(node.weight) / maxWeight).squareRoot()
            let isCenter = i == center
            let outward = isCenter ? 0 : (x - cx) / max(abs(x - cx) + abs(y - cy), 1)
            let anchor = isCenter ? "middle" : outward > 0.08 ? "start" : outward < -0.08 ? "end" : "middle"
            let lx = isCenter ? x : x + (x - cx) / radius * (r + 6)
            let ly = isCenter ? y + r + 16 : y + (y - cy) / radius * (r + 6) + 4
            svg += #"<a href="\#(HTML.escape(node.url))"><circle class="net-node net-\#(node.kind.rawValue)" cx="\#(number(x))" cy="\#(number(y))" r="\#(number(r))"><title>\#(HTML.escape(node.label)): \#(HTML.escape(node.detail))</title></circle>"#
            svg += #"<text x="\#(number(lx))" y="\#(number(ly))" text-anchor="\#(anchor)">\#(HTML.escape(node.label))</text></a>"#
        }
        svg += "</svg>"
        svg += #"<figcaption>\#(HTML.escape(caption))</figcaption></figure>"#
        return svg
    }

    /// Bars per month, with the numbers in a table below for screen readers and print.
    static func bars(id: String, bars: [(label: String, value: Int, url: String?)], title: String, caption: String, unit: String) -> String {
        let width = 720.0, height = 220.0
        let left = 36.0, bottom = 40.0, top = 16.0
        let maxValue = Double(max(bars.map(\.value).max() ?? 1, 1))
        let step = (width - left - 8) / Double(max(bars.count, 1))
        let barWidth = max(2, min(48, step * 0.7))
        var svg = #"<figure class="chart chart-bars" id="\#(id)">"# + svgStart(id: id, width: width, height: height, links: bars.contains { $0.url != nil })
        svg += #"<title id="\#(id)-title">\#(HTML.escape(title))</title><desc id="\#(id)-desc">\#(HTML.escape(caption))</desc>"#
        svg += #"<line class="axis" x1="\#(number(left))" y1="\#(number(height - bottom))" x2="\#(number(width - 4))" y2="\#(number(height - bottom))"/>"#
        svg += #"<text class="axis-label" x="\#(number(left - 6))" y="\#(number(top + 4))" text-anchor="end">\#(Int(maxValue))</text>"#
        // A label ("Sep 2021" at 10 units) is about 46 units wide: one at least every 64 units leaves a gap.
        let labelEvery = max(1, Int((Double(bars.count) * 64 / (width - left)).rounded(.up)))
        for (i, bar) in bars.enumerated() {
            let h = (height - bottom - top) * Double(bar.value) / maxValue
            let x = left + step * Double(i) + (step - barWidth) / 2
            let rect = #"<rect class="bar" x="\#(number(x))" y="\#(number(height - bottom - h))" width="\#(number(barWidth))" height="\#(number(h))"><title>\#(HTML.escape(bar.label)): \#(Count.phrase(bar.value, unit))</title></rect>"#
            svg += bar.url.map { #"<a href="\#(HTML.escape($0))">\#(rect)</a>"# } ?? rect
            if i % labelEvery == 0 {
                svg += #"<text class="axis-label" x="\#(number(x + barWidth / 2))" y="\#(number(height - bottom + 16))" text-anchor="middle">\#(HTML.escape(bar.label))</text>"#
            }
        }
        svg += "</svg>"
        // A figure's caption must be its first or last child: the table comes before it.
        svg += #"<details><summary>The numbers</summary><table><thead><tr><th scope="col">Month</th><th scope="col">\#(HTML.escape(unit.capitalized))s</th></tr></thead><tbody>"#
        for bar in bars where bar.value > 0 {
            svg += "<tr><td>\(HTML.escape(bar.label))</td><td>\(bar.value)</td></tr>"
        }
        svg += "</tbody></table></details>"
        svg += #"<figcaption>\#(HTML.escape(caption))</figcaption></figure>"#
        return svg
    }

    /// Every month from the first to the last given, with counts (zero where there is none).
    static func months(_ counts: [String: Int]) -> [(key: String, label: String, value: Int)] {
        guard let first = counts.keys.min(), let last = counts.keys.max(),
              var day = CalendarDay(iso: first + "-01"), let end = CalendarDay(iso: last + "-01") else { return [] }
        var out: [(String, String, Int)] = []
        while day <= end, out.count < 600 {
            let key = day.monthValue
            out.append((key, String(CalendarDay.monthNames[day.month - 1].prefix(3)) + " " + String(day.year), counts[key] ?? 0))
            guard let next = day.firstOfMonth(adding: 1) else { break }
            day = next
        }
        return out
    }
}
