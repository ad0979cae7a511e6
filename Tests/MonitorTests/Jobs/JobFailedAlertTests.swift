import Foundation
import PromQL
import SwitchboardCore
import Testing

@testable import Monitor

/// The built-in JobFailed rule on the real job engine's metrics: it fires when a run fails and resolves as soon
/// as a later run succeeds (issue 19: it stayed firing for the 15 minutes of an `increase(…[15m])`).
@Suite struct JobFailedAlertTests {
    let scratch = ScratchDirectory()
    static let builtinRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../rules/builtin.yml").standardizedFileURL.path

    @Test func jobFailedResolvesWhenTheNextRunSucceeds() async throws {
        let fixed = scratch.path("fixed")
        let script = try scratch.script("nightly.sh", "test -f '\(fixed)'")
        let store = SeriesStore()
        let engine = try JobEngine(
            jobs: [commandJob("nightly", [script])], store: store, database: StateDatabase(directory: scratch.url))
        let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(file: Self.builtinRules)
            .filter { $0.rules.contains { $0.name == "JobFailed" } }
        #expect(groups.count == 1)
        let runner = RuleGroupRunner(groups: groups, source: store, appender: store)
        func jobFailed(at now: Int64) async -> [ActiveAlert] {
            #expect(await runner.evaluateDue(now: now) == [groups[0].name], "the group evaluated")
            return await runner.status().flatMap(\.activeAlerts).filter { $0.labels["alertname"] == "JobFailed" }
        }
        func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.up)) }

        #expect(await engine.runAndWait("nightly")?.result == .failed)
        engine.publishMetrics()
        // Groups evaluate at aligned slots: the first one after the samples.
        let failedAt = try #require(await runner.nextDue(after: milliseconds(Date())))
        let firing = await jobFailed(at: failedAt)
        #expect(firing.map(\.state) == [.firing])
        #expect(firing.first?.labels["job"] == "nightly")

        _ = FileManager.default.createFile(atPath: fixed, contents: nil)
        #expect(await engine.runAndWait("nightly")?.result == .succeeded)
        engine.publishMetrics()
        let next = try #require(await runner.nextDue(after: max(failedAt, milliseconds(Date()))))
        let after = await jobFailed(at: next)
        #expect(after.isEmpty, "resolved at the first evaluation after the successful run: \(after)")
    }
}
