import Foundation
import SwitchboardCore
import Testing

@testable import Monitor

@Suite struct RunsInFlightTests {
    @Test func aCheckWhoseRunIsGoingSkipsItsDueTime() {
        let inFlight = RunsInFlight(count: 2)
        #expect(inFlight.begin(0))
        #expect(!inFlight.begin(0), "the previous run is still going")
        #expect(inFlight.begin(1), "another check is not held up")
        inFlight.end(0)
        #expect(inFlight.begin(0))
    }

    @Test func aFlowHasAsManyRunsInFlightAsItsCapacity() {
        let inFlight = RunsInFlight(capacities: [3, 1])
        #expect(inFlight.begin(0) && inFlight.begin(0) && inFlight.begin(0))
        #expect(!inFlight.begin(0), "three runs of the flow are polling already")
        #expect(inFlight.begin(1))
        inFlight.end(0)
        #expect(inFlight.begin(0), "one ended, so one more may start")
    }

    @Test func aFlowsCapacityCoversItsLongestRun() {
        let flow = FlowProbeSettings(
            start: FlowStep(request: HTTPProbeSettings(url: "http://s/")),
            arrive: FlowStep(request: HTTPProbeSettings(url: "http://t/")), within: .seconds(120))
        #expect(flow.maxRunsInFlight(interval: .seconds(60)) == 4)
        #expect(flow.maxRunsInFlight(interval: .seconds(50)) == 5)
        #expect(flow.maxRunsInFlight(interval: .seconds(300)) == 3)
    }

    @Test func anOnTimeRunIsStampedWithItsDueTime() {
        let inFlight = RunsInFlight(count: 1)
        let due = Int64(Date().timeIntervalSince1970 * 1000) - 30
        let first = inFlight.stamp(0, due: due, lateness: .milliseconds(30), tolerance: .milliseconds(100))
        let second = inFlight.stamp(0, due: due + 1000, lateness: .zero, tolerance: .milliseconds(100))
        #expect([first, second] == [due, due + 1000])
    }

    @Test func aLateRunKeepsItsStartTime() {
        let inFlight = RunsInFlight(count: 1)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let stamp = inFlight.stamp(0, due: now - 500, lateness: .milliseconds(500), tolerance: .milliseconds(100))
        #expect(stamp >= now && stamp < now + 60_000)
    }

    @Test func stampsOfOneCheckAlwaysIncrease() {
        let inFlight = RunsInFlight(count: 1)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        // A late run stamped with its start, then an on-time run due before that start.
        let late = inFlight.stamp(0, due: now - 5000, lateness: .seconds(5), tolerance: .milliseconds(100))
        let next = inFlight.stamp(0, due: late - 10, lateness: .zero, tolerance: .milliseconds(100))
        #expect(next > late)
    }

    @Test func theToleranceIsATenthOfTheIntervalAtMostASecond() {
        #expect(ProbeScheduler.alignmentTolerance(of: .milliseconds(200)) == .milliseconds(20))
        #expect(ProbeScheduler.alignmentTolerance(of: .seconds(60)) == .seconds(1))
    }
}
