import Synchronization
import Testing

@testable import Monitor

@Suite struct ConcurrencyLimitTests {
    /// State the tasks of a test share.
    final class Shared<Value: Sendable>: Sendable {
        let value: Mutex<Value>

        init(_ value: Value) {
            self.value = Mutex(value)
        }
    }

    @Test(.timeLimit(.minutes(1))) func neverLetsMoreThanTheLimitRunAtOnce() async {
        let limit = ConcurrencyLimit(3)
        let running = Shared((now: 0, most: 0))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await limit.run {
                        running.value.withLock {
                            $0.now += 1
                            $0.most = max($0.most, $0.now)
                        }
                        // The first tasks hold their slots until all three slots are taken.
                        while running.value.withLock({ $0.most < 3 }) { await Task.yield() }
                        running.value.withLock { $0.now -= 1 }
                    }
                }
            }
        }
        let (now, most) = running.value.withLock { ($0.now, $0.most) }
        #expect(now == 0)
        #expect(most == 3, "the first three tasks fill all three slots and no fourth gets in")
    }

    @Test func waitersGetTheirTurnInArrivalOrder() async {
        let limit = ConcurrencyLimit(1)
        let order = Shared<[Int]>([])
        let gate = Shared<CheckedContinuation<Void, Never>?>(nil)
        // The first task holds the only slot until every other task is waiting for it.
        let holder = Task {
            await limit.run {
                await withCheckedContinuation { continuation in gate.value.withLock { $0 = continuation } }
            }
        }
        while gate.value.withLock({ $0 == nil }) { await Task.yield() }
        var waiters: [Task<Void, Never>] = []
        for index in 0..<5 {
            waiters.append(Task { await limit.run { order.value.withLock { $0.append(index) } } })
            while limit.waiting < index + 1 { await Task.yield() }  // queued before the next one starts
        }
        gate.value.withLock { $0?.resume() }
        await holder.value
        for waiter in waiters { await waiter.value }
        #expect(order.value.withLock { $0 } == [0, 1, 2, 3, 4])
    }
}
