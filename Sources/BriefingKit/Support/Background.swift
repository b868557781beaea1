import Foundation

/// Work on a thread of its own, from the moment it is made; `wait()` returns when it is done
/// (at once, if it already was). Call it before whatever the work must finish before.
final class Background: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Void) {
        Thread.detachNewThread { [done] in
            work()
            done.signal()
        }
    }

    func wait() {
        done.wait()
        done.signal()
    }
}
