import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A staging directory that is the site before the current one (`StagedSite.recycled`), written
/// over: what is at a path is removed before the path is written or linked, and what the new site
/// does not have is removed before the link check.
extension StagedSite {
    /// Makes room at a path of the recycled site for a new file: what is there is removed (a file
    /// unlinked, never written through; a folder deleted whole). Nothing to do in a new staging directory.
    func clear(_ target: String) {
        guard recycled, unlink(target) != 0, errno == EISDIR || errno == EPERM else { return }
        var info = stat()
        if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: target) }
    }

    /// A file of the recycled site that no other path links (not one of the output's pages, which
    /// must stay as they are until the swap), opened to be written over from its start, or -1;
    /// the writer cuts it where it stops. Writing it over keeps its inode and its blocks: unlinked,
    /// they would be freed and others allocated (the 126 MB of `briefing.json` on every change to
    /// an article), and ext4 without a journal looks for a new inode past every one freed in the
    /// last few seconds, or minutes while their blocks are not yet written back. Only a file with
    /// the mode a new one gets, so that the site is the same whichever way a page was written.
    func writeOver(_ target: String) -> Int32 {
        guard recycled, let info = Self.regularFile(at: target), info.st_nlink == 1,
              info.st_mode & 0o7777 == Self.newFileMode else { return -1 }
        return open(target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// The mode of a file the build creates: 0644 less the process's umask, read from
    /// `/proc/self/status` (setting the umask to read it would race the threads that write).
    static let newFileMode: mode_t = {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        let mask = line.flatMap { mode_t($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
        return 0o644 & ~mask
    }()

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
