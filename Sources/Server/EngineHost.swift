import Foundation
import Monitor
import NIOCore
import SwitchboardCore
import Synchronization

/// The engine as the API serves it: the current data source (replaced on a reload), the consoles
/// attached to it, and the event stream that tells them what changed.
public final class EngineHost: Sendable {
    /// What a reload did: `POST /-/reload` and SIGHUP answer with it.
    public struct ReloadOutcome: Sendable, Codable, Equatable {
        public var succeeded: Bool
        public var message: String

        public init(succeeded: Bool, message: String) {
            self.succeeded = succeeded
            self.message = message
        }
    }

    /// How often the engine's snapshot is looked at for a new version (and quiet consoles dropped).
    /// Consoles hear of a new version at most this often (an operator's write at once), so that a
    /// large landscape publishing several versions a second costs each console two fetches a second.
    static let watchInterval: Duration = .milliseconds(500)

    public let presence = PresenceBoard()
    public let events = EventHub()
    public let info: EngineInfo
    private let current: Mutex<any DataSource>
    private let encoded = EncodedAnswers()
    /// The snapshots consoles were sent: the bases of their next deltas.
    private let served = Mutex(ServedVersions())
    private let reloader = Mutex<(@Sendable () async -> ReloadOutcome)?>(nil)
    private let jobPush = Mutex<JobPushHandler?>(nil)

    /// Handles a push job's report (method, path, body) and answers with a status and a JSON body.
    public typealias JobPushHandler = @Sendable (String, String, Data) -> (status: Int, body: Data)

    public init(source: any DataSource, info: EngineInfo) {
        self.current = Mutex(source)
        self.info = info
    }

    /// What `POST /-/reload` does: build and start the next engine (and `replace` it in), or say
    /// why the running one stays.
    public func onReload(_ reload: @escaping @Sendable () async -> ReloadOutcome) {
        reloader.withLock { $0 = reload }
    }

    /// Where push jobs' reports go (the engine's push ingestion); set again with each engine.
    public func onJobPush(_ handler: JobPushHandler?) {
        jobPush.withLock { $0 = handler }
    }

    func pushJobReport(method: String, path: String, body: Data) -> (status: Int, body: Data)? {
        jobPush.withLock { $0 }?(method, path, body)
    }

    /// The engine being served now.
    public var source: any DataSource { current.withLock { $0 } }

    /// Serves `source` from now on (after a reload), and tells every console to fetch anew.
    public func replace(_ source: any DataSource) {
        current.withLock { $0 = source }
        encoded.clear()
        served.withLock { $0 = ServedVersions() }
        events.publish("reset", data: "{}")
    }

    /// The engine's snapshot with the attached consoles in it.
    public var snapshot: Snapshot {
        var snapshot = source.snapshot
        snapshot.viewers = presence.viewers()
        return snapshot
    }

    /// The snapshot's JSON, encoded once per version however many consoles fetch it: every console
    /// fetches each new version at once, and encoding is most of the cost. Who is attached is not in
    /// it (a console joining would make every encoding new): presence events carry the viewers.
    func encodedSnapshot() -> ByteBuffer {
        let snapshot = source.snapshot
        served.withLock { $0.remember(snapshot, whole: true, at: .now) }
        return encoded.answer(snapshot.version, base: nil) { buffer in
            var frame = snapshot
            frame.interfaces = []
            Self.write(frame, interfaces: snapshot.interfaces, into: &buffer)
        }
    }

    /// What changed since `base`, encoded (once for every console on that base); nil when `base` is
    /// no longer kept, and the console must fetch the whole snapshot.
    func encodedDelta(since base: UInt64) -> ByteBuffer? {
        let snapshot = source.snapshot
        guard let old = served.withLock({ $0.base(base, at: .now) }) else { return nil }
        served.withLock { $0.remember(snapshot, whole: false, at: .now) }
        return encoded.answer(snapshot.version, base: base) { buffer in
            var frame = SnapshotDelta(from: old, to: snapshot)
            let interfaces = frame.interfaces
            frame.interfaces = []
            Self.write(frame, interfaces: interfaces, into: &buffer)
        }
    }

    /// `frame` (its interfaces empty) with `interfaces` streamed into it, one interface's encoding at a time.
    private static func write<Frame: Encodable, Interface: Encodable>(
        _ frame: Frame, interfaces: [Interface], into buffer: inout ByteBuffer
    ) {
        do {
            try APICoding.encode(frame, streaming: "interfaces", elements: interfaces) { buffer.writeBytes($0) }
        } catch {
            buffer.clear()
            buffer.writeString(#"{"error":"the snapshot could not be encoded"}"#)
        }
    }

    /// Ready once the state is loaded (the engine exists) and every check has run once.
    public var isReady: Bool { source.snapshot.progress.isComplete }

    var readiness: String {
        let progress = source.snapshot.progress
        return "\(progress.completed) of \(progress.total) checks have run"
    }

    public func reload() async -> ReloadOutcome {
        guard let reloader = reloader.withLock({ $0 }) else {
            return ReloadOutcome(succeeded: false, message: "this engine cannot reload")
        }
        return await reloader()
    }

    /// Performs a write for `caller`, and announces it on the event stream.
    func perform(_ command: Command, by caller: Caller) async -> CommandOutcome {
        let outcome = await source.perform(command)
        if outcome.succeeded {
            events.publish("action", ActionEvent(by: caller.name, message: outcome.message))
            events.publish("snapshot", SnapshotEvent(version: source.snapshot.version))
        }
        return outcome
    }

    func announcePresence() {
        events.publish("presence", presence.viewers())
    }

    /// Publishes a `snapshot` event whenever the engine's version moves, and drops consoles that
    /// went quiet, until cancelled.
    public func watch() async {
        var version = source.snapshot.version
        var ticks = 0
        while (try? await Task.sleep(for: Self.watchInterval)) != nil {
            let now = source.snapshot.version
            if now != version {
                version = now
                events.publish("snapshot", SnapshotEvent(version: now))
            }
            if presence.expire() { announcePresence() }
            ticks += 1
            // Encoding a delta for the consoles every version churns the heap more than the engine
            // does alone: while consoles are attached, its free pages go back every `trimTicks`.
            if ticks % Self.trimTicks == 0, !presence.viewers().isEmpty { ProcessMemory.returnFreePages() }
        }
    }

    /// Every 10 s (at the 500 ms watch interval).
    static let trimTicks = 20
}

/// The data of a `snapshot` event.
public struct SnapshotEvent: Codable, Sendable, Equatable {
    public var version: UInt64
}

/// The data of an `action` event: who did what (`acknowledged … by alice`).
public struct ActionEvent: Codable, Sendable, Equatable {
    public var by: String
    public var message: String
}
