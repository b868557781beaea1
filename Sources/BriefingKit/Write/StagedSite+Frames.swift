import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A page read back from the current output (`PageFrame`): after an edit to the layout alone, a
/// page with the inputs of the last build is its content in the new layout; after an edit to its
/// own template, its content with the template's new chunks spliced in (`PageSplice`).
extension StagedSite {
    /// The bytes of the current output's file at `path`, when it is still the one with this stamp
    /// and they can all be read; nil otherwise (then the page is rendered whole).
    func previous(_ path: String, stamp: Stamp) -> [UInt8]? {
        StagedSite.bytes(of: path, under: outputRoot, stamp: stamp)
    }

    /// The bytes of the file at `path` under the folder `root` (an output directory), when it is
    /// still the one with this stamp and they can all be read: for `briefing check`, which reads
    /// the output and writes nothing.
    static func bytes(of path: String, under root: String, stamp: Stamp) -> [UInt8]? {
        withFile(path, under: root, stamp: stamp) { FileTree.read(stamp.size, at: 0, from: $0) } ?? nil
    }
}
