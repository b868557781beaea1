import Foundation
import Mustache
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

    /// An inverted section standing on lines of its own is cut inside, each part in its tags; any
    /// other section, or one whose tags share a line, stays whole.
    @Test func anInvertedSectionIsCutInsideEachPartInItsTags() throws {
        let section = "{{^empty(quotes)}}\n## Quotes\n\n{{#quotes}}\n> {{text}}\n{{/quotes}}\n{{/empty(quotes)}}\n"
        #expect(TemplateChunks.apart(section[...]) == [
            "{{^empty(quotes)}}\n## Quotes\n\n{{/empty(quotes)}}\n",
            "{{^empty(quotes)}}\n{{#quotes}}\n> {{text}}\n{{/quotes}}\n{{/empty(quotes)}}\n",
        ])
        // Nested, and the last line without a line break; blank lines go with the part before.
        #expect(TemplateChunks.apart("{{^a}}\n  {{^ b }}\nx\n{{y}}\n  {{/ b }}\n\n\n{.attr}\n{{w}}\n{{/a}}"[...]) == [
            "{{^a}}\n  {{^ b }}\nx\n  {{/ b }}\n{{/a}}\n", "{{^a}}\n  {{^ b }}\n{{y}}\n  {{/ b }}\n\n\n{{/a}}\n",
            "{{^a}}\n{.attr}\n{{/a}}\n", "{{^a}}\n{{w}}\n{{/a}}",
        ])
        // Windows line ends: a blank line is blank, and each part's closing line ends as the template's do.
        #expect(TemplateChunks.apart("{{^a}}\r\n# H\r\n\r\n{.x}\r\ntext\r\n{{/a}}\r\n"[...]) == [
            "{{^a}}\r\n# H\r\n\r\n{{/a}}\r\n", "{{^a}}\r\n{.x}\r\n{{/a}}\r\n", "{{^a}}\r\ntext\r\n{{/a}}\r\n",
        ])
        for whole in ["{{#a}}\nx\ny\n{{/a}}\n", "{{^a}}x\ny\n{{/a}}\n", "{{^a}}\nx\ny{{/a}}\n", "{{^a}}\nx\n{{/a}}\n",
                      "{{^a}}\nx\n\n{{/a}}\n", "{{^a}}\nx\ny\n{{/b}}\n", "plain\ntext\n"] {
            #expect(TemplateChunks.apart(whole[...]) == [whole], "\(whole)")
        }
        // Rendered part by part, the same as whole, for a context where the section shows and one where it does not.
        // (A comment for the content type tag: it too stands alone on its line in every chunk but the first.)
        let cut = try #require(TemplateChunks.make(prefix: "{{! type }}", prepared: "# T\n" + section, partialsDigest: { _ in "" },
                                                   partialTags: { _ in nil }))
        #expect(cut.chunks.count == 3)
        let whole = try MustacheTemplate(string: "{{! type }}# T\n" + section)
        for quotes in [[] as [[String: String]], [["text": "a"], ["text": "b"]]] {
            let context: [String: Any] = ["quotes": quotes]
            #expect(cut.chunks.map { $0.template.render(context, library: MustacheLibrary()) }.joined() == whole.render(context), "\(quotes)")
        }
    }

    /// A section that finds a single value on every page is cut inside as an inverted one is; one
    /// over a list, or not known to render once, stays whole; inside it, only inverted sections
    /// are cut (its value is on top of the context there).
    @Test func aSectionOfOneValueIsCutInsideAndOneOverAListIsNot() throws {
        let once: (String) -> Bool = { $0 == "one" || $0 == "two" }
        let section = "{{#one}}\n### More\n\n{{summary}}\n\n{{#two}}\nx\n{{y}}\n{{/two}}\n{{^empty(z)}}\na\n{{b}}\n{{/empty(z)}}\n{{/one}}\n"
        #expect(TemplateChunks.apart(section[...], rendersOnce: once) == [
            "{{#one}}\n### More\n\n{{/one}}\n",
            "{{#one}}\n{{summary}}\n\n{{/one}}\n",
            "{{#one}}\n{{#two}}\nx\n{{y}}\n{{/two}}\n{{/one}}\n",
            "{{#one}}\n{{^empty(z)}}\na\n{{/empty(z)}}\n{{/one}}\n",
            "{{#one}}\n{{^empty(z)}}\n{{b}}\n{{/empty(z)}}\n{{/one}}\n",
        ])
        // Not known to render once: whole, also without a predicate; inside an inverted section, cut.
        #expect(TemplateChunks.apart(section.replacingOccurrences(of: "one", with: "many")[...], rendersOnce: once).count == 1)
        #expect(TemplateChunks.apart(section[...]).count == 1)
        #expect(TemplateChunks.apart("{{^e}}\n{{#one}}\n# H\n\ntext\n{{/one}}\n{{/e}}\n"[...], rendersOnce: once) == [
            "{{^e}}\n{{#one}}\n# H\n\n{{/one}}\n{{/e}}\n", "{{^e}}\n{{#one}}\ntext\n{{/one}}\n{{/e}}\n",
        ])
        // Rendered part by part, the same as whole: the section over a record, over nothing, and over false.
        let cut = try #require(TemplateChunks.make(prefix: "{{! type }}", prepared: "# T\n" + section, partialsDigest: { _ in "" },
                                                   partialTags: { _ in nil }, rendersOnce: once))
        #expect(cut.chunks.count == 6)
        let whole = try MustacheTemplate(string: "{{! type }}# T\n" + section)
        let one: [String: Any] = ["summary": "S", "two": ["y": "Y"], "z": [] as [String]]
        for context in [["one": one, "b": "B"], ["b": "B"], ["one": false, "b": "B"]] as [[String: Any]] {
            let rendered = cut.chunks.map { $0.template.render(context, library: MustacheLibrary()) }.joined()
            #expect(rendered == whole.render(context), "\(context)")
        }
        #expect(whole.render(["one": one, "b": "B"]).contains("### More\n\nS\n\nx\nY\n"))
    }

    /// What a section's name finds in the page contexts, told as the library looks it up: a single
    /// value, text or a record, on some context and nothing on the others; never a list, nor a name
    /// with a transform or one no context knows.
    @Test func aSectionRendersOnceWhenItsNameFindsOneValueInEveryPageContext() throws {
        for name in ["moreMentions.summary", "moreQuotes.summary", "moreMentions", "lead", "quote", "next", "description", "chart"] {
            #expect(SectionValues.rendersAtMostOnce(name), "\(name)")
        }
        // Lists: an actor's mentions and quotes, an article's summary (also a key of other contexts) and its body.
        for name in ["mentions", "quotes", "summary", "body", "moreDates.dates", "empty(quotes)", "first(mentions)", ".", "",
                     "moreMentions.", ".moreMentions", "noSuchKey", "moreMentions.noSuchKey", "title.length"] {
            #expect(!SectionValues.rendersAtMostOnce(name), "\(name)")
        }
        let actor = try ShapeDecoder.full(ActorContext.self)
        #expect(SectionValues.value(at: ["moreMentions", "summary"], in: actor) == .single)
        #expect(SectionValues.value(at: ["mentions"], in: actor) == .other)
        #expect(SectionValues.value(at: ["lead"], in: actor) == .absent)
        // Past a value without a look-up of its own (the library reflects on it), not told; a dictionary has one.
        struct Plain { let b = "c" }
        #expect(SectionValues.value(at: ["a", "b"], in: ["a": Plain()] as [String: Any]) == .other)
        #expect(SectionValues.value(at: ["a", "b"], in: ["a": ["b": "c"]] as [String: Any]) == .single)
        #expect(SectionValues.value(at: ["a"], in: ["a": ["b", "c"]] as [String: Any]) == .other)
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
            // Each segment's Markdown alone is its HTML in the page.
            var chunk = 0, offset = 0
            let html = Array(segmented.html.utf8)
            for segment in segmented.segments ?? [] {
                let alone = MarkdownDocument.html(from: pieces[chunk..<(chunk + segment.chunks)].joined())
                #expect(Array(alone.utf8) == Array(html[offset..<(offset + segment.length)]), "\(pieces) chunk \(chunk)")
                chunk += segment.chunks
                offset += segment.length
            }
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
        // A chunk that renders nothing at the start or end of a segment, and blank lines at the end
        // of one whose last block they do not continue, are segments of their own: not after an
        // indented code block, nor blank lines alone.
        #expect(cut(["- a\n", "\n", "", "\n", "after\n"]) == [1, 1, 1, 1, 1])
        #expect(cut(["# A\n\n", "", "para\n", "\n"]) == [1, 1, 1, 1])
        #expect(cut(["    code\n", "\n", ""]) == [2, 1])
        #expect(cut(["\n", "\n"]) == [2])
        #expect(cut(["```\ncode\n", "\n", ""]) == [2, 1])
        // A link reference may be defined: no segments at all; nor with an id given twice.
        #expect(cut(["[a]\n\n", "[a]: /x\n"]) == nil)
        #expect(cut(["\u{E000}#x\u{E001}\npara\n\n", "\u{E000}#x\u{E001}\nother\n"]) == nil)
    }
}
