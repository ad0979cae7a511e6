import Foundation
import Testing

@testable import SwitchboardCore

/// The `alerting:` section: receivers, route, Alertmanagers, inhibit rules, maintenance windows.
@Suite struct AlertingConfigTests {
    let loader = ConfigLoader(environment: ["HOOK_TOKEN": "t0k"])

    static func config(_ alerting: String) -> String {
        """
        systems:
          - id: erp
        alerting:
        \(alerting.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    func errors(_ alerting: String) -> [String] {
        do {
            _ = try loader.load(yaml: Self.config(alerting), file: "s.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func loadsTheAlertmanagerShapedSection() throws {
        let yaml = Self.config(
            """
            alertmanagers:
              - url: http://127.0.0.1:9093
                resend_delay: 30s
            route:
              receiver: ops
              group_by: [alertname, system]
              group_wait: 10s
              group_interval: 2m
              repeat_interval: 3h
            receivers:
              - name: ops
                webhook_configs:
                  - url: https://hooks.example/alerts
                    headers: {Authorization: "Bearer ${HOOK_TOKEN}"}
                    send_resolved: false
                    timeout: 5s
                    max_attempts: 3
              - name: quiet
            inhibit_rules:
              - source_matchers: ['severity="critical"']
                target_matchers: ['severity=~"warning|info"']
                equal: [system]
            maintenance_windows:
              - name: erp-patch
                matchers: ['system="erp"']
                weekly: {days: [sat, Sunday], at: "22:30", duration: 4h, time_zone: Europe/Berlin}
                comment: SAP patch night
              - name: crm-move
                matchers: [system=crm]
                start: 2026-12-01T20:00:00Z
                end: 2026-12-02T02:00:00Z
            """)
        let alerting = try loader.load(yaml: yaml, file: "s.yaml").alerting
        #expect(alerting.alertmanagers == [AlertmanagerTarget(url: "http://127.0.0.1:9093", resendDelay: .seconds(30))])
        #expect(
            alerting.route
                == NotificationRoute(
                    receiver: "ops", groupBy: ["alertname", "system"], groupWait: .seconds(10),
                    groupInterval: .seconds(120), repeatInterval: .seconds(3 * 3600)))
        #expect(alerting.receivers.map(\.name) == ["ops", "quiet"])
        #expect(
            alerting.routedReceiver?.webhooks == [
                WebhookConfig(
                    url: "https://hooks.example/alerts",
                    headers: [HTTPHeaderField(name: "Authorization", value: "Bearer t0k")], sendResolved: false,
                    timeout: .seconds(5), attempts: 3)
            ])
        #expect(
            alerting.inhibitRules == [
                InhibitRuleConfig(
                    sourceMatchers: [AlertMatcher(name: "severity", kind: .equal, value: "critical")],
                    targetMatchers: [AlertMatcher(name: "severity", kind: .matchesRegex, value: "warning|info")],
                    equal: ["system"])
            ])
        let windows = alerting.maintenanceWindows
        #expect(windows.map(\.name) == ["erp-patch", "crm-move"])
        #expect(
            windows[0].schedule
                == .weekly(
                    weekdays: [7, 1], minuteOfDay: 22 * 60 + 30, duration: 4 * 3600,
                    timeZone: TimeZone(identifier: "Europe/Berlin")!))
        #expect(windows[0].comment == "SAP patch night")
        #expect(
            windows[1].schedule
                == .once(
                    start: Date(timeIntervalSince1970: 1_796_155_200),
                    end: Date(timeIntervalSince1970: 1_796_176_800)))
        #expect(windows[1].matchers == [AlertMatcher(name: "system", kind: .equal, value: "crm")])
    }

    @Test func oneReceiverNeedsNoRouteAndDefaultsAreAlertmanagers() throws {
        let yaml = Self.config(
            """
            receivers:
              - name: ops
                webhook_configs: [{url: "http://127.0.0.1:9/hook"}]
            """)
        let alerting = try loader.load(yaml: yaml, file: "s.yaml").alerting
        #expect(alerting.route == NotificationRoute(receiver: "ops"))
        #expect(alerting.route?.groupBy == [], "Alertmanager's default: one group")
        #expect(alerting.route?.groupWait == .seconds(30))
        #expect(alerting.route?.groupInterval == .seconds(300))
        #expect(alerting.route?.repeatInterval == .seconds(4 * 3600))
        #expect(alerting.routedReceiver?.webhooks.first?.sendResolved == true)
        #expect(try loader.load(yaml: "systems: [{id: a}]", file: "s.yaml").alerting == AlertingConfig())
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let found = errors(
            """
            route:
              receiver: opps
              group_wiat: 10s
            receivers:
              - name: ops
                webhook_configs: [{url: "ftp://x"}]
            inhibit_rules:
              - source_matchers: ['severity=~"(crit"']
                target_matchers: ['9bad="x"']
            maintenance_windows:
              - name: w
                matchers: [a=b]
                weekly: {days: [mon, funday], at: "25:00", duration: 1h, time_zone: Mars/Olympus}
              - name: v
                matchers: [a=b]
                start: 2026-12-02T00:00:00Z
                end: 2026-12-01T00:00:00Z
            """)
        #expect(found.count == 9)
        let regex = found.count > 3 ? found[3] : ""
        #expect(
            regex.hasPrefix(
                "s.yaml:11:36: error: invalid matcher `severity=~\"(crit\"`: expected a valid regular expression ("))
        #expect(
            found.enumerated().filter { $0.offset != 3 }.map(\.element) == [
                "s.yaml:5:15: error: no receiver with id `opps`; did you mean `ops`?",
                "s.yaml:6:5: error: unknown key `group_wiat` in route; did you mean `group_wait`?",
                "s.yaml:9:31: error: invalid value `ftp://x`: expected an http:// or https:// URL",
                "s.yaml:12:26: error: invalid matcher `9bad=\"x\"`: expected a label name ([a-zA-Z_][a-zA-Z0-9_]*)",
                "s.yaml:16:28: error: invalid value `funday`: expected mon, tue, wed, thu, fri, sat or sun",
                "s.yaml:16:41: error: invalid value `25:00`: expected HH:MM on a 24-hour clock, such as 22:00",
                "s.yaml:16:75: error: invalid value `Mars/Olympus`: expected an IANA name such as Europe/Berlin, "
                    + "America/New_York or UTC",
                "s.yaml:20:12: error: invalid value `2026-12-01T00:00:00Z`: expected a time after `start`: the window "
                    + "ends (2026-12-01T00:00:00Z) before it starts (2026-12-02T00:00:00Z)",
            ])
    }

    @Test func severalReceiversNeedARoute() {
        let found = errors(
            """
            receivers:
              - name: a
              - name: b
              - name: a
            """)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("s.yaml:7:13: error: duplicate id `a` (first defined at 5:13)") })
        #expect(found.contains { $0.contains("missing required key `route` in alerting with several receivers") })
    }

    @Test func matchersAreParsedAsAlertmanagerParsesThem() throws {
        #expect(
            try AlertMatcher.parse(#"job=~"api|web\\d""#)
                == AlertMatcher(name: "job", kind: .matchesRegex, value: #"api|web\d"#))
        #expect(try AlertMatcher.parse("team!=") == AlertMatcher(name: "team", kind: .notEqual, value: ""))
        #expect(AlertMatcher(name: "a", kind: .equal, value: #"x"y"#).description == #"a="x\"y""#)
        #expect(
            throws: AlertMatcherError(input: "a", column: 2, expected: "one of =, !=, =~, !~ after the label name `a`")
        ) {
            try AlertMatcher.parse("a")
        }
        #expect(throws: AlertMatcherError(input: #"a="x"#, column: 5, expected: "a closing quote")) {
            try AlertMatcher.parse(#"a="x"#)
        }
    }

    @Test func scheduleWordsReadAsPeopleWriteThem() throws {
        #expect(try MaintenanceScheduleSyntax.weekdays("mon,TUE,wednesday") == [2, 3, 4])
        #expect(try MaintenanceScheduleSyntax.minuteOfDay("7:05") == 425)
        #expect(throws: MaintenanceScheduleError.self) { try MaintenanceScheduleSyntax.minuteOfDay("24:00") }
        #expect(throws: MaintenanceScheduleError.self) { try MaintenanceScheduleSyntax.weekday("mo") }
        #expect(try MaintenanceScheduleSyntax.timeZone("UTC").secondsFromGMT() == 0)
        #expect(
            try MaintenanceScheduleSyntax.time("2026-12-01T21:00:00+01:00")
                == Date(timeIntervalSince1970: 1_796_155_200))
    }
}
