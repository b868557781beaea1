import Foundation

/// Writes the site's data files into the staging directory on a thread of its own, from the
/// moment it is made; `wait()` returns when they are all written, with what the build cache
/// keeps of each, or throws the first failure. `earlier` is the last build's record of them
/// (`StagedSite.write(_:earlier:)`). Always call `wait()` before the staging directory is
/// published or discarded.
final class DataFileWriter: Sendable {
    private let written: BackgroundValue<Result<[String: BuildCache.FileRecord], BuildError>>

    init(_ files: [DataFile], into site: StagedSite, earlier: [String: BuildCache.FileRecord] = [:]) {
        written = BackgroundValue {
            Result { () throws(BuildError) in
                var records: [String: BuildCache.FileRecord] = [:]
                for file in files {
                    let record = try site.write(file, earlier: earlier[file.path])
                    records[file.path] = record
                    let kept = earlier[file.path].map { $0.stamp == record.stamp } ?? false
                    if let derived = file.derived {
                        for (path, made) in try site.write(derived, of: file, inputs: record.inputs, kept: kept, earlier: earlier) {
                            records[path] = made
                        }
                    }
                    // Not published: kept in the cache's folder, under the stamp it has there.
                    if !file.published, let stamp = site.stash(file.path, kept: kept) { records[file.path]?.stamp = stamp }
                }
                return records
            }
        }
    }

    func wait() throws(BuildError) -> [String: BuildCache.FileRecord] {
        try written.value.get()
    }
}
