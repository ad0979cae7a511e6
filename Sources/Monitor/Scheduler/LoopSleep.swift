import NIOCore
import NIOPosix

/// Sleeps for `duration` on the timer of the event loop the task runs on (`Task.sleep` elsewhere);
/// throws `CancellationError` when the task is cancelled first.
///
/// On a loop, arming and cancelling the timer are a heap insert and removal on the loop's own
/// thread; `Task.sleep` hands every timer to the dispatch manager thread, which wakes to fire it.
func sleepOnCurrentLoop(for duration: Duration) async throws {
    guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else {
        try await Task.sleep(for: duration)
        return
    }
    let timer = loop.scheduleTask(in: .nanoseconds(max(duration.nanoseconds, 0))) {}
    do {
        try await withTaskCancellationHandler {
            try await timer.futureResult.get()
        } onCancel: {
            timer.cancel()
        }
    } catch {
        throw CancellationError()
    }
}
