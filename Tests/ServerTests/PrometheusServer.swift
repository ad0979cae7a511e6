import AsyncHTTPClient
import Foundation
import TestSupport

/// A real Prometheus (Debian's `prometheus` package) on a free loopback port and a temporary
/// directory, with the given prometheus.yml, read back through its HTTP API.
struct PrometheusServer {
    static let path = "/usr/bin/prometheus"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    let port: Int
    let directory: URL
    let process: ChildProcess.Background

    /// Starts Prometheus with `config` (`{{rules}}` in it stands for `rules`' file) and waits until it is ready.
    static func start(config: String, rules: String = "groups: []\n", in directory: URL) async throws
        -> PrometheusServer
    {
        let rulesFile = directory.appending(path: "rules.yml")
        try rules.write(to: rulesFile, atomically: true, encoding: .utf8)
        let configFile = directory.appending(path: "prometheus.yml")
        try config.replacingOccurrences(of: "{{rules}}", with: rulesFile.path)
            .write(to: configFile, atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        // One thread of Go code: the suite's other tests share the machine's cores with it.
        let process = try ChildProcess.Background(
            path,
            [
                "--config.file=\(configFile.path)", "--storage.tsdb.path=\(directory.appending(path: "data").path)",
                "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
            ], environment: ["GOMAXPROCS": "1", "HOME": directory.path],
            log: directory.appending(path: "prometheus.log").path)
        let server = PrometheusServer(port: port, directory: directory, process: process)
        try await server.waitUntilReady()
        return server
    }

    private func waitUntilReady() async throws {
        let ready = await eventually {
            guard process.isRunning else { return false }
            return (try? await APITestClient(target: .tcp(port)).get("/-/ready").status) == 200
        }
        guard ready else { throw Failure(description: "Prometheus did not become ready: \(log.suffix(800))") }
    }

    /// What Prometheus logged (warnings and errors).
    var log: String {
        (try? String(contentsOf: directory.appending(path: "prometheus.log"), encoding: .utf8)) ?? ""
    }

    /// An instant query's result: each series' labels (with `__name__`) and value.
    func query(_ promQL: String) async throws -> [(labels: [String: String], value: Double)] {
        let encoded = promQL.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? promQL
        let data = try await json("/api/v1/query?query=\(encoded)")
        let result = (data["result"] as? [[String: Any]]) ?? []
        return result.map { series in
            let value = (series["value"] as? [Any])?.last as? String
            return ((series["metric"] as? [String: String]) ?? [:], value.flatMap(Double.init) ?? .nan)
        }
    }

    /// `GET /api/v1/alerts`: the active alerts of Prometheus' own rule evaluation.
    func alerts() async throws -> [(labels: [String: String], state: String, activeAt: Date?)] {
        let alerts = (try await json("/api/v1/alerts")["alerts"] as? [[String: Any]]) ?? []
        return alerts.map { alert in
            (
                (alert["labels"] as? [String: String]) ?? [:], (alert["state"] as? String) ?? "",
                (alert["activeAt"] as? String).flatMap(Self.date)
            )
        }
    }

    /// The `data` of an API answer.
    private func json(_ path: String) async throws -> [String: Any] {
        let answer = try await APITestClient(target: .tcp(port)).get(path)
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
        guard answer.status == 200, let data = object?["data"] as? [String: Any] else {
            throw Failure(description: "Prometheus answered \(answer.status) to \(path): \(answer.body)")
        }
        return data
    }

    func stop() async {
        _ = try? await OwnThread.run { [process] in process.stop() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// An RFC 3339 time as Go writes it, with up to nine fractional digits (more than
    /// `ISO8601DateFormatter` reads).
    static func date(_ text: String) -> Date? {
        let parts = text.dropLast().split(separator: ".", maxSplits: 1)
        guard text.hasSuffix("Z"), let whole = ISO8601DateFormatter().date(from: parts[0] + "Z") else { return nil }
        return whole.addingTimeInterval(parts.count > 1 ? Double("0." + parts[1]) ?? 0 : 0)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
