import Dispatch

/// A value computed on another thread while the caller goes on; `value` waits for it.
final class ParallelResult<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    /// The value; blocks until the work is done. Read it once, from one thread.
    var value: Value {
        group.wait()
        return result!
    }
}
