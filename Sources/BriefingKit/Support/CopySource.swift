import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file whose runs of bytes are copied into another by the kernel (`copy_file_range`): the
/// last build's data file, whose unchanged parts the next one is made of (`ByteStream.copy(_:from:)`),
/// or a page's last file, whose content a page put in a new layout keeps (`SiteBuilder.remake`).
/// It is read, not mapped: a mapping of `briefing.json` (127 MB at 10,000 articles) counted in the
/// build's peak memory as soon as its pages were looked at, and a mapped file cut short by another
/// program would stop the build.
public final class CopySource: @unchecked Sendable {
    let descriptor: Int32
    /// The file's size when it was opened.
    public let count: Int
    /// How many runs the kernel was asked to copy: for tests.
    private(set) var runsCopied = 0
    /// Room for the bytes compared by `holds`, kept from one call to the next (`holds` is the
    /// stream's, on its thread; `read` may be called from any).
    private var room: [UInt8] = []

    /// The regular file at `path`, or nil when it cannot be opened.
    public init?(path: String) {
        guard let (descriptor, size) = try? FileTree.openRegularFile(path) else { return nil }
        self.descriptor = descriptor
        count = size
    }

    /// A file open at `descriptor`, `count` bytes long, which it closes when it is let go.
    init(descriptor: Int32, count: Int) {
        self.descriptor = descriptor
        self.count = count
    }

    deinit { close(descriptor) }

    /// Whether the file holds `written` from `offset` (read with one `pread`: a few bytes, most
    /// often the separator between two entries).
    func holds(_ written: [UInt8], at offset: Int) -> Bool {
        guard !written.isEmpty else { return true }
        guard offset >= 0, offset + written.count <= count else { return false }
        if room.count < written.count { room = [UInt8](repeating: 0, count: written.count) }
        return room.withUnsafeMutableBufferPointer { room in
            written.withUnsafeBufferPointer { written in
                pread(descriptor, room.baseAddress!, written.count, off_t(offset)) == written.count
                    && ByteSearch.same(UnsafeBufferPointer(rebasing: room[..<written.count]), written)
            }
        }
    }

    /// The bytes of `range`, or nil when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= count else { return nil }
        return FileTree.read(range.count, at: range.lowerBound, from: descriptor)
    }

    /// Puts `range` into the file open at `target`, at its position: by the kernel, and what it
    /// could not copy (another file system, an error before the end) read and written. Returns
    /// how many bytes are in the file then (fewer when that failed too).
    func copy(_ range: Range<Int>, to target: Int32) -> Int {
        runsCopied += 1
        var from = Int64(range.lowerBound), done = 0
        if let copyFileRange = Self.copyFileRange {
            while done < range.count {
                let copied = copyFileRange(descriptor, &from, target, nil, range.count - done, 0)
                if copied < 0 && errno == EINTR { continue }
                guard copied > 0 else { break }
                done += copied
            }
        }
        guard done < range.count else { return done }
        guard let rest = read((range.lowerBound + done)..<range.upperBound) else { return done }
        return done + rest.withUnsafeBytes { FileTree.writeAll($0, to: target) }
    }

    /// Linux's `copy_file_range(2)`, looked up at run time (Glibc's module does not declare it).
    private typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
    private static let copyFileRange: CopyFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range")
        .map { unsafeBitCast($0, to: CopyFileRange.self) }
}
