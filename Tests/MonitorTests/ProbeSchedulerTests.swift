import Foundation
import SwitchboardCore
import Synchronization
import TestSupport
import Testing

@testable import Monitor

@Suite struct ProbeSchedulerTests {
    /// A probe whose runs wait until the test opens the gate; counts how many ran at once.
    final class GatedProbe: Probe {
        private struct State {
            var started = 0
            var running = 0
            var mostRunning = 0
            var open = false
            var waiting: [CheckedContinuation<Void, Never>] = []
        }

        private let state = Mutex(State())

        var enforcesTimeout: Bool { true }
        var started: Int { state.withLock { $0.started } }
        var mostRunning: Int { state.withLock { $0.mostRunning } }

        func run(timeout: Duration) async -> ProbeOutcome {
            await withCheckedContinuation { continuation in
                let go = state.withLock { state in
                    state.started += 1
                    state.running += 1
                    state.mostRunning = max(state.mostRunning, state.running)
                    if !state.open { state.waiting.append(continuation) }
                    return state.open
                }
                if go { continuation.resume() }
            }
            state.withLock { $0.running -= 1 }
            return .success("let through")
        }

        func open() {
            let waiting = state.withLock { state in
                state.open = true
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }
    }

    @Test func aRunThatOverrunsItsIntervalSkipsTheDueTimesItMissed() async throws {
        let clock = ManualScheduleClock()
        let probe = GatedProbe()
        let interval = Duration.seconds(10)
        let check = Check(
            id: "slow", probe: .http(HTTPProbeSettings(url: "http://127.0.0.1:9/")), interval: interval,
            timeout: .seconds(3600))
        let runner = CheckRunner(owned: OwnedCheck(check: check, system: "erp", interface: "slow-link"), probe: probe)
        let scheduler = ProbeScheduler(runners: [runner], maxConcurrentProbes: 8, clock: clock)
        let runs = Mutex<[ProbeRun]>([])
        let scheduling = Task { await scheduler.run { run in runs.withLock { $0.append(run) } } }
        let offset = ProbeScheduler.offset(of: "slow", within: interval)

        // The first run starts at its offset and holds on past four more due times.
        #expect(await eventually { clock.nextWake == offset })
        clock.advance(to: offset)
        #expect(await eventually { probe.started == 1 })
        clock.advance(to: offset + .seconds(45))
        #expect(
            await eventually { clock.nextWake == offset + .seconds(50) }, "the scheduler waits for the next due time")
        #expect(probe.started == 1, "the due times at +10 s … +40 s found the run still going and skipped")

        // Done at last: the next run is the one due at +50 s, on time.
        probe.open()
        #expect(await eventually { runs.withLock { $0.count } == 1 })
        clock.advance(to: offset + .seconds(50))
        #expect(await eventually { runs.withLock { $0.count } == 2 })
        scheduling.cancel()
        await scheduling.value
        #expect(probe.mostRunning == 1)
        #expect(runs.withLock { $0.map(\.lateness) } == [.zero, .zero], "each run started at its due time")
    }

    @Test func runsOfAFlowOverlapUpToItsBound() async throws {
        let clock = ManualScheduleClock()
        let probe = GatedProbe()
        let interval = Duration.seconds(10)
        let flow = FlowProbeSettings(
            start: FlowStep(request: HTTPProbeSettings(url: "http://127.0.0.1:9/orders")),
            arrive: FlowStep(request: HTTPProbeSettings(url: "http://127.0.0.1:9/{{ id }}")), within: .seconds(25))
        let check = Check(id: "order-flow", probe: .flow(flow), interval: interval, timeout: .seconds(5))
        let runner = CheckRunner(owned: OwnedCheck(check: check, system: "erp", interface: "shop-erp"), probe: probe)
        #expect(runner.maxRunsInFlight == 5, "ceil(25 s / 10 s) + 2")
        let scheduler = ProbeScheduler(runners: [runner], maxConcurrentProbes: 1, clock: clock)
        let runs = Mutex<[ProbeRun]>([])
        let scheduling = Task { await scheduler.run { run in runs.withLock { $0.append(run) } } }
        let offset = ProbeScheduler.offset(of: "order-flow", within: interval)

        // Each due time starts a run while the earlier ones still poll, past the concurrency limit of 1,
        // until five are in flight; the sixth due time is skipped.
        for cycle in 0..<6 {
            let due = offset + interval * cycle
            #expect(await eventually { clock.nextWake == due })
            clock.advance(to: due)
            #expect(await eventually { probe.started == min(cycle + 1, 5) })
        }
        #expect(await eventually { clock.nextWake == offset + interval * 6 })
        #expect(probe.started == 5 && probe.mostRunning == 5)
        probe.open()
        #expect(await eventually { runs.withLock { $0.count } == 5 })
        scheduling.cancel()
        await scheduling.value
        let stamps = runs.withLock { $0.map { $0.samples[0].timestampMilliseconds ?? 0 } }
        #expect(stamps == stamps.sorted() && Set(stamps).count == 5, "stamped as they end: never out of order")
    }

    @Test func offsetsAreStableAndWithinTheInterval() {
        let offsets = (0..<100).map { ProbeScheduler.offset(of: "check-\($0)", within: .seconds(10)) }
        #expect(offsets.allSatisfy { $0 >= .zero && $0 < .seconds(10) })
        #expect(Set(offsets).count > 90, "offsets spread checks over the interval")
        #expect(
            ProbeScheduler.offset(of: "check-1", within: .seconds(10))
                == ProbeScheduler.offset(of: "check-1", within: .seconds(10)))
    }
}
