import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A page read back from the current output (`PageFrame`): after an edit to the layout alone, a
/// page with the inputs of the last build is its content in the new layout.
extension StagedSite {
    /// The bytes of the current output's file at `path`, when it is still the one with this stamp
    /// and they can all be read; nil otherwise (then the page is rendered whole).
    func previous(_ path: String, stamp: Stamp) -> [UInt8]? {
        withCurrentFile(path, stamp: stamp) { StagedSite.read(stamp.size, at: 0, from: $0) } ?? nil
    }
}
