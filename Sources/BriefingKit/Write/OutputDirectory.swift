import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
/// glibc's renameat2, which Swift's Glibc module does not export.
@_silgen_name("renameat2")
func c_renameat2(_ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32,
                         _ newPath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
private let renameExchange: UInt32 = 2  // RENAME_EXCHANGE
let renameNoReplace: UInt32 = 1  // RENAME_NOREPLACE
#endif

/// The output directory and its staging directories beside it.
///
/// A build writes into `.<name>.staging-<pid>` in the same parent folder, and swaps it in only when
/// it is complete and link-checked. On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every
/// moment the output directory is the whole previous site or the whole new one. Elsewhere it is two
/// renames, and the next build restores the previous site if a build died between them.
///
/// The output directory belongs to the generator: a build replaces it whole.
public struct OutputDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// A file at the top of every site a build writes (`BriefingExport`): a folder that holds
    /// other things but not it is not a site, and is never replaced.
    static let siteMark = BriefingExport.path

    /// Why the output directory may not be replaced by a site, or nil when it may: it is not
    /// there, it is empty, or it holds a site (`siteMark`). Anything else (a folder of the user's
    /// own, a `.git` alone, a file, a link the swap would replace) is named, so that a mistyped
    /// `--output` loses nothing.
    public func notReplaceable() -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)).map { " to `\($0)`" } ?? ""
            return "it is a symbolic link\(target) that does not lead to a folder"
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return "it is a file, not a directory; the site is a directory"
        }
        // A site (every build's case) is told by one lstat; only a folder that is not one is listed.
        var mark = stat()
        if lstat(url.appendingPathComponent(Self.siteMark).path, &mark) == 0, (mark.st_mode & S_IFMT) == S_IFREG { return nil }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        if names.isEmpty { return nil }
        let shown = names.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        return "it holds \(shown) and is not a site Briefing wrote (no \(Self.siteMark)); a build replaces "
            + "the output directory whole, so choose a new or empty one, or remove this one first"
    }

    var parent: URL { url.deletingLastPathComponent() }
    var stagingPrefix: String { "." + url.lastPathComponent + ".staging-" }
    var previousPrefix: String { "." + url.lastPathComponent + ".previous-" }

    /// Removes what earlier builds left behind (a build killed while staging), after restoring the
    /// previous site if one was killed between the two renames of the fallback swap.
    public func clearLeftovers() throws(BuildError) {
        let manager = FileManager.default
        let siblings = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let previous = siblings.filter { $0.hasPrefix(previousPrefix) }
        if !FileTree.exists(url), let last = previous.last {
            try move(parent.appendingPathComponent(last), to: url)
        }
        for name in siblings where name.hasPrefix(stagingPrefix) || name.hasPrefix(previousPrefix) {
            let leftover = parent.appendingPathComponent(name)
            if FileTree.exists(leftover) { try? manager.removeItem(at: leftover) }
        }
    }

    /// A new staging directory: the site before the current one when `previous` holds it (the
    /// folder the last build put it in, `swap(in:keepingPreviousAt:)`), moved here to be written
    /// over (`recycled`), or else an empty one.
    public func makeStaging(from previous: URL? = nil) throws(BuildError) -> (url: URL, recycled: Bool) {
        let staging = parent.appendingPathComponent(stagingPrefix + String(getpid()))
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // A folder itself, not a link to one (which would take the writes elsewhere).
        var info = stat()
        if let previous, lstat(previous.path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR, rename(previous.path, staging.path) == 0 { return (staging, true) }
            try? FileManager.default.removeItem(at: previous)
        }
        guard mkdir(staging.path, 0o755) == 0 else {
            throw BuildError(.write, file: parent.path, "cannot create the staging directory `\(staging.lastPathComponent)`: "
                             + String(cString: strerror(errno)) + "; \(url.lastPathComponent)/ was left as it was")
        }
        return (staging, false)
    }

    /// Puts the staged site in place of the output directory, then moves the previous site to
    /// `keepingPreviousAt` for the next build to write over (`makeStaging(from:)`), or into
    /// `retiringTo` to be deleted on a thread of its own (`RetiredSites`), or deletes it when there
    /// is no such place or it cannot go there (another file system).
    public func swap(in staging: URL, keepingPreviousAt keeping: URL? = nil, retiringTo retired: URL? = nil) throws(BuildError) {
        if !FileTree.exists(url) {
            try move(staging, to: url)
            return
        }
        #if os(Linux)
        if c_renameat2(AT_FDCWD, staging.path, AT_FDCWD, url.path, renameExchange) == 0 {
            retire(staging, to: keeping, retiring: retired)  // now the previous site
            return
        }
        #endif
        let previous = parent.appendingPathComponent(previousPrefix + String(getpid()))
        try move(url, to: previous)
        try move(staging, to: url)
        retire(previous, to: keeping, retiring: retired)
    }

    /// Moves the previous site (or a staged one given up, `StagedSite.discard`) to `keeping`, or
    /// to the folder of `retired` sites, or deletes it.
    func retire(_ previous: URL, to keeping: URL?, retiring retired: URL?) {
        let manager = FileManager.default
        if let keeping {
            // A site kept there before and not written over (a build without the cache between).
            let retiredKept = retired.map { FileTree.exists(keeping) && RetiredSites.retire(keeping, into: $0) } ?? false
            if !retiredKept { try? manager.removeItem(at: keeping) }
            try? manager.createDirectory(at: keeping.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(previous.path, keeping.path) == 0 { return }
        }
        if let retired, RetiredSites.retire(previous, into: retired) { return }
        try? manager.removeItem(at: previous)
    }

    private func move(_ from: URL, to: URL) throws(BuildError) {
        guard rename(from.path, to.path) == 0 else {
            throw BuildError(.write, file: to.path, "cannot move \(from.lastPathComponent) into place: \(String(cString: strerror(errno)))")
        }
    }
}

extension BuildError {
    /// The error of a build that stopped before its site was swapped in: says that the output
    /// directory still holds the previous site.
    func leaving(_ output: OutputDirectory) -> BuildError {
        let note = "\(output.url.lastPathComponent)/ was left as it was"
        guard !message.contains(note) else { return self }
        var error = self
        if let lineBreak = message.firstIndex(of: "\n") {
            error.message = message[..<lineBreak] + "; " + note + message[lineBreak...]
        } else {
            error.message += "; " + note
        }
        return error
    }
}
