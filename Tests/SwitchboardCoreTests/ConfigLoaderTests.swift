import Testing

@testable import SwitchboardCore

@Suite struct ConfigLoaderTests {
    let loader = ConfigLoader(environment: ["CRM_TOKEN": "s3cret", "CRM_URL": "http://127.0.0.1:8081"])

    static let valid = """
        landscape: Acme Manufacturing
        systems:
          - id: erp
            name: 财务系统 (ERP)
            owner: finance-it
          - id: crm
            name: CRM
        interfaces:
          - id: erp-crm-orders
            name: Orders ERP → CRM
            from: erp
            to: crm
            protocol: rest
            checks:
              - id: crm-orders-health
                http:
                  url: ${CRM_URL}/api/health
                  headers: {Authorization: "Bearer ${CRM_TOKEN}"}
                interval: 15s
                timeout: 5s
                expect:
                  status: [200]
                  latency_below: 800ms
                  json: ['$.status == "UP"']
              - id: crm-port
                tcp: {address: "127.0.0.1:8081"}
        jobs:
          - id: nightly-erp-sync
            schedule: "0 2 * * *"
            command: ["/opt/etl/erp_sync.sh", "--full"]
        rule_files: ["rules/*.yml"]
        """

    @Test func loadsTheDocumentedShape() throws {
        let landscape = try loader.load(yaml: Self.valid, file: "switchboard.yaml")
        #expect(landscape.name == "Acme Manufacturing")
        #expect(landscape.systems.map(\.name) == ["财务系统 (ERP)", "CRM"])
        #expect(landscape.systems[0].owner == "finance-it")
        let interface = try #require(landscape.interfaces.first)
        #expect(interface.from == "erp" && interface.to == "crm" && interface.kind == .rest)
        #expect(interface.checks.map(\.id) == ["crm-orders-health", "crm-port"])
        let health = interface.checks[0]
        #expect(health.interval == .seconds(15) && health.timeout == .seconds(5))
        #expect(health.expect.status == [200])
        #expect(health.expect.latencyBelow == .milliseconds(800))
        #expect(health.expect.json.first?.path == [.key("status")])
        guard case .http(let http) = health.probe else {
            Issue.record("expected an http probe")
            return
        }
        #expect(http.url == "http://127.0.0.1:8081/api/health")
        #expect(http.headers.first?.1 == "Bearer s3cret")
        #expect(interface.checks[1].probe == .tcp(TCPProbeSettings(address: "127.0.0.1:8081")))
        #expect(interface.checks[1].interval == Check.defaultInterval)
        #expect(landscape.jobs.first?.command == ["/opt/etl/erp_sync.sh", "--full"])
        #expect(landscape.ruleFiles == ["rules/*.yml"])
    }

    /// One broken config per error kind, with where the error must point and what it must say.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let header = "systems:\n  - id: erp\n  - id: crm\n"

    static let cases: [Case] = [
        Case(
            name: "syntax error", yaml: "systems:\n  - id: erp\n   name: x\n", line: 3, column: 4,
            message: "YAML syntax error"),
        Case(name: "wrong type", yaml: "systems: erp\n", line: 1, column: 10, message: "expected a list of systems"),
        Case(
            name: "unknown key with suggestion",
            yaml: header + "interfaces:\n  - id: a\n    from: erp\n    to: crm\n    protocl: rest\n", line: 8,
            column: 5, message: "unknown key `protocl` in an interface; did you mean `protocol`?"),
        Case(
            name: "unknown reference",
            yaml: header + "interfaces:\n  - id: a\n    from: erpp\n    to: crm\n", line: 6, column: 11,
            message: "no system with id `erpp`; did you mean `erp`?"),
        Case(
            name: "duplicate id", yaml: "systems:\n  - id: erp\n  - id: erp\n", line: 3, column: 9,
            message: "duplicate id `erp` (first defined at 2:9)"),
        Case(
            name: "missing key", yaml: header + "interfaces:\n  - id: a\n    to: crm\n", line: 5, column: 5,
            message: "missing required key `from` in an interface"),
        Case(
            name: "bad duration",
            yaml: header + "defaults:\n  interval: 15 seconds\n", line: 5, column: 13,
            message: "invalid value `15 seconds`: expected a duration"),
        Case(
            name: "unset environment variable",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"${NOPE}/x\"}\n", line: 5,
            column: 21, message: "environment variable `NOPE` is not set"),
        Case(
            name: "no probe kind", yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        interval: 5s\n",
            line: 4, column: 9,
            message: "missing required key `http, graphql, tcp, tls, dns, scrape, command, flow or reconcile`"),
        Case(
            name: "two probe kinds",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"http://a\"}\n"
                + "        tcp: {address: \"a:1\"}\n", line: 6, column: 9, message: "takes only one of `http`, `tcp`"),
        Case(
            name: "timeout longer than interval",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        tcp: {address: \"a:1\"}\n"
                + "        interval: 5s\n        timeout: 10s\n", line: 7, column: 18,
            message: "expected a timeout no longer than the interval (5s)"),
        Case(
            name: "bad json assertion",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"http://a\"}\n"
                + "        expect:\n          json: ['$.status = \"UP\"']\n", line: 7, column: 28,
            message: "expected one of ==, !=, <, <=, >, >="),
        Case(
            name: "status code out of range",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"http://a\"}\n"
                + "        expect: {status: [200, 999]}\n", line: 6, column: 32, message: "an HTTP status code"),
        Case(
            name: "unknown protocol", yaml: header + "interfaces:\n  - {id: a, from: erp, to: crm, protocol: ftp}\n",
            line: 5, column: 43, message: "invalid value `ftp`: expected one of rest, soap"),
        Case(
            name: "bad cron", yaml: header + "jobs:\n  - {id: j, schedule: \"0 2 * *\", command: [x]}\n", line: 5,
            column: 31, message: "invalid cron expression `0 2 * *`: expected 5 fields"),
        Case(
            name: "bad xpath assertion",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"http://a\"}\n"
                + "        expect:\n          xpath: ['//Status = OK']\n", line: 7, column: 31,
            message: "invalid xpath `//Status = OK`: expected a quoted string or a number"),
        Case(
            name: "certificate expiry on plain http",
            yaml: "systems:\n  - id: erp\n    checks:\n      - id: c\n        http: {url: \"http://a\"}\n"
                + "        expect: {cert_min_days: 14}\n", line: 6, column: 33,
            message: "invalid value `http://a`: expected an https URL"),
        Case(
            name: "bad throughput metric",
            yaml: header + "interfaces:\n  - {id: a, from: erp, to: crm, throughput: {metric: 9lives}}\n", line: 5,
            column: 54, message: "invalid value `9lives`: expected a metric name"),
        Case(name: "empty document", yaml: "", line: 1, column: 1, message: "the config is empty"),
    ]

    @Test(arguments: cases)
    func reportsErrorWithPosition(_ testCase: Case) throws {
        let errors = #expect(throws: ConfigErrors.self) {
            try loader.load(yaml: testCase.yaml, file: "bad.yaml")
        }
        let error = try #require(errors?.errors.first)
        #expect(error.location == SourceLocation(file: "bad.yaml", line: testCase.line, column: testCase.column))
        #expect(error.message.contains(testCase.message), "got: \(error.message)")
        #expect(error.description.hasPrefix("bad.yaml:\(testCase.line):\(testCase.column): error: "))
    }

    @Test func reportsEveryErrorNotJustTheFirst() throws {
        let yaml = "systems:\n  - id: erp\n    nmae: x\n  - id: erp\ninterfaces:\n  - {id: a, from: x, to: erp}\n"
        let errors = #expect(throws: ConfigErrors.self) { try loader.load(yaml: yaml, file: "c.yaml") }
        #expect(errors?.errors.map { $0.location?.line } == [3, 4, 6])
    }

    @Test func missingFileNamesThePath() throws {
        let errors = #expect(throws: ConfigErrors.self) { try loader.load(file: "/nonexistent/switchboard.yaml") }
        #expect(errors?.description == "/nonexistent/switchboard.yaml: error: config file not found")
    }

    @Test func dollarDollarIsALiteralDollar() throws {
        let yaml = "systems:\n  - id: erp\n    checks:\n      - id: c\n        command: [echo, \"$${HOME}\"]\n"
        let landscape = try loader.load(yaml: yaml, file: "c.yaml")
        #expect(landscape.systems[0].checks[0].probe == .command(CommandProbeSettings(arguments: ["echo", "${HOME}"])))
    }

    @Test func interfaceChecksBelongToTheirTargetSystem() throws {
        let landscape = try loader.load(yaml: Self.valid, file: "c.yaml")
        #expect(landscape.allChecks.map(\.system) == ["crm", "crm"])
        #expect(landscape.allChecks.map(\.interface) == ["erp-crm-orders", "erp-crm-orders"])
    }
}

@Suite struct EnvironmentReferenceTests {
    @Test func anUnsetVariableIsReportedOnceWithItsCount() throws {
        let yaml = """
            systems:
              - id: erp
                checks:
                  - {id: a, http: {url: "${ERP_URL}/a"}}
                  - {id: b, http: {url: "${ERP_URL}/b"}}
                  - {id: c, tcp: {address: "${ERP_ADDR}"}}
            """
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "e.yaml")
        }
        #expect(
            errors?.errors.map(\.description) == [
                "e.yaml:4:29: error: environment variable `ERP_URL` is not set (referenced as ${ERP_URL}; "
                    + "referenced 2 times, first here)",
                "e.yaml:6:32: error: environment variable `ERP_ADDR` is not set (referenced as ${ERP_ADDR})",
            ])
    }
}

@Suite struct HealthThresholdConfigTests {
    @Test func interfacesTakeTheirOwnThresholds() throws {
        let yaml = """
            systems: [{id: a}, {id: b}]
            interfaces:
              - {id: i, from: a, to: b, health: {down_after: 3, degraded_latency: 500ms}}
            """
        let landscape = try ConfigLoader(environment: [:]).load(yaml: yaml, file: "h.yaml")
        #expect(landscape.interfaces[0].health == HealthThresholds(downAfter: 3, degradedLatency: .milliseconds(500)))
        #expect(landscape.systems[0].health == HealthThresholds())
    }

    @Test func anInterfaceNamesTheCounterOfItsThroughput() throws {
        let yaml = """
            systems: [{id: a}, {id: b}]
            interfaces:
              - {id: i, from: a, to: b, throughput: {metric: orders_total, labels: {queue: in}}}
            """
        let landscape = try ConfigLoader(environment: [:]).load(yaml: yaml, file: "t.yaml")
        #expect(landscape.interfaces[0].throughput == ThroughputSource(metric: "orders_total", labels: ["queue": "in"]))
    }

    @Test func aZeroStreakIsRejected() {
        let yaml = "systems: [{id: a, health: {down_after: 0}}]\n"
        let errors = #expect(throws: ConfigErrors.self) {
            try ConfigLoader(environment: [:]).load(yaml: yaml, file: "h.yaml")
        }
        #expect(errors?.errors.first?.message == "invalid value `0`: expected a number of failed runs (1-1000)")
    }
}
