import Foundation

/// The Write stage: rendered pages and assets → a staging directory → link check → the output directory.
public enum SiteWriter {
    public struct Input: Sendable {
        /// Generated files: site path → bytes (pages, data files).
        public var files: [(path: String, bytes: [UInt8])]
        /// `Templates/assets/`, copied to `assets/`.
        public var assets: URL?
        /// `Content/static/`, copied to the root of the site.
        public var staticFiles: URL?
        public var staticDisplayRoot: String = "Content/static"
    }

    public struct Report: Sendable {
        /// Every file of the staged site, by site path.
        public var written: Set<String>
        public var diagnostics: [Diagnostic]
        public var filesWritten: Int { written.count }
    }

    /// The HTML of the staged site for the link check: generated pages from memory, and the few
    /// copied `.html` files (static files) read back from the staging directory.
    static func pages(of input: Input, in staging: URL, written: Set<String>) -> [String: String] {
        var pages: [String: String] = [:]
        for file in input.files where file.path.hasSuffix(".html") {
            pages[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        for path in written where path.hasSuffix(".html") && pages[path] == nil {
            if let data = try? Data(contentsOf: staging.appendingPathComponent(path)) {
                pages[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return pages
    }

    public static func write(_ input: Input, to output: OutputDirectory) throws(BuildError) -> Report {
        try output.clearLeftovers()
        let staging = try output.makeStaging()
        do throws(BuildError) {
            let report = try stage(input, in: staging)
            let problems = LinkChecker.check(pages: pages(of: input, in: staging, written: report.written), files: report.written)
            if !problems.isEmpty {
                let list = problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
                let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
                throw BuildError(.check, "\(problems.count) broken link(s); \(output.url.lastPathComponent)/ was left as it was:\n\(list)\(more)")
            }
            try output.swap(in: staging)
            return report
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    static func stage(_ input: Input, in staging: URL) throws(BuildError) -> Report {
        var written = Set<String>()
        var diagnostics: [Diagnostic] = []
        for file in input.files {
            try writeFile(file.bytes, at: file.path, in: staging)
            written.insert(file.path)
        }
        if let assets = input.assets {
            for file in FileTree.files(under: assets) {
                try copy(assets.appendingPathComponent(file), to: "assets/" + file, in: staging)
                written.insert("assets/" + file)
            }
        }
        if let statics = input.staticFiles {
            for file in FileTree.files(under: statics) {
                if written.contains(file) {
                    diagnostics.append(Diagnostic(file: "\(input.staticDisplayRoot)/\(file)",
                                                  "would overwrite a generated file; not copied"))
                    continue
                }
                try copy(statics.appendingPathComponent(file), to: file, in: staging)
                written.insert(file)
            }
        }
        return Report(written: written, diagnostics: diagnostics)
    }

    /// Writes below `root` only: the path must be relative, without `..`, NUL or empty parts.
    static func writeFile(_ bytes: [UInt8], at path: String, in root: URL) throws(BuildError) {
        guard SafePath.isSafe(path) else {
            throw BuildError(.write, file: path, "refusing to write outside the output directory")
        }
        let target = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
        } catch {
            throw BuildError(.write, file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    static func copy(_ source: URL, to path: String, in root: URL) throws(BuildError) {
        guard let bytes = try? FileTree.read(source) else {
            throw BuildError(.write, file: source.path, "cannot read file to copy")
        }
        try writeFile(bytes, at: path, in: root)
    }
}

/// Paths the generator may write: relative, `/`-separated, no `.` or `..` parts, no NUL or backslash.
public enum SafePath {
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.utf8.count <= 255
        }
    }
}
