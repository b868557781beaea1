import Foundation
import Mustache

/// The templates of a site, read at run time from a directory:
///
/// - `*.md`: Markdown templates with Mustache tags, one per kind of page (`index.md`, `article.md`)
///   plus partials anywhere below (`partials/article-card.md` is `{{> partials/article-card}}`);
/// - `layout.html`: the HTML page around every rendered Markdown template;
/// - `assets/`: copied to the site as it is.
public struct TemplateSet: Sendable {
    public let directory: URL
    /// How the directory is named in messages, e.g. `Templates`.
    public let displayRoot: String
    let library: MustacheLibrary
    let layout: MustacheTemplate
    /// Template name → source text as written, for the template check.
    let sources: [String: String]
    /// The digest of each template file's bytes as read (its text), by its path from the folder
    /// (`partials/note.md`, `layout.html`): what a build records of a template too new (`UnchangedBuild`).
    var fileDigests: [String: String] {
        Dictionary(sources.map { name, text in (name == Self.layoutName ? "layout.html" : name + ".md", StableHasher.digest(text.utf8)) },
                   uniquingKeysWith: { first, _ in first })
    }
    /// A stable hash of every template's source: a page renders the same while it is unchanged.
    public let digest: String
    /// Per template: a digest of it, the partials it includes (all the way down) and the layout
    /// with its partials, everything a page of that template is rendered with. Editing one
    /// template re-renders only the pages that use it (`digest(for:)`).
    private let digests: [String: String]
    /// The same, the layout apart: each template with its partials alone (`bodyDigest(for:)`). A
    /// page whose body digest is unchanged and whose digest is not has the same content as
    /// before, in another layout (`PageFrame`).
    private let bodyDigests: [String: String]
    /// Whether the layout frames the content without looking at it (`PageFrame.canFrame(_:)`).
    public let framesContent: Bool
    /// How the layout inserts each of a page's fields, when it can be made once per folder (`LayoutStencil`).
    let layoutForms: [Bool]?
    /// Each template cut into its top-level chunks, where it can be (`TemplateChunks`).
    let chunks: [String: TemplateChunks]

    public static let layoutName = "layout"

    public init(directory: URL, displayRoot: String) throws(BuildError) {
        _ = MarkdownContentType.registered
        self.directory = directory
        self.displayRoot = displayRoot
        guard FileTree.exists(directory, directory: true) else {
            throw BuildError(.render, file: displayRoot, "template directory not found")
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:], prepared: [String: String] = [:]
        // The content type tag goes on the first line, so line numbers stay those of the file.
        let contentType = "{{% CONTENT_TYPE: \(MarkdownContentType.name) }}"
        for relative in FileTree.files(under: directory) where relative.hasSuffix(".md") && !relative.hasPrefix("assets/") {
            let name = String(relative.dropLast(3))
            let text = try Self.readText(directory.appendingPathComponent(relative), display: "\(displayRoot)/\(relative)")
            sources[name] = text
            prepared[name] = BlockAttributes.markLines(in: text)
            library.register(try Self.parse(contentType + prepared[name]!, display: "\(displayRoot)/\(relative)"), named: name)
        }
        let layoutFile = "\(displayRoot)/layout.html"
        let layoutText = try Self.readText(directory.appendingPathComponent("layout.html"), display: layoutFile)
        sources[Self.layoutName] = layoutText
        layout = try Self.parse(layoutText, display: layoutFile)
        self.library = library
        self.sources = sources
        var hasher = StableHasher()
        for name in sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(sources[name]!)
        }
        digest = hasher.finalize()
        let uses = PartialUses(sources)
        (digests, bodyDigests) = Self.digests(sources, uses: uses, whole: digest)
        if let uses {
            chunks = prepared.compactMapValues { text in
                TemplateChunks.make(prefix: contentType, prepared: text, partialsDigest: { uses.digest(uses.closure(of: $0)) },
                                    partialTags: { uses.tags[$0] }, rendersOnce: SectionValues.rendersAtMostOnce)
            }
        } else {
            chunks = [:]
        }
        framesContent = PageFrame.canFrame(sources, layout: Self.layoutName)
        layoutForms = LayoutStencil.forms(of: layoutText)
        try checkPartials()
    }

    /// What a page of this template is rendered with, as a digest; for a name that is not a
    /// template, the whole set's.
    public func digest(for template: String) -> String { digests[template] ?? digest }

    /// What a page of this template is rendered with, the layout apart, as a digest.
    public func bodyDigest(for template: String) -> String { bodyDigests[template] ?? digest }

    /// Each template's digest over the templates it uses (`uses`), with the layout's and without. A set
    /// whose tags the light scan may miss (a delimiter change, a dynamic partial: no `uses`) gives
    /// every template the whole set's digest, both ways.
    static func digests(_ sources: [String: String], uses: PartialUses?, whole: String) -> (withLayout: [String: String], body: [String: String]) {
        guard let uses else { return (sources.mapValues { _ in whole }, sources.mapValues { _ in whole }) }
        let layout = uses.closure(of: [layoutName])
        var digests: [String: String] = [:], bodies: [String: String] = [:]
        for name in sources.keys where name != layoutName {
            let used = uses.closure(of: [name])
            digests[name] = uses.digest(used.union(layout))
            bodies[name] = uses.digest(used)
        }
        return (digests, bodies)
    }

    /// The partials each template names, and each template's tags (scanned once, for the names
    /// its chunks look up, `TemplateChunks`); nil for a set whose tags the light scan may miss (a
    /// delimiter change, a dynamic partial).
    struct PartialUses {
        let sources: [String: String]
        private var uses: [String: [String]] = [:]
        private(set) var tags: [String: [MustacheTags.Tag]] = [:]

        init?(_ sources: [String: String]) {
            self.sources = sources
            for (name, text) in sources {
                if text.contains("{{=") { return nil }
                tags[name] = MustacheTags.scan(text)
                let partials = tags[name]!.filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name)
                if partials.contains(where: { $0.hasPrefix("*") }) { return nil }
                uses[name] = partials
            }
        }

        /// These templates and every partial they use, all the way down.
        func closure(of names: some Sequence<String>) -> Set<String> {
            var seen = Set(names)
            var queue = Array(seen)
            while let next = queue.popLast() {
                for used in uses[next] ?? [] where seen.insert(used).inserted { queue.append(used) }
            }
            return seen
        }

        func digest(_ names: Set<String>) -> String {
            var hasher = StableHasher()
            for used in names.sorted() {
                hasher.combine(used)
                hasher.combine(sources[used] ?? "")
            }
            return hasher.finalize()
        }
    }

    public var names: [String] { sources.keys.sorted() }

    public func fileName(of template: String) -> String {
        template == Self.layoutName ? "\(displayRoot)/layout.html" : "\(displayRoot)/\(template).md"
    }

    func render(_ name: String, context: Any) throws(BuildError) -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw BuildError(.render, file: fileName(of: name), "template not found; every page of this kind needs it")
        }
        return output
    }

    /// The Markdown of each chunk of a template (`TemplateChunks`), in order: together, the
    /// template's Markdown.
    func render(_ chunks: ArraySlice<TemplateChunks.Chunk>, context: Any) -> [String] {
        chunks.map { $0.template.render(context, library: library) }
    }

    func renderLayout(_ context: Any) -> String {
        layout.render(context, library: library)
    }

    private static func readText(_ url: URL, display: String) throws(BuildError) -> String {
        guard let data = try? Data(contentsOf: url) else {
            throw BuildError(.render, file: display, "cannot read template")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw BuildError(.render, file: display, "template is not valid UTF-8")
        }
        return text
    }

    private static func parse(_ text: String, display: String) throws(BuildError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let problem = TemplateSyntax.problem(error, in: text)
            throw BuildError(.render, file: display, line: problem.line, problem.message)
        } catch {
            throw BuildError(.render, file: display, "template syntax: \(error)")
        }
    }

    /// swift-mustache renders an unknown partial as nothing; here it is an error with file and line.
    private func checkPartials() throws(BuildError) {
        for name in names {
            for tag in MustacheTags.scan(sources[name]!) where tag.sigil == ">" || tag.sigil == "<" {
                if library.getTemplate(named: tag.name) == nil {
                    throw BuildError(.render, file: fileName(of: name), line: tag.line,
                                     "unknown partial `\(tag.name)`: no file \(displayRoot)/\(tag.name).md")
                }
            }
        }
    }
}

/// The tags of a Mustache template, found by a light scan (default delimiters only) for checks that
/// swift-mustache does not make: unknown partials and unknown keys.
struct MustacheTags {
    struct Tag: Equatable {
        /// `#`, `^`, `/`, `>`, `<`, `&`, `{`, `!`, `%`, `$`, `=` or empty for a plain variable.
        var sigil: String
        var name: String
        var line: Int
    }

    static func scan(_ text: String) -> [Tag] {
        var unclosed: [Int] = []
        return scan(text, unclosed: &unclosed)
    }

    /// … and the lines with a `{{` without its `}}` (`unclosed`), which the scan passes over.
    static func scan(_ text: String, unclosed: inout [Int]) -> [Tag] {
        var tags: [Tag] = []
        for (offset, line) in text.linesAtNewlineBytes.enumerated() {
            var rest = line
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { unclosed.append(offset + 1); break }
                var body = rest[..<close.lowerBound].trimmingWhitespace[...]
                rest = rest[close.upperBound...]
                var sigil = ""
                if let first = body.first, "#^/><&{!%$=".contains(first) {
                    sigil = String(first)
                    body = body.dropFirst()
                }
                if sigil == "{", rest.first == "}" { rest = rest.dropFirst() }
                var name = body.trimmingWhitespace
                if sigil == "{", name.hasSuffix("}") { name.removeLast() }
                tags.append(Tag(sigil: sigil, name: name, line: offset + 1))
            }
        }
        return tags
    }
}
