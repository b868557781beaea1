import Foundation

/// Writes the site's data files into the staging directory on a thread of its own, from the
/// moment it is made; `wait()` returns when they are all written, with what the build cache
/// keeps of each, or throws the first failure. `earlier` is the last build's record of them
/// (`StagedSite.write(_:earlier:)`). Always call `wait()` before the staging directory is
/// published or discarded.
final class DataFileWriter: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: BuildError?
    private var records: [String: BuildCache.FileRecord] = [:]

    init(_ files: [DataFile], into site: StagedSite, earlier: [String: BuildCache.FileRecord] = [:]) {
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            do throws(BuildError) {
                for file in files { records[file.path] = try site.write(file, earlier: earlier[file.path]) }
            } catch {
                failure = error
            }
        }
    }

    func wait() throws(BuildError) -> [String: BuildCache.FileRecord] {
        done.wait()
        if let failure { throw failure }
        return records
    }
}
