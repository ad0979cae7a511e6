import Foundation
import SwitchboardCore

@testable import Console

/// The demo's landscape (its nine systems and eighteen interfaces, as in `demo.yaml`) frozen at
/// `Fixtures.now`: CJK system and interface names, ERP and CRM joined by two interfaces in
/// opposite directions (one down, one degraded), alerts, a silence, jobs, and a failed run whose
/// log has an escape sequence. The golden frames and the topology's layout figures read it.
enum GoldenLandscape {
    static let systems: [SystemStatus] = [
        system("erp", "财务系统 (ERP)", "Finance IT", .degraded),
        system("crm", "CRM Sales Cloud", "Sales IT", .down, reason: "no answer within 2s"),
        system("mes", "生产执行 (MES)", "Plant IT", .ok),
        system("wms", "WMS Central Warehouse", "Logistics IT", .ok),
        system("hrm", "人力资源 (HRM)", "HR IT", .ok),
        system("pay", "Payment Gateway", "Payments team", .degraded),
        system("broker", "Kafka Event Bus", "Integration platform", .ok),
        system("mft", "MFT / SFTP Gateway", "Integration platform", .ok),
        system("shop", "Webshop B2C", "E-commerce", .ok),
    ]

    /// (id, name, from, to, protocol, state, reason): the demo's interfaces in config order.
    static let table: [(String, String, String, String, InterfaceProtocol, HealthState, String?)] = [
        ("orders-erp-crm", "Sales orders", "erp", "crm", .rest, .degraded, "slow: 1800ms > 1000ms"),
        ("order-events-crm", "Order events (consumer lag)", "broker", "crm", .kafka, .ok, "lag 12"),
        ("stock-wms-erp", "Stock levels", "wms", "erp", .rest, .ok, "200 OK"),
        ("inventory-db-wms-erp", "Inventory DB link", "wms", "erp", .db, .ok, "connected"),
        ("payroll-hrm-erp", "工资过账 (payroll postings)", "hrm", "erp", .rest, .ok, "200 OK"),
        ("payments-pay-erp", "Payment postings (SOAP)", "pay", "erp", .soap, .degraded, "SOAP Fault: Server busy"),
        ("prod-orders-erp-mes", "Production orders", "erp", "mes", .rest, .ok, "200 OK"),
        ("prod-order-events-mes", "Production events (consumer lag)", "broker", "mes", .kafka, .ok, "lag 0"),
        ("shift-plan-hrm-mes", "Shift plans", "hrm", "mes", .rest, .ok, "200 OK"),
        ("shipment-events-erp", "Shipment events (consumer lag)", "broker", "erp", .kafka, .ok, "lag 3"),
        ("goods-receipts-mes-wms", "Goods receipts (queue)", "mes", "wms", .rabbitmq, .ok, "depth 4"),
        ("asn-mft-wms", "ASN file drop", "mft", "wms", .sftp, .ok, "newest file 2m old"),
        ("bank-statements-mft-erp", "银行对账单 (bank statements)", "mft", "erp", .sftp, .unknown, nil),
        ("customers-crm-shop", "Customer master (GraphQL)", "crm", "shop", .graphql, .ok, "200 OK"),
        ("customers-crm-erp", "Customer sync", "crm", "erp", .rest, .down, "HTTP 503 Service Unavailable"),
        ("web-orders-shop-erp", "Web orders", "shop", "erp", .rest, .ok, "200 OK"),
        ("card-payments-shop-pay", "Card payments", "shop", "pay", .rest, .ok, "200 OK"),
        ("pricelist-erp-shop", "Price list (file)", "erp", "shop", .file, .ok, "newest file 40s old"),
    ]

    static let interfaces: [InterfaceStatus] = table.indices.map(interface).map { interface in
        guard interface.id == "web-orders-shop-erp" else { return interface }
        var withFlow = interface
        withFlow.checks.append(orderToERP)
        return withFlow
    }

    /// The demo's flow on the web orders, passing; older than the interface's other result, so
    /// that the interface's reason stays that one's.
    static let orderToERP = CheckStatus(
        id: "order-to-erp", kind: "flow", target: "http://127.0.0.1/erp/api/orders/{{ order_id }}", intervalSeconds: 5,
        last: CheckResult(
            checkID: "order-to-erp", up: true, startedAt: Fixtures.now.addingTimeInterval(-30), durationSeconds: 2.1,
            errorClass: nil, reason: "order 4711 in ERP after 2.1s"),
        path: ["shop", "erp"])

    private static func interface(_ index: Int) -> InterfaceStatus {
        let (id, name, from, to, kind, state, reason) = table[index]
        let up = state != .down
        let latency: Double = state == .degraded ? 1.8 : 0.02 + Double(index) * 0.011
        var runs: [(Double, Bool)] = []
        for run in 0..<8 {
            let seconds: Double = latency * (0.8 + Double(run % 3) * 0.1)
            runs.append((seconds, up || run < 5))
        }
        guard let reason else {
            return Fixtures.interface(id, name, from: from, to: to, kind: kind, state: state, result: nil)
        }
        let result = Fixtures.result(id, up: up, secondsAgo: Double(2 + index % 5), latency: latency, reason: reason)
        let availability: Double = up ? 1 - Double(index % 3) * 0.0005 : 0.625
        var stats = Fixtures.stats(availability: availability, p95: latency, errors: up ? 0 : 0.375, runs: runs)
        stats.slo = slo[id]
        return Fixtures.interface(id, name, from: from, to: to, kind: kind, state: state, result: result, stats: stats)
    }

    static let alerts = AlertQueueSnapshot(
        entries: [
            alert("a1", "InterfaceDown", "critical", .firing, system: "crm", interface: "customers-crm-erp"),
            alert(
                "a2", "SlowInterface", "warning", .firing, system: "erp", interface: "orders-erp-crm",
                ack: AcknowledgementSnapshot(
                    by: "kim", at: Fixtures.now.addingTimeInterval(-60), note: "vendor ticket 4711", expiresAt: nil)),
            alert(
                "a3", "SoapFault", "warning", .pending, system: "pay", interface: "payments-pay-erp",
                muting: [.silenced(silenceID: "5f0c2e1a-77aa-4d7e-9b1e-0123456789ab")]),
            alert("a4", "JobFailed", "critical", .firing, system: "hrm", interface: nil),
        ], groups: [],
        silences: [
            SilenceSnapshot(
                id: "5f0c2e1a-77aa-4d7e-9b1e-0123456789ab", matchers: "{system=\"pay\"}",
                startsAt: Fixtures.now.addingTimeInterval(-600), endsAt: Fixtures.now.addingTimeInterval(3000),
                createdBy: "kim", comment: "支付网关 maintenance", state: "active")
        ])

    static let payrollRun = JobRunSummary(
        id: 42, jobID: "payroll", number: 5, startedAt: Fixtures.now.addingTimeInterval(-100),
        endedAt: Fixtures.now.addingTimeInterval(-40), result: .failed, exitCode: 1, lineCount: 40, byteCount: 1_600,
        firstErrorLine: 30)

    static let jobs = [
        JobStatus(
            id: "payroll", name: "Payroll export 工资", system: "hrm", source: "command", schedule: "0 6 * * 1-5",
            state: .failed, lastRun: payrollRun, nextRun: Fixtures.now.addingTimeInterval(120)),
        JobStatus(
            id: "stock-reconciliation", name: "Stock reconciliation WMS ↔ ERP", system: "wms", source: "log_file",
            state: .late, expectedAt: Fixtures.now.addingTimeInterval(-600)),
    ]

    /// Forty lines: INFO lines, a WARN at 20, an ERROR at 30 and an escape sequence at 31.
    static let logLines: [JobLogLine] = (1...40).map { number in
        let text =
            switch number {
            case 20: "WARN slow upstream: 812 ms"
            case 30: "ERROR java.sql.SQLException: deadlock detected"
            case 31: "\u{1B}[31m\tat com.erp.Loader.load(Loader.java:88)\u{1B}]0;pwned\u{07}"
            default: "INFO posted batch \(number) of 40 to 财务系统"
            }
        let level: LogLevel = number == 20 ? .warn : number >= 30 && number <= 31 ? .error : .info
        return JobLogLine(
            number: number, time: Fixtures.now.addingTimeInterval(Double(number) - 100), stream: .stdout,
            level: level, bytes: Array(text.utf8))
    }

    static func snapshot() -> Snapshot {
        Snapshot(
            version: 11, generatedAt: Fixtures.now.addingTimeInterval(-2), landscape: "acme-prod",
            source: "in-process", systems: systems, interfaces: interfaces,
            progress: CheckProgress(completed: 30, total: 30), alerts: alerts,
            rules: RulesSummary(groups: 3, rules: 12), jobs: jobs)
    }

    /// A data source with the snapshot, the payroll job's runs and log, and the first alert's timeline.
    static func source() -> FakeDataSource {
        let source = FakeDataSource(snapshot())
        var older = payrollRun
        (older.id, older.number, older.result, older.exitCode, older.firstErrorLine) = (41, 4, .succeeded, 0, nil)
        older.startedAt = Fixtures.now.addingTimeInterval(-86_400)
        older.endedAt = older.startedAt.addingTimeInterval(70)
        source.jobLogs = [42: (payrollRun, logLines), 41: (older, Array(logLines.prefix(3)))]
        source.activities = [
            "a1": [
                AlertActivity(at: Fixtures.now.addingTimeInterval(-150), by: nil, text: "pending"),
                AlertActivity(at: Fixtures.now.addingTimeInterval(-90), by: nil, text: "pending → firing"),
                AlertActivity(at: Fixtures.now.addingTimeInterval(-30), by: "kim", text: "note: 调用供应商"),
            ]
        ]
        return source
    }

    private static func system(
        _ id: String, _ name: String, _ owner: String, _ state: HealthState, reason: String? = nil
    ) -> SystemStatus {
        let check = CheckStatus(
            id: id + "-health", kind: "http", target: "http://127.0.0.1/\(id)/health", intervalSeconds: 5,
            last: Fixtures.result(
                id + "-health", up: reason == nil, secondsAgo: 3, latency: 0.01, reason: reason ?? "200 OK"))
        return SystemStatus(id: id, name: name, owner: owner, state: state, checks: [check])
    }

    private static func alert(
        _ id: String, _ name: String, _ severity: String, _ state: AlertEntrySnapshot.State, system: String,
        interface: String?, ack: AcknowledgementSnapshot? = nil, muting: [AlertEntrySnapshot.Muting] = []
    ) -> AlertEntrySnapshot {
        var labels = [LabelPair("alertname", name), LabelPair("severity", severity), LabelPair("system", system)]
        if let interface { labels.append(LabelPair("interface", interface)) }
        return AlertEntrySnapshot(
            id: id, name: name, severity: severity, state: state, labels: labels,
            annotations: ["summary": "\(name) on \(system)", "runbook_url": "https://runbooks.example/\(name)"],
            since: Fixtures.now.addingTimeInterval(-90), acknowledgement: ack, muting: muting, rootCause: nil,
            notes: [])
    }
}
