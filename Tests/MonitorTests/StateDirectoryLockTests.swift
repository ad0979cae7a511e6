import Foundation
import TestSupport
import Testing

@testable import Monitor

/// One engine per state directory: the lock is taken once, names its holder, and is free again
/// when its holder lets go or dies however it dies.
@Suite struct StateDirectoryLockTests {
    private func directory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "sb-lock-\(UUID())")
    }

    @Test func theSecondTakerIsToldWhoHoldsIt() throws {
        let directory = directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .acquired(let lock) = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record("a fresh directory's lock is free")
            return
        }
        guard case .heldBy(let pid) = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record("taken twice")
            return
        }
        #expect(pid == getpid())
        #expect(StateDirectoryLock.isHeld(directory: directory))
        withExtendedLifetime(lock) {}
    }

    @Test func theLockNamesASocketServedElsewhere() throws {
        let directory = directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .acquired(let lock) = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record("a fresh directory's lock is free")
            return
        }
        #expect(
            StateDirectoryLock.socketPath(directory: directory) == directory.appending(path: "switchboard.sock").path)
        try lock.announce(socket: "/run/switchboard/api.sock")
        #expect(StateDirectoryLock.socketPath(directory: directory) == "/run/switchboard/api.sock")
        #expect(StateDirectoryLock.holder(directory: directory) == getpid(), "the pid stays on the first line")
    }

    @Test func aReleasedLockIsTakenAgain() throws {
        let directory = directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            guard case .acquired = try StateDirectoryLock.acquire(directory: directory) else {
                Issue.record("free")
                return
            }
        }
        #expect(!StateDirectoryLock.isHeld(directory: directory))
        guard case .acquired = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record("a released lock stays taken")
            return
        }
    }

    @Test func theLockOfAKilledProcessIsTakenOver() async throws {
        let directory = directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lockFile = directory.appending(path: StateDirectoryLock.fileName).path
        // A shell takes the same kind of lock as an engine (util-linux's flock(1) on fd 9), then
        // becomes `sleep` in the same process: one process to kill -9, no child left holding it. It
        // waits for the lock: the loop below takes it shared for a moment each time it looks.
        let holder = try ChildProcess.Background(
            "/bin/sh", ["-c", #"exec 9>"$0" && flock --exclusive 9 && exec sleep 60"#, lockFile])
        let deadline = Date().addingTimeInterval(300)
        while !StateDirectoryLock.isHeld(directory: directory), Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        guard case .heldBy = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record(
                "the other process's lock was not seen (the shell \(holder.isRunning ? "runs" : "ended: \(holder.stop())"))"
            )
            return
        }
        _ = try await OwnThread.run { holder.stop(SIGKILL) }
        guard case .acquired = try StateDirectoryLock.acquire(directory: directory) else {
            Issue.record("a dead process's lock was not taken over")
            return
        }
        #expect(StateDirectoryLock.holder(directory: directory) == getpid())
    }

    @Test func anUnusableDirectoryIsAnErrorNotAHeldLock() {
        #expect(throws: (any Error).self) {
            try StateDirectoryLock.acquire(directory: URL(fileURLWithPath: "/proc/1/nope"))
        }
    }
}
