import Foundation
import Yams

/// Turns the YAML tree of a config into a `Landscape`, then checks ids and references.
struct LandscapeDecoder {
    let reader: ConfigReader

    func landscape(_ root: Node, defaultName: String) -> Landscape? {
        let keys = [
            "landscape", "defaults", "systems", "interfaces", "jobs", "rule_files", "alerting", "history", "server",
        ]
        guard let fields = reader.mapping(root, context: "the config", keys: keys) else { return nil }
        let name = fields["landscape"].flatMap { reader.string($0) } ?? defaultName
        let checks = CheckDecoder(reader: reader, defaults: fields["defaults"].map(defaults) ?? CheckDefaults())
        var ids = IDRegistry(reader: reader)

        let systemNodes = reader.required("systems", in: fields).flatMap { reader.sequence($0, of: "systems") } ?? []
        let systems = systemNodes.compactMap { system($0, checks: checks, ids: &ids) }
        let interfaceNodes = fields["interfaces"].flatMap { reader.sequence($0, of: "interfaces") } ?? []
        let interfaces = interfaceNodes.compactMap { interface($0, checks: checks, ids: &ids) }
        let jobNodes = fields["jobs"].flatMap { reader.sequence($0, of: "jobs") } ?? []
        let jobs = jobNodes.compactMap { job($0, ids: &ids) }
        let ruleFiles = fields["rule_files"].flatMap { reader.stringList($0) } ?? []
        let alerting = fields["alerting"].map { AlertingDecoder(reader: reader).alerting($0) } ?? AlertingConfig()
        let history = fields["history"].map(history) ?? HistoryConfig()
        let server = fields["server"].map(server) ?? ServerConfig()
        checkFlowPaths(
            systemNodes: systemNodes, interfaceNodes: interfaceNodes, systems: systems, interfaces: interfaces,
            ids: &ids)

        ids.resolveReferences()
        return Landscape(
            name: name, systems: systems, interfaces: interfaces, jobs: jobs, ruleFiles: ruleFiles, alerting: alerting,
            history: history, server: server)
    }

    private func server(_ node: Node) -> ServerConfig {
        guard let fields = reader.mapping(node, context: "server", keys: ["tokens"]) else { return ServerConfig() }
        let nodes = fields["tokens"].flatMap { reader.sequence($0, of: "tokens") } ?? []
        var seen: [String: SourceLocation] = [:]
        let tokens = nodes.compactMap { node -> APIToken? in
            guard let token = reader.mapping(node, context: "a token", keys: ["name", "role", "token"]),
                let nameNode = reader.required("name", in: token), let name = reader.string(nameNode),
                let roleNode = reader.required("role", in: token), let roleText = reader.string(roleNode),
                let valueNode = reader.required("token", in: token), let value = reader.expandedString(valueNode)
            else { return nil }
            guard let role = APIRole(rawValue: roleText) else {
                reader.fail(.invalidValue(roleText, expected: "viewer, operator or admin"), at: roleNode)
                return nil
            }
            if let first = seen[name] {
                reader.fail(.duplicateID(name, firstAt: first), at: nameNode)
                return nil
            }
            seen[name] = reader.location(of: nameNode)
            guard value.utf8.count >= 16 else {
                reader.fail(
                    .invalidValue("a token of \(value.utf8.count) bytes", expected: "at least 16 bytes"), at: valueNode)
                return nil
            }
            return APIToken(name: name, role: role, value: value)
        }
        return ServerConfig(tokens: tokens)
    }

    private func history(_ node: Node) -> HistoryConfig {
        var history = HistoryConfig()
        guard let fields = reader.mapping(node, context: "history", keys: ["retention"]) else { return history }
        history.retention = fields["retention"].flatMap(reader.duration) ?? history.retention
        return history
    }

    private func defaults(_ node: Node) -> CheckDefaults {
        var defaults = CheckDefaults()
        guard let fields = reader.mapping(node, context: "defaults", keys: ["interval", "timeout"]) else {
            return defaults
        }
        defaults.interval = fields["interval"].flatMap(reader.duration) ?? defaults.interval
        defaults.timeout = fields["timeout"].flatMap(reader.duration) ?? min(defaults.timeout, defaults.interval)
        return defaults
    }

    private func system(_ node: Node, checks: CheckDecoder, ids: inout IDRegistry) -> System? {
        let keys = ["id", "name", "owner", "labels", "depends_on", "checks", "health"]
        guard let fields = reader.mapping(node, context: "a system", keys: keys),
            let id = identifier(in: fields, namespace: .system, ids: &ids)
        else { return nil }
        var system = System(id: id, name: fields["name"].flatMap { reader.string($0) } ?? id)
        system.owner = fields["owner"].flatMap { reader.string($0) }
        system.labels = labels(fields)
        if let dependsNode = fields["depends_on"] {
            for item in reader.sequence(dependsNode, of: "system ids") ?? [] {
                guard let target = reader.string(item) else { continue }
                system.dependsOn.append(target)
                ids.reference(target, to: .system, at: item)
            }
        }
        system.checks = registeredChecks(fields, owner: "system `\(id)`", checks: checks, ids: &ids)
        system.health = fields["health"].map(thresholds) ?? HealthThresholds()
        return system
    }

    private func interface(_ node: Node, checks: CheckDecoder, ids: inout IDRegistry) -> Interface? {
        let keys = ["id", "name", "from", "to", "protocol", "owner", "labels", "checks", "health", "throughput", "slo"]
        guard let fields = reader.mapping(node, context: "an interface", keys: keys) else { return nil }
        let id = identifier(in: fields, namespace: .interface, ids: &ids)
        let from = reader.required("from", in: fields).flatMap { endpoint($0, ids: &ids) }
        let to = reader.required("to", in: fields).flatMap { endpoint($0, ids: &ids) }
        let kind = fields["protocol"].flatMap(interfaceProtocol) ?? .other
        let owned = registeredChecks(fields, owner: "interface `\(id ?? "?")`", checks: checks, ids: &ids)
        let slo = fields["slo"].flatMap { SLODecoder(reader: reader).objective($0) }
        guard let id, let from, let to else { return nil }
        var interface = Interface(
            id: id, name: fields["name"].flatMap { reader.string($0) } ?? id, from: from, to: to, kind: kind,
            owner: fields["owner"].flatMap { reader.string($0) }, labels: labels(fields), checks: owned,
            health: fields["health"].map(thresholds) ?? HealthThresholds(),
            throughput: fields["throughput"].flatMap(throughput))
        interface.slo = slo
        return interface
    }

    private func throughput(_ node: Node) -> ThroughputSource? {
        guard let fields = reader.mapping(node, context: "throughput", keys: ["metric", "labels", "expect"]),
            let metricNode = reader.required("metric", in: fields), let metric = reader.string(metricNode)
        else { return nil }
        guard ThroughputSource.isValidMetricName(metric) else {
            reader.fail(.invalidValue(metric, expected: "a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"), at: metricNode)
            return nil
        }
        let expect = fields["expect"].flatMap { VolumeExpectationDecoder(reader: reader).expectation($0) }
        return ThroughputSource(metric: metric, labels: labels(fields), expect: expect)
    }

    private func job(_ node: Node, ids: inout IDRegistry) -> Job? {
        guard let fields = reader.mapping(node, context: "a job", keys: JobDecoder.keys),
            let id = identifier(in: fields, namespace: .job, ids: &ids)
        else { return nil }
        if let systemNode = fields["system"], let system = reader.string(systemNode) {
            ids.reference(system, to: .system, at: systemNode)
        }
        return JobDecoder(reader: reader).job(fields, id: id, node: node)
    }

    private func identifier(in fields: Fields, namespace: IDRegistry.Namespace, ids: inout IDRegistry) -> String? {
        guard let node = reader.required("id", in: fields), let id = reader.string(node) else { return nil }
        guard Self.isValidID(id) else {
            reader.fail(.invalidValue(id, expected: "an id of letters, digits, `_`, `-` and `.`"), at: node)
            return nil
        }
        ids.define(id, in: namespace, at: node)
        return id
    }

    /// Letters, digits, `_`, `-` and `.`, starting with a letter or digit.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }

    private func endpoint(_ node: Node, ids: inout IDRegistry) -> String? {
        guard let id = reader.string(node) else { return nil }
        ids.reference(id, to: .system, at: node)
        return id
    }

    private func registeredChecks(
        _ fields: Fields, owner: String, checks: CheckDecoder, ids: inout IDRegistry
    ) -> [Check] {
        guard let node = fields["checks"] else { return [] }
        return checks.checks(node, owner: owner).map { check, checkNode in
            let idNode = checkNode.mapping?["id"] ?? checkNode
            ids.define(check.id, in: .check, at: idNode)
            return check
        }
    }

    private func thresholds(_ node: Node) -> HealthThresholds {
        var thresholds = HealthThresholds()
        let keys = ["down_after", "degraded_latency", "conditions"]
        guard let fields = reader.mapping(node, context: "health", keys: keys) else { return thresholds }
        thresholds.downAfter =
            fields["down_after"].flatMap { reader.int($0, in: 1...1000, what: "a number of failed runs (1-1000)") } ?? 1
        thresholds.degradedLatency = fields["degraded_latency"].flatMap(reader.duration)
        thresholds.conditions = fields["conditions"].map { HealthConditionDecoder(reader: reader).conditions($0) } ?? []
        return thresholds
    }

    private func labels(_ fields: Fields) -> [String: String] {
        let pairs = fields["labels"].flatMap { reader.stringPairs($0, context: "labels") } ?? []
        return Dictionary(pairs, uniquingKeysWith: { $1 })
    }

    private func interfaceProtocol(_ node: Node) -> InterfaceProtocol? {
        guard let text = reader.string(node) else { return nil }
        if let value = InterfaceProtocol(rawValue: text.lowercased()) { return value }
        let names = InterfaceProtocol.allCases.map(\.rawValue)
        reader.fail(.invalidValue(text, expected: "one of " + names.joined(separator: ", ")), at: node)
        return nil
    }
}
