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

    /// Drops a value on a thread of its own, a moment after the caller has let go of its own
    /// references: the last reference is then that thread's, and so is the time freeing it takes.
    static func release<T>(_ value: consuming T) {
        let box = Box(value)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.05)
            box.value = nil
        }
    }

    private final class Box: @unchecked Sendable {
        var value: Any?
        init(_ value: Any) { self.value = value }
    }

    func wait() {
        done.wait()
        done.signal()
    }
}

/// A value made on a thread of its own; `value` waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private var work: Background!

    init(_ make: @escaping @Sendable () -> Value) {
        work = Background { [self] in result = make() }
    }

    var value: Value {
        work.wait()
        return result!
    }
}
