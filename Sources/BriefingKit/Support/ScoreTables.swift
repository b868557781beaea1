import Foundation

/// Tables of `Double`s, one per article position, lent to one caller at a time and given back
/// zeroed: `RelatedScorer` adds up each article's scores in one, in place, instead of
/// sorting or hashing thousands of hits for every article. A table is kept for the next caller,
/// so there are never more than there are threads at work.
final class ScoreTables: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [[Double]] = []
    let size: Int

    init(size: Int) { self.size = size }

    /// Runs `body` with a table of zeros (`size` of them); `body` must leave it zeroed again.
    func with<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        lock.lock()
        var table = free.popLast() ?? []
        lock.unlock()
        if table.count != size { table = [Double](repeating: 0, count: size) }
        defer {
            lock.lock()
            free.append(table)
            lock.unlock()
        }
        return table.withUnsafeMutableBufferPointer { body($0) }
    }
}
