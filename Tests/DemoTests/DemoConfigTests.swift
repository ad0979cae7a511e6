import Foundation
import Testing
import Yams

@testable import Demo

@Suite("Demo config (examples/demo.yaml)")
struct DemoConfigTests {
    static let examplesFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/demo.yaml")

    static func config() throws -> [String: Any] {
        let text = try String(contentsOf: examplesFile, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static func list(_ config: [String: Any], _ key: String) -> [[String: Any]] {
        config[key] as? [[String: Any]] ?? []
    }

    static func allChecks(_ config: [String: Any]) -> [[String: Any]] {
        (list(config, "systems") + list(config, "interfaces")).flatMap { $0["checks"] as? [[String: Any]] ?? [] }
    }

    @Test func exampleIsValidYAMLWithEnoughSystemsAndInterfaces() throws {
        let config = try Self.config()
        let systems = Self.list(config, "systems")
        let interfaces = Self.list(config, "interfaces")
        #expect(systems.count >= 8)
        #expect(interfaces.count >= 12)
        let chinese = systems.compactMap { $0["name"] as? String }.filter {
            $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }
        #expect(chinese.count >= 2)
        #expect(Self.list(config, "jobs").count >= 2)
        #expect(config["landscape"] is String)
    }

    @Test func systemsMatchTheServersAndInterfacesConnectThem() throws {
        let config = try Self.config()
        let ids = Self.list(config, "systems").compactMap { $0["id"] as? String }
        #expect(ids == DemoSystem.all.map(\.id))
        #expect(Self.list(config, "systems").compactMap { $0["name"] as? String } == DemoSystem.all.map(\.name))
        let protocols = ["rest", "soap", "graphql", "kafka", "rabbitmq", "sftp", "db", "file", "other"]
        for interface in Self.list(config, "interfaces") {
            #expect(ids.contains(interface["from"] as? String ?? ""), "\(interface["id"] ?? "?")")
            #expect(ids.contains(interface["to"] as? String ?? ""), "\(interface["id"] ?? "?")")
            #expect(protocols.contains(interface["protocol"] as? String ?? ""))
            #expect(!(interface["checks"] as? [Any] ?? []).isEmpty)
        }
    }

    @Test func everyCheckPollsEveryFiveSecondsWithATwoSecondTimeout() throws {
        let checks = Self.allChecks(try Self.config())
        let ids = checks.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == checks.count, "check ids must be unique")
        for check in checks {
            #expect(check["interval"] as? String == "5s", "\(check["id"] ?? "?")")
            #expect(check["timeout"] as? String == "2s", "\(check["id"] ?? "?")")
            let kinds = ["http", "tcp", "tls", "dns", "scrape", "command", "flow", "reconcile"]
                .filter { check[$0] != nil }
            #expect(kinds.count == 1, "one probe kind: \(check["id"] ?? "?")")
        }
        let latency = checks.compactMap { ($0["expect"] as? [String: Any])?["latency_below"] as? String }
        #expect(latency.count >= 3 && latency.allSatisfy { $0 == "800ms" })
    }

    @Test func everyVariableTheConfigUsesIsProvidedByTheLandscape() throws {
        let text = try String(contentsOf: Self.examplesFile, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\$\{([A-Z0-9_]+)\}"#)
        let used = Set(
            pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!])
            })
        let provided = Set(DemoSystem.all.flatMap { [$0.urlVariable, $0.addressVariable] })
            .union([DemoLandscape.jobLogDirectoryVariable])
        #expect(!used.isEmpty)
        #expect(used.isSubset(of: provided), "unknown: \(used.subtracting(provided))")
        #expect(used.contains("DEMO_MFT_ADDR"))
    }

    /// Each endpoint a fault may strike is watched by some check, so every episode shows on screen.
    @Test func everyFaultTargetIsWatchedByACheck() throws {
        let checks = Self.allChecks(try Self.config())
        let urls = checks.compactMap { ($0["http"] as? [String: Any])?["url"] as? String }
        let interfaces = Self.list(try Self.config(), "interfaces")
        let conditions = interfaces.flatMap {
            (($0["health"] as? [String: Any])?["conditions"] as? [[String: Any]] ?? []).compactMap {
                $0["when"] as? String
            }
        }
        for (kind, targets) in FaultTarget.candidates {
            for target in targets {
                let system = try #require(DemoSystem.named(target.system))
                if let group = target.consumerGroup {
                    #expect(conditions.contains { $0.contains("consumergroup=\"\(group)\"") }, "\(kind) \(target)")
                    continue
                }
                if kind == .deadLetters {
                    #expect(conditions.contains { $0.contains(RabbitMQMetrics.deadLetterQueue) }, "\(kind) \(target)")
                    continue
                }
                let prefix = "${\(system.urlVariable)}" + (target.path == "/" ? "" : target.path)
                #expect(urls.contains { $0.hasPrefix(prefix) }, "\(kind) \(target)")
            }
        }
    }

    @Test func configFileIsFoundInTheBuiltResourceBundle() throws {
        let url = try DemoLandscape.configFileURL(environment: [:])
        #expect(url.path.contains("\(DemoLandscape.resourceBundleName).resources"))
        #expect(try String(contentsOf: url, encoding: .utf8) == String(contentsOf: Self.examplesFile, encoding: .utf8))
    }

    @Test func anInstalledTreeIsSearchedAfterTheResourceBundle() throws {
        let candidates = DemoLandscape.configFileCandidates(environment: [:]).map(\.path)
        let installed = try #require(candidates.firstIndex { $0.hasSuffix("/share/switchboard/demo/demo.yaml") })
        let bundled = try #require(candidates.firstIndex { $0.contains(".resources/demo.yaml") })
        #expect(bundled < installed, "a resource bundle beside the binary wins: \(candidates)")
        let binaryFolder = try #require(
            Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent())
        #expect(
            candidates[installed]
                == binaryFolder.deletingLastPathComponent().appendingPathComponent("share/switchboard/demo/demo.yaml")
                .path)
    }

    @Test func configFileOverrideIsHonouredAndAMissingFileIsAClearError() throws {
        let found = try DemoLandscape.configFileURL(
            environment: [DemoLandscape.configOverrideVariable: Self.examplesFile.path])
        #expect(found.path == Self.examplesFile.path)
        let missing = "/nonexistent/demo.yaml"
        #expect(throws: DemoError.configFileNotFound(searched: [missing])) {
            try DemoLandscape.configFileURL(environment: [DemoLandscape.configOverrideVariable: missing])
        }
        let message = DemoError.configFileNotFound(searched: ["/a/demo.yaml"]).description
        #expect(message.contains("/a/demo.yaml") && message.contains(DemoLandscape.configOverrideVariable))
    }
}

/// README's description of the demo matches its config (issue 19: README said 29 checks, the demo has 30).
@Suite struct DemoReadmeTests {
    @Test func readmeCountsTheDemosSystemsInterfacesAndChecks() throws {
        let config = try DemoConfigTests.config()
        let readme = try String(
            contentsOf: DemoConfigTests.examplesFile.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("README.md"), encoding: .utf8)
        let counts =
            "\(DemoConfigTests.list(config, "systems").count) systems, "
            + "\(DemoConfigTests.list(config, "interfaces").count) interfaces, "
            + "\(DemoConfigTests.allChecks(config).count) checks"
        #expect(readme.contains(counts), "README names \(counts)")
    }
}
