import Foundation

/// Ordered parallel map on every core: the result is the same array as `items.map(transform)`,
/// so the output never depends on scheduling. Each thread takes the next item when it is free, so
/// a few large items (an actor named everywhere) do not leave the other cores idle.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                              _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, threads > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(items.count, threads)) { _ in
            while true {
                let index = next.increment() - 1
                guard index < items.count else { return }
                slots.set(index, transform(items[index]))
            }
        }
        return slots.takeValues()
    }

    /// `transform` of every number in `0..<count`, made on every core a batch at a time and handed
    /// to `consume` in order: for a stream written as it is made (a data file), with only one
    /// batch of results in memory.
    static func forEachInOrder<R: Sendable>(_ count: Int, batch: Int = 256, _ transform: @Sendable (Int) -> R, _ consume: (R) -> Void) {
        var start = 0
        while start < count {
            let end = min(start + batch, count)
            for result in map(Array(start..<end), transform) { consume(result) }
            start = end
        }
    }

    /// `body` of consecutive runs of `0..<count` on every core, a run per thread; for work on
    /// disjoint places of one buffer (`Linker.flatten`), which the caller makes safe.
    static func forEachChunk(_ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                             _ body: (Range<Int>) -> Void) {
        let runs = max(1, min(count, threads))
        guard runs > 1 else { return body(0..<count) }
        // Not `@Sendable`: the runs are disjoint, and the caller keeps what they touch apart.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            body((count * run / runs)..<(count * (run + 1) / runs))
        }
    }

    final class Slots<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: R) {
            lock.lock(); defer { lock.unlock() }
            storage[index] = value
        }
        /// The values, moved out (the slots are left empty): copying them retained every
        /// reference in every one on one core, and letting the slots go released them again (the
        /// linker's 10,000 facts on the serial path of every build).
        func takeValues() -> [R] {
            lock.lock(); defer { lock.unlock() }
            let count = storage.count
            return storage.withUnsafeMutableBufferPointer { slots in
                [R](unsafeUninitializedCapacity: count) { values, initialized in
                    for index in 0..<count { (values.baseAddress! + index).initialize(to: slots[index].take()!) }
                    initialized = count
                }
            }
        }
    }

    /// A count shared by threads (pages done, for progress).
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func increment() -> Int {
            lock.lock(); defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
