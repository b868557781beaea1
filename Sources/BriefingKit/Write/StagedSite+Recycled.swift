import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A staging directory that is the site before the current one (`StagedSite.recycled`), written
/// over: what is at a path is removed before the path is linked, or written unless it is a file
/// to write over (`SpareFiles`), and what the new site does not have is removed before the link check.
extension StagedSite {
    /// Makes room at a path of the recycled site for a new file: what is there is removed (a file
    /// unlinked, not written through; a folder deleted whole). Nothing to do in a new staging directory.
    func clear(_ target: String) {
        guard recycled, unlink(target) != 0, errno == EISDIR || errno == EPERM else { return }
        if FileTree.isFolder(target) { try? FileManager.default.removeItem(atPath: target) }
    }

    /// Removes from a recycled staging directory what is neither a regular file nor a folder, and
    /// with `keeping` (every file of the new site) each file not in it and each folder that then
    /// holds none of them. A new staging directory holds only what was written into it.
    public func prune(keeping: Set<String>?) {
        guard recycled else { return }
        let folders = Self.folders(of: keeping ?? [])
        func walk(_ folder: String) {
            let directory = folder.isEmpty ? stagingRoot : stagingRoot + "/" + folder
            for (name, kind) in FileTree.entries(of: directory) {
                let path = folder.isEmpty ? name : folder + "/" + name, full = directory + "/" + name
                if kind == .folder {
                    walk(path)
                    if keeping != nil, !folders.contains(path) { rmdir(full) }
                } else if kind == .other || keeping.map({ !$0.contains(path) }) ?? false {
                    unlink(full)
                }
            }
        }
        walk("")
    }
}
