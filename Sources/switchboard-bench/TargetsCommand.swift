import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Synchronization

/// `switchboard-bench targets`: the HTTP endpoints a benchmark probes, in a process of their own so
/// that their CPU is not counted against the prober. Prints its port, counts requests at `/count`.
/// `POST /orders` creates an order for the flows benchmark; `GET /orders/{id}` answers 404 until the
/// order is `arrivalSeconds` old (a few 5 s polls), then `{"status":"POSTED"}`.
struct TargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Serve the benchmark's probe targets on 127.0.0.1 (internal).")

    /// How old an order must be before `GET /orders/{id}` finds it.
    static let arrivalSeconds: Int64 = 12

    func run() async throws {
        let requests = Atomic<Int>(0)
        let router = Router()
        router.get("health/{id}") { _, _ in
            requests.add(1, ordering: .relaxed)
            return #"{"status":"UP"}"#
        }
        router.get("count") { _, _ in String(requests.load(ordering: .relaxed)) }
        let start = ContinuousClock.now
        router.post("orders") { _, _ in
            requests.add(1, ordering: .relaxed)
            return #"{"id":\#((ContinuousClock.now - start).components.seconds * 1000 + 1000)}"#
        }
        router.get("orders/{id}") { _, context -> Response in
            requests.add(1, ordering: .relaxed)
            let created = (Int64(context.parameters.get("id") ?? "") ?? 0) / 1000 - 1
            let age = (ContinuousClock.now - start).components.seconds - created
            guard age >= Self.arrivalSeconds else { return Response(status: .notFound) }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"POSTED"}"#)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("\(channel.localAddress?.port ?? 0)\n".utf8))
            }, logger: Logger(label: "targets", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.runService()
    }
}

extension TargetsCommand {
    /// Starts `switchboard-bench targets` in a process of its own and reads the port it serves on; the
    /// caller stops the process.
    static func start() throws -> (process: ChildProcess, port: Int) {
        let process = try ChildProcess(BenchPaths.selfExecutable, ["targets"])
        guard let line = process.readLine(), let port = Int(line) else {
            process.stop()
            throw ValidationError("the target server did not start")
        }
        return (process, port)
    }
}
