import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Synchronization

/// `switchboard-bench targets`: the HTTP endpoints a benchmark probes, in a process of their own so
/// that their CPU is not counted against the prober. Prints its port, counts requests at `/count`.
struct TargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Serve the benchmark's probe targets on 127.0.0.1 (internal).")

    func run() async throws {
        let requests = Atomic<Int>(0)
        let router = Router()
        router.get("health/{id}") { _, _ in
            requests.add(1, ordering: .relaxed)
            return #"{"status":"UP"}"#
        }
        router.get("count") { _, _ in String(requests.load(ordering: .relaxed)) }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("\(channel.localAddress?.port ?? 0)\n".utf8))
            }, logger: Logger(label: "targets", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.runService()
    }
}
