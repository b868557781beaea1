import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A page read back from the current output (`PageFrame`): after an edit to the layout alone, a
/// page with the inputs of the last build is its content in the new layout; after an edit to its
/// own template, its content with the template's new chunks spliced in (`PageSplice`).
extension StagedSite {
    /// The current output's file at `path`, open to be read and copied from, when it is still the
    /// one with this stamp; nil otherwise (then the page is rendered whole).
    func previous(_ path: String, stamp: Stamp) -> CopySource? {
        StagedSite.file(path, under: outputRoot, stamp: stamp)
    }

    /// The file at `path` under the folder `root` (an output directory), open, when it is still the
    /// one with this stamp: for `briefing check` too, which reads the output and writes nothing.
    static func file(_ path: String, under root: String, stamp: Stamp) -> CopySource? {
        guard SafePath.isSafe(path) else { return nil }
        let descriptor = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Stamp(info) == stamp else {
            close(descriptor)
            return nil
        }
        return CopySource(descriptor: descriptor, count: stamp.size)
    }

    /// Writes a page made from the last build's file (`SiteBuilder.Remade`): the new layout's
    /// parts written, the content between them copied from that file by the kernel
    /// (`CopySource.copy`), or the whole page written. Nil when the content could not be copied
    /// whole (the file changed since it was opened): the page is then rendered, and written again.
    func write(_ remade: SiteBuilder.Remade, at path: String) throws(BuildError) -> Stamp? {
        switch remade.made {
        case .whole(let html, _, _):
            return try write(html, at: path)
        case .framed(let before, let after, _):
            let old = remade.previous.frame
            let content = old.contentOffset..<(old.contentOffset + old.contentLength)
            var copied = true
            let stamp = try write(at: path) { (descriptor: Int32) -> Int32 in
                func put(_ part: ArraySlice<UInt8>) -> Bool {
                    part.withUnsafeBytes { FileTree.writeAll($0, to: descriptor) == part.count }
                }
                guard put(before) else { return StagedSite.failedWrite() }
                guard remade.previous.file.copy(content, to: descriptor) == content.count else {
                    copied = false
                    return 0
                }
                return put(after) ? 0 : StagedSite.failedWrite()
            }
            return copied ? stamp : nil
        }
    }
}
