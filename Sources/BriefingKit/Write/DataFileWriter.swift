import Foundation

/// Writes the site's data files into the staging directory on a thread of its own, from the
/// moment it is made; `wait()` returns when they are all written, or throws the first failure.
/// Always call `wait()` before the staging directory is published or discarded.
final class DataFileWriter: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: BuildError?

    init(_ files: [DataFile], into site: StagedSite) {
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            do throws(BuildError) {
                for file in files { try site.write(file) }
            } catch {
                failure = error
            }
        }
    }

    func wait() throws(BuildError) {
        done.wait()
        if let failure { throw failure }
    }
}
