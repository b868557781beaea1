import Foundation
import Mustache
import Testing
@testable import BriefingKit

/// The layout made once per folder (`LayoutStencil`) gives every page the bytes swift-mustache
/// gives it.
@Suite("Layout stencils")
struct LayoutStencilTests {
    static let custom = """
        <html lang="{{language}}"><title>{{documentTitle}}</title>
        {{#canonical}}<link rel="canonical" href="{{canonical}}">{{/canonical}}{{^canonical}}<!-- no canonical -->{{/canonical}}
        {{#siteTitle}}<b>{{siteTitle}}</b>{{/siteTitle}}<i>{{{title}}}</i> {{description}} {{unknown}} {{{kind}}} {{openGraphType}}
        <script>{{{jsonLD}}}</script><a href="{{home}}">home</a> <a href="{{root}}x">{{feed}}</a> {{! a comment on {{content}} }}
        <main>{{{content}}}</main><footer>{{documentTitle}} {{{searchIndex}}} {{previews}} {{script}}</footer>
        """

    /// Every page of the sample site, with and without `base_url`, with the default layout and one
    /// that uses every field, escaped or not, in sections and out.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func aPageFromItsFoldersStencilIsThePageSwiftMustacheRenders(customLayout: Bool, baseURL: Bool) throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        if customLayout { try Self.custom.write(to: templates.appendingPathComponent("layout.html"), atomically: true, encoding: .utf8) }
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: templates, output: root)
        var graph = SiteBuilder.load(options).graph
        if baseURL { graph.settings.baseURL = "https://example.org/brief/" }
        // A title with every character the layout escapes, and a `<` with a combining mark (another character).
        graph.settings.title = "Tom & Jerry's <\"briefing\"> <\u{338} café"
        let set = try TemplateSet(directory: templates, displayRoot: "Templates")
        #expect(set.layoutForms != nil)
        let renderer = PageRenderer(templates: set, settings: graph.settings)
        let pages = SitePlanner.pages(for: graph)
        #expect(pages.count > 20)
        #expect(Set(pages.map { $0.path.split(separator: "/").dropLast().joined(separator: "/") }).count > 3)
        for page in pages {
            let content = "<p>Content of \(page.path) <b>&amp;</b></p>"
            var stencilled: [UInt8] = []
            let forms = try #require(set.layoutForms)
            let made = LayoutStencil(rendering: { set.renderLayout($0) }, path: page.path, hasCanonical: page.meta.canonical != nil,
                                     settings: graph.settings, escaped: forms)
            let stencil = try #require(made)
            stencil.render(LayoutContext.PageFields(page), documentTitle: LayoutContext.documentTitle(path: page.path, title: page.title, settings: graph.settings),
                           content: content.utf8, into: &stencilled)
            let expected = set.renderLayout(LayoutContext(page: page, settings: graph.settings, content: content))
            #expect(String(decoding: stencilled, as: UTF8.self) == expected, "\(page.path)")
            // The renderer, which makes a folder's stencil once, gives the same.
            #expect(try renderer.render(page) == set.renderLayout(LayoutContext(page: page, settings: graph.settings,
                                                                               content: Self.content(of: try renderer.renderFramed(page)))), "\(page.path)")
        }
    }

    /// A site title holding a field's marker makes no stencil: the layout is rendered by
    /// swift-mustache for every page, and the title shows as it is.
    @Test func aSettingWithTheMarkersCharacterMakesNoStencil() throws {
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: Fixtures.templates, output: Fixtures.temporaryRoot)
        var graph = SiteBuilder.load(options).graph
        graph.settings.title = "Brief \(LayoutStencil.Field.title.marker) site"
        let set = try TemplateSet(directory: Fixtures.templates, displayRoot: "Templates")
        let page = try #require(SitePlanner.pages(for: graph).first)
        let made = LayoutStencil(rendering: { set.renderLayout($0) }, path: page.path, hasCanonical: false, settings: graph.settings,
                                 escaped: try #require(set.layoutForms))
        #expect(made == nil)
        let renderer = PageRenderer(templates: set, settings: graph.settings)
        let html = try renderer.render(page)
        #expect(html.contains("Brief \(LayoutStencil.Field.title.marker) site"))
        #expect(html == set.renderLayout(LayoutContext(page: page, settings: graph.settings, content: try Self.content(of: try renderer.renderFramed(page)))))
    }

    /// A layout that escapes the content (`{{content}}`) is made once per folder too, and escapes it as the library does.
    @Test func aLayoutEscapingTheContentEscapesItAsTheLibraryDoes() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        try "<title>{{title}}</title><pre>{{content}}</pre>".write(to: templates.appendingPathComponent("layout.html"), atomically: true, encoding: .utf8)
        let options = SiteBuilder.Options(content: Fixtures.siteContent, templates: templates, output: root)
        let graph = SiteBuilder.load(options).graph
        let set = try TemplateSet(directory: templates, displayRoot: "Templates")
        #expect(set.layoutForms != nil && !set.framesContent)
        let renderer = PageRenderer(templates: set, settings: graph.settings)
        for page in SitePlanner.pages(for: graph).prefix(10) {
            let (html, frame) = try renderer.renderFramed(page)
            #expect(frame == nil)
            #expect(html.contains("&lt;p"), "\(page.path)")
            let body = try set.render(page.template, context: page.context)
            let content = MarkdownDocument.html(from: PageRenderer.removingFragmentMarkers(body), links: page.inlineLinks, figures: page.figures,
                                                highlights: page.highlights)
            #expect(html == set.renderLayout(LayoutContext(page: page, settings: graph.settings, content: content)), "\(page.path)")
        }
    }

    static func content(of framed: (html: String, frame: PageFrame?)) throws -> String {
        let frame = try #require(framed.frame)
        let bytes = Array(framed.html.utf8)
        return String(decoding: bytes[frame.contentOffset..<(frame.contentOffset + frame.contentLength)], as: UTF8.self)
    }

    @Test(arguments: [
        ("<title>{{title}}</title>{{{content}}}", true),
        ("<title>{{title}}</title><meta content=\"{{{title}}}\">{{{content}}}", false),
        ("{{> partials/head}}{{{content}}}", false),
        ("{{title.count}}{{{content}}}", false),
        ("{{uppercased(title)}}{{{content}}}", false),
        ("{{.}}{{{content}}}", false),
        ("{{% CONTENT_TYPE: TEXT }}{{title}}{{{content}}}", false),
        ("{{=<% %>=}}<%title%>", false),
    ]) func aLayoutIsMadeOnceWhenItsTagsArePlainNames(layout: String, stencil: Bool) {
        #expect((LayoutStencil.forms(of: layout) != nil) == stencil)
    }

    /// The escaping is the library's, character for character.
    @Test func escapingIsSwiftMustaches() throws {
        let template = try MustacheTemplate(string: "{{text}}")
        for text in ["plain", "a < b & c > d", "\"quoted\" and 'single'", "<\u{338}", "'\u{301}x", "é<é", "\r\n<", "👩‍👩‍👧 & <", ""] {
            var out: [UInt8] = []
            MustacheEscaping.html(text, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == template.render(["text": text]), "\(text)")
        }
    }
}
