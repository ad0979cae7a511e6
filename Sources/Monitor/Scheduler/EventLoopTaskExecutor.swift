import NIOCore

/// Runs a task's jobs on one NIO event loop, so that a check's task and the HTTP connection it uses
/// share a thread instead of handing every step of a request across threads.
///
/// A job enqueued from the loop's own thread (a response resuming the probe that waits for it) only
/// joins the loop's queue; nothing is woken.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// One executor for each loop of `group`.
    static func forEachLoop(of group: any EventLoopGroup) -> [EventLoopTaskExecutor] {
        group.makeIterator().map(EventLoopTaskExecutor.init)
    }
}
