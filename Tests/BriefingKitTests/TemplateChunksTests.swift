import Foundation
import Testing
@testable import BriefingKit

/// A page template cut into top-level chunks (`TemplateChunks`) renders the same Markdown chunk by
/// chunk as whole, and the content cut into segments (`MarkdownDocument+Segments`) is the same HTML,
/// each segment the HTML of its Markdown alone.
@Suite("Template chunks and content segments")
struct TemplateChunksTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    @Test func aTemplateIsCutAfterEachLineWhereNoSectionIsOpen() throws {
        let text = "# {{title}}\n\n{{#items}}\n- {{name}}\n{{/items}}\n{{^empty(x)}}\nnone\n{{/empty(x)}}\nlast"
        let chunks = try #require(TemplateChunks.cut(text)).map(String.init)
        #expect(chunks == ["# {{title}}\n", "\n", "{{#items}}\n- {{name}}\n{{/items}}\n", "{{^empty(x)}}\nnone\n{{/empty(x)}}\n", "last"])
        #expect(chunks.joined() == text)
        #expect(TemplateChunks.cut("a {{#s}}b\nc{{/s}} d\ne\n").map { $0.map(String.init) } == ["a {{#s}}b\nc{{/s}} d\n", "e\n"])
        // Not cut where the light scan may misread it.
        #expect(TemplateChunks.cut("{{=<% %>=}}\n<%a%>\n") == nil)
        #expect(TemplateChunks.cut("{{#a}}\nopen\n") == nil)
        #expect(TemplateChunks.cut("{{/a}}\n") == nil)
        #expect(TemplateChunks.cut("{{<parent}}{{/parent}}\n") == nil)
        #expect(TemplateChunks.cut("{{> *dynamic}}\n") == nil)
        #expect(TemplateChunks.cut("{{a\n}}\n") == nil)
        #expect(TemplateChunks.cut("{{#a}}\r\nx\r\n{{/a}}\r\ny\r\n").map { $0.map(String.init) } == ["{{#a}}\r\nx\r\n{{/a}}\r\n", "y\r\n"])
    }

    /// Every page of the fixture site: the Markdown rendered chunk by chunk is the template's, and
    /// the HTML with segments is the HTML without; each segment is its Markdown rendered alone.
    @Test func everyPageRendersTheSameInChunksAndSegments() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let options = workspace.options()
        let (graph, _) = SiteBuilder.load(options)
        let plan = SitePlanner.plan(graph)
        let templates = try TemplateSet(directory: workspace.templates, displayRoot: "Templates")
        #expect(try #require(templates.chunks["article"]).chunks.count > 20)
        #expect(try #require(templates.chunks["actor"]).chunks.count > 10)
        var pages = 0, segmentsSeen = 0
        for number in 0..<plan.pageCount {
            let page = plan.page(at: number)
            guard let cut = templates.chunks[page.template] else { continue }
            pages += 1
            let whole = try templates.render(page.template, context: page.context)
            let pieces = templates.render(cut.chunks[...], context: page.context)
            #expect(pieces.joined() == whole, "\(page.path)")
            var markdown = "", starts: [Int] = []
            for piece in pieces {
                starts.append(markdown.utf8.count)
                markdown += PageRenderer.removingFragmentMarkers(piece)
            }
            let expected = MarkdownDocument.html(from: markdown, links: page.inlineLinks, figures: page.figures, highlights: page.highlights)
            let segmented = MarkdownDocument.segmented(markdown, chunkStarts: starts, links: page.inlineLinks, figures: page.figures,
                                                       highlights: page.highlights)
            #expect(segmented.html == expected, "\(page.path)")
            let segments = try #require(segmented.segments, "\(page.path)")
            #expect(segments.map(\.chunks).reduce(0, +) == cut.chunks.count)
            #expect(segments.map(\.length).reduce(0, +) == expected.utf8.count)
            segmentsSeen += segments.count
            // Each segment alone: its chunks' Markdown, rendered as a document of its own.
            var chunk = 0, offset = 0
            let html = Array(expected.utf8)
            for segment in segments {
                let alone = pieces[chunk..<(chunk + segment.chunks)].map(PageRenderer.removingFragmentMarkers).joined()
                let rendered = MarkdownDocument.html(from: alone, links: page.inlineLinks, figures: page.figures, highlights: page.highlights)
                #expect(Array(rendered.utf8) == Array(html[offset..<(offset + segment.length)]), "\(page.path) chunk \(chunk)")
                chunk += segment.chunks
                offset += segment.length
            }
        }
        #expect(pages > 30)
        #expect(segmentsSeen > pages * 4)
    }

    /// Where a chunk cannot start a segment: its Markdown continues what came before.
    @Test func aSegmentStartsOnlyWhereNothingBeforeReachesPast() {
        func cut(_ pieces: [String]) -> [Int]? {
            var markdown = "", starts: [Int] = []
            for piece in pieces { starts.append(markdown.utf8.count); markdown += piece }
            let segmented = MarkdownDocument.segmented(markdown, chunkStarts: starts)
            #expect(segmented.html == MarkdownDocument.html(from: markdown))
            return segmented.segments?.map(\.chunks)
        }
        #expect(cut(["# A\n\n", "para\n\n", "> quote\n\n", "- item\n"]) == [1, 1, 1, 1])
        // No blank line before: the paragraph goes on.
        #expect(cut(["para\n", "more\n\n", "b\n"]) == [2, 1])
        // A list goes on after a blank line (one loose list), with text indented into its item,
        // and an indented code block goes on; a list ends at text on the first column.
        #expect(cut(["- a\n\n", "- b\n"]) == [2])
        #expect(cut(["- a\n\n", "  more of a\n"]) == [2])
        #expect(cut(["- a\n\n", "after\n"]) == [1, 1])
        #expect(cut(["    code\n\n", "    more\n"]) == [2])
        // A fence left open, a fence over the chunk, an attribute line before it.
        #expect(cut(["```\ncode\n\n", "text\n"]) == [2])
        #expect(cut(["\u{E000}::: div\u{E001}\n\n", "inside\n\n", "\u{E000}:::\u{E001}\n"]) == [3])
        #expect(cut(["\u{E000}.note\u{E001}\n\n", "para\n"]) == [2])
        // A link reference may be defined: no segments at all; nor with an id given twice.
        #expect(cut(["[a]\n\n", "[a]: /x\n"]) == nil)
        #expect(cut(["\u{E000}#x\u{E001}\npara\n\n", "\u{E000}#x\u{E001}\nother\n"]) == nil)
    }
}
