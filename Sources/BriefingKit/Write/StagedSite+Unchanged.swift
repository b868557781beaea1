import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A made file that is, byte for byte, the one the current output has: linked from there rather
/// than written. The search index's split (`SearchShards`) is made again whole whenever an
/// article changes, 413 files and 45 MB at 10,000 articles, of which an edited article changes
/// one to three and a copy of an older one added or removed 34 (the newest article comes first
/// in the documents' order, and changes them all): reading the others back to compare them costs
/// a fraction of writing them, and a changed file most often differs in its first bytes.
extension StagedSite {
    /// Links the current output's file at `path` into the staging directory if it is still the
    /// file with this stamp and holds exactly `bytes`; false otherwise (then it is to be written).
    func reuse(_ path: String, ifItHolds bytes: [UInt8], stamp: Stamp) -> Bool {
        guard stamp.size == bytes.count else { return false }
        let same = withCurrentFile(path, stamp: stamp) { StagedSite.file($0, holds: bytes) } ?? false
        // `reuse` checks the path's stamp again as it links.
        return same && reuse(path, stamp: stamp)
    }

    /// `body` of the current output's file at `path`, open, when it is a regular file with this
    /// stamp; nil otherwise.
    func withCurrentFile<R>(_ path: String, stamp: Stamp, _ body: (Int32) -> R) -> R? {
        StagedSite.withFile(path, under: outputRoot, stamp: stamp, body)
    }

    /// `body` of the file at `path` (`SafePath`) under the folder `root`, open, when it is a
    /// regular file with this stamp; nil otherwise.
    static func withFile<R>(_ path: String, under root: String, stamp: Stamp, _ body: (Int32) -> R) -> R? {
        guard let descriptor = openFile(path, under: root, stamp: stamp) else { return nil }
        defer { close(descriptor) }
        return body(descriptor)
    }

    /// The file at `path` (`SafePath`) under the folder `root`, opened for reading, when it is a
    /// regular file with this stamp; nil otherwise. The caller closes it.
    static func openFile(_ path: String, under root: String, stamp: Stamp) -> Int32? {
        guard SafePath.isSafe(path) else { return nil }
        return (try? FileTree.openRegularFile(root + "/" + path) { Stamp($0) == stamp })?.descriptor
    }

    /// Whether the file open at `descriptor` holds `bytes` from its start (it may be longer: the
    /// caller compares sizes), read a chunk at a time into one buffer: 4 KiB first, as a changed
    /// file most often differs there, then 64 KiB.
    static func file(_ descriptor: Int32, holds bytes: [UInt8]) -> Bool {
        var chunk = min(bytes.count, 1 << 12)
        guard chunk > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16))
        return bytes.withUnsafeBufferPointer { expected in
            buffer.withUnsafeMutableBufferPointer { buffer in
                var offset = 0
                while offset < expected.count {
                    let got = pread(descriptor, buffer.baseAddress!, min(chunk, expected.count - offset), off_t(offset))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { return false }
                    let read = UnsafeBufferPointer(rebasing: buffer[..<got]), wanted = UnsafeBufferPointer(rebasing: expected[offset..<(offset + got)])
                    guard ByteSearch.same(read, wanted) else { return false }
                    offset += got
                    chunk = buffer.count
                }
                return true
            }
        }
    }
}
