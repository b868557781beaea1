import Foundation

/// The Write stage, after the pages are written into the staging directory (`StagedSite`): the
/// assets and static files are copied beside them, and every link of the staged site is checked.
/// A broken link fails the build and leaves the output directory as it was.
public enum SiteWriter {
    public struct Copied: Sendable {
        /// Every file of the staged site, by site path: the generated ones and the copied ones.
        public var written: Set<String>
        /// Ids and links of the copied `.html` files, which the link check reads too.
        public var links: [String: LinkChecker.PageLinks]
        public var diagnostics: [Diagnostic]
        /// With `digests`, the digest of the bytes copied from each file (`StableHasher.digest`), by
        /// its path as given (below `assets` or `staticFiles`): a build records them (`UnchangedBuild`).
        public var read: [String: String] = [:]
    }

    /// Every file the site will have: the generated ones, `assets/…` and the static files.
    public static func files(generated: [String], assets: URL, staticFiles: URL) -> Set<String> {
        var files = Set(generated)
        files.formUnion(FileTree.files(under: assets).map { "assets/" + $0 })
        files.formUnion(FileTree.files(under: staticFiles))
        return files
    }

    /// Copies `Templates/assets/` to `assets/`, then `Content/static/` to the root of the site.
    /// A static file never replaces a generated one. `files` is every file of the site, for the
    /// links of copied pages. `digests`: give the digest of each file's bytes (`Copied.read`).
    public static func copyFiles(into site: StagedSite, generated: Set<String>, files: Set<String>? = nil, assets: URL?, staticFiles: URL?,
                                 staticDisplayRoot: String = "Content/static", digests: Bool = false) throws(BuildError) -> Copied {
        var written = generated
        var links: [String: LinkChecker.PageLinks] = [:]
        var diagnostics: [Diagnostic] = []
        var read: [String: String] = [:]
        func copy(_ source: URL, to path: String) throws(BuildError) {
            guard let bytes = try? FileTree.read(source) else {
                throw BuildError(.write, file: source.path, "cannot read file to copy")
            }
            if digests { read[source.path] = StableHasher.digest(bytes) }
            try site.write(bytes, at: path)
            written.insert(path)
            if path.hasSuffix(".html") { links[path] = LinkChecker.scan(String(decoding: bytes, as: UTF8.self), on: path, files: files) }
        }
        if let assets {
            for file in FileTree.files(under: assets) { try copy(assets.appendingPathComponent(file), to: "assets/" + file) }
        }
        if let statics = staticFiles {
            // Paths as a case-insensitive, normalisation-insensitive file system (macOS, Windows) sees them.
            var folded = Dictionary(written.map { (foldedPath($0), $0) }, uniquingKeysWith: { a, b in min(a, b) })
            for file in FileTree.files(under: statics) {
                let display = "\(staticDisplayRoot)/\(file)"
                guard SafePath.isSafe(file) else {
                    diagnostics.append(Diagnostic(file: display, "this name cannot be a site path; not copied"))
                    continue
                }
                if let other = folded[foldedPath(file)], other.utf8.elementsEqual(file.utf8) {
                    diagnostics.append(Diagnostic(file: display, "would overwrite a generated file; not copied"))
                    continue
                } else if let other = folded[foldedPath(file)] {
                    diagnostics.append(Diagnostic(file: display, "differs from `\(other)` only by case or Unicode form: on a case-insensitive file system one would replace the other; not copied"))
                    continue
                }
                try copy(statics.appendingPathComponent(file), to: file)
                folded[foldedPath(file)] = file
            }
            for hidden in FileTree.hiddenLeftOut(under: statics) {
                diagnostics.append(Diagnostic(file: "\(staticDisplayRoot)/\(hidden)", "hidden files are not copied to the site; this one is not published"))
            }
        }
        return Copied(written: written, links: links, diagnostics: diagnostics, read: read)
    }

    /// A path as a file system that ignores case and Unicode normalisation compares it.
    static func foldedPath(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Fails the build when a link of the staged site is broken (`unchanged`, `removed`: see `LinkChecker.verify`).
    public static func check(_ links: [String: StoredLinks], files: Set<String>, unchanged: Set<String> = [],
                             removed: Set<String> = [], sameIDs: Set<String>? = nil, output: OutputDirectory) throws(BuildError) {
        let problems = LinkChecker.verify(links, files: files, unchanged: unchanged, removed: removed, sameIDs: sameIDs)
        guard !problems.isEmpty else { return }
        let list = problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
        let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
        throw BuildError(.check, "\(problems.count) broken link(s); \(output.url.lastPathComponent)/ was left as it was:\n\(list)\(more)")
    }
}
