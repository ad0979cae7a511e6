import Foundation
import SwitchboardCore

/// What a simulated system's handlers need to know: who they are, what time it is on the
/// demo's clock, and which faults are scripted.
struct SimulationContext: Sendable {
    var system: DemoSystem
    var seed: UInt64
    var clock: any DemoClock
    var timeline: FaultTimeline
    /// How long a hanging endpoint keeps the request before giving up.
    var hangDuration: Duration

    var elapsed: Duration { clock.elapsed() }

    /// Seconds since the demo started, for data that drifts with time.
    var seconds: Double {
        clock.elapsed().seconds
    }

    /// A reproducible random generator for one answer, varying with `salt` and the second.
    func random(_ salt: String) -> SplitMix64 {
        SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: salt.hashValueStable) ^ UInt64(max(0, seconds)))
    }
}

extension String {
    /// FNV-1a: unlike `hashValue`, the same in every process.
    var hashValueStable: UInt64 {
        utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0100_0000_01B3 }
    }
}
