import Foundation
import Monitor
import PromQL
import Testing

/// Alertmanager's timing for alerts other sources post: active from `startsAt` until `endsAt` (or a
/// resolve timeout after the last post), refreshed by a new post, handed over on a reload.
struct PostedAlertsTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func anAlertWithoutAnEndIsActiveForTheResolveTimeoutAfterItsLastPost() {
        var posted = PostedAlerts()
        posted.receive([PostedAlert(labels: ["alertname": "DiskFull", "system": "erp"])], now: t0)
        #expect(posted.active(now: t0.addingTimeInterval(299)).map(\.ruleName) == ["DiskFull"])
        #expect(posted.active(now: t0.addingTimeInterval(300)).isEmpty)
        // Posted again before the timeout: still active, and still since the first post.
        posted.receive(
            [PostedAlert(labels: ["alertname": "DiskFull", "system": "erp"])], now: t0.addingTimeInterval(200))
        let alert = posted.active(now: t0.addingTimeInterval(450))
        #expect(alert.map(\.activeAt) == [t0])
        #expect(alert.first?.labels == Labels(["system": "erp"]), "alertname is the alert's name, not a label")
        posted.receive([PostedAlert(labels: ["alertname": "Y", "system": "erp", "team": ""])], now: t0)
        #expect(posted.active(now: t0).first { $0.ruleName == "Y" }?.labels == Labels(["system": "erp"]))
    }

    @Test func anAlertWhoseEndHasPassedIsAResolution() {
        var posted = PostedAlerts()
        posted.receive([PostedAlert(labels: ["alertname": "X"], endsAt: t0.addingTimeInterval(60))], now: t0)
        #expect(posted.active(now: t0.addingTimeInterval(59)).count == 1)
        posted.receive(
            [PostedAlert(labels: ["alertname": "X"], endsAt: t0.addingTimeInterval(61))], now: t0.addingTimeInterval(61)
        )
        #expect(posted.active(now: t0.addingTimeInterval(61)).isEmpty)
        #expect(posted.received.count == 1, "kept a while for the API's endsAt")
        #expect(posted.active(now: t0.addingTimeInterval(61 + 15 * 60)).isEmpty)
        #expect(posted.received.isEmpty, "forgotten once long ended")
    }

    @Test func aFutureStartIsNotActiveYet() {
        var posted = PostedAlerts()
        posted.receive([PostedAlert(labels: ["alertname": "X"], startsAt: t0.addingTimeInterval(30))], now: t0)
        #expect(posted.active(now: t0).isEmpty)
        #expect(posted.active(now: t0.addingTimeInterval(30)).count == 1)
    }

    @Test func aReloadedEngineAdoptsThePostedAlertsItReplaces() {
        var old = PostedAlerts()
        old.receive([PostedAlert(labels: ["alertname": "X"])], now: t0)
        var new = PostedAlerts()
        new.adopt(old.received)
        #expect(new.active(now: t0.addingTimeInterval(10)).map(\.activeAt) == [t0])
    }

    @Test(arguments: [
        ([:], "at least one label"), (["bad-name": "x"], "bad-name"), (["1x": "y"], "1x"), (["a": ""], "at least one"),
    ])
    func invalidAlertsAreRefusedNamingWhy(labels: [String: String], problem: String) {
        #expect(PostedAlert(labels: labels).problem()?.contains(problem) == true)
    }

    @Test func aValidAlertHasNoProblem() {
        #expect(PostedAlert(labels: ["alertname": "X", "_private": "1"]).problem() == nil)
        #expect(
            PostedAlert(labels: ["a": "b"], startsAt: t0, endsAt: t0.addingTimeInterval(-1)).problem()?.contains(
                "endsAt")
                == true)
    }
}
