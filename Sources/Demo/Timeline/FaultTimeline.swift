import SwitchboardCore

/// The scripted faults of the demo: a cycle of episodes, the same for the same seed, that
/// repeats for as long as the demo runs.
///
/// Episodes run in three overlapping lanes, so that the first fault starts within about ten
/// seconds and at almost any moment one to three things are broken; no system has two
/// episodes at once. Every kind of fault occurs in each cycle. Each cycle opens with an outage
/// (checks fail outright) of `outageLength`, longer than the built-in InterfaceDown's `for: 1m`
/// plus a rule interval and a check interval, so that InterfaceDown fires within the first three
/// minutes and again in every cycle; the shorter episodes after it go pending and resolve.
///
/// ```swift
/// let timeline = FaultTimeline(seed: 1)
/// timeline.episode(system: "erp", path: "/soap/PaymentPosting", at: .seconds(42))
/// ```
public struct FaultTimeline: Sendable, Equatable, CustomStringConvertible {
    public let seed: UInt64
    /// Length of one cycle; the episodes repeat after it.
    public let cycle: Duration
    /// The episodes of one cycle, by start time.
    public let episodes: [FaultEpisode]

    public static let defaultCycle: Duration = .seconds(240)
    /// How long the outage that opens each cycle lasts, in milliseconds.
    static let outageLength = 100_000...120_000

    public init(seed: UInt64, cycle: Duration = FaultTimeline.defaultCycle) {
        self.seed = seed
        self.cycle = cycle
        var random = SplitMix64(seed: seed)
        let cycleMilliseconds = Int(cycle.milliseconds)
        let windows = Lane.all.flatMap { $0.windows(within: cycleMilliseconds, using: &random) }
            .sorted { $0.lowerBound < $1.lowerBound }
        episodes = Self.assign(windows, using: &random)
    }

    /// Where `elapsed` (time since the demo started) falls within the cycle.
    public func timeInCycle(_ elapsed: Duration) -> Duration {
        let cycleMilliseconds = cycle.milliseconds
        let milliseconds = elapsed.milliseconds
        return .milliseconds(((milliseconds % cycleMilliseconds) + cycleMilliseconds) % cycleMilliseconds)
    }

    /// The episodes under way `elapsed` after the start.
    public func activeEpisodes(at elapsed: Duration) -> [FaultEpisode] {
        let time = timeInCycle(elapsed)
        return episodes.filter { $0.isActive(at: time) }
    }

    /// The episode that decides how `system` answers a request to `path`, if any.
    public func episode(system: String, path: String, at elapsed: Duration) -> FaultEpisode? {
        activeEpisodes(at: elapsed).first { $0.target.matches(system: system, path: path) }
    }

    /// One line per episode of the cycle.
    public var description: String {
        (["fault timeline, seed \(seed), repeats every \(FaultEpisode.format(cycle)):"]
            + episodes.map { "  " + $0.description })
            .joined(separator: "\n")
    }
}

extension FaultTimeline {
    /// A stream of back-to-back episode windows; three of them overlap to make the timeline.
    struct Lane {
        var firstStart: ClosedRange<Int>
        /// The first window's length, when it differs from `length`.
        var firstLength: ClosedRange<Int>? = nil
        var length: ClosedRange<Int>
        var gap: ClosedRange<Int>
        var extendsToEnd = false

        /// Lane 1 breaks something within the first ten seconds, for long enough that its alert fires, and
        /// keeps one thing broken most of the time; lane 2 adds a second, lane 3 now and then a third.
        static let all = [
            Lane(
                firstStart: 6_000...10_000, firstLength: FaultTimeline.outageLength, length: 30_000...50_000,
                gap: 3_000...8_000, extendsToEnd: true),
            Lane(firstStart: 14_000...22_000, length: 20_000...40_000, gap: 10_000...25_000),
            Lane(firstStart: 50_000...70_000, length: 15_000...25_000, gap: 40_000...70_000),
        ]

        /// Windows in milliseconds, all ending within the cycle so that cycles join cleanly.
        func windows(within cycle: Int, using random: inout SplitMix64) -> [Range<Int>] {
            var windows: [Range<Int>] = []
            var start = Int.random(in: firstStart, using: &random)
            let last = cycle - 1_000
            while true {
                let span = windows.isEmpty ? firstLength ?? length : length
                let end = min(start + Int.random(in: span, using: &random), last)
                guard end - start >= 12_000 else {
                    // Too little is left for another window: the lane's last window runs to the
                    // end of the cycle instead, so that the cycle does not end in a quiet spell.
                    if extendsToEnd, let previous = windows.popLast() { windows.append(previous.lowerBound..<last) }
                    break
                }
                windows.append(start..<end)
                start = end + Int.random(in: gap, using: &random)
            }
            return windows
        }
    }

    /// Gives each window a kind and a target, dealing the kinds like a shuffled deck so that
    /// each occurs before any repeats, and never striking a system that is already broken. The first
    /// window (lane 1's long one) is dealt an outage.
    static func assign(_ windows: [Range<Int>], using random: inout SplitMix64) -> [FaultEpisode] {
        var episodes: [FaultEpisode] = []
        var deck: [FaultKind] = []
        for window in windows {
            if deck.isEmpty { deck = FaultKind.allCases.shuffled(using: &random) }
            if episodes.isEmpty { deck.sort { $0.failsChecks && !$1.failsChecks } }
            let busy = Set(
                episodes.filter { $0.end > .milliseconds(window.lowerBound) }.flatMap { $0.kind.systems(of: $0.target) }
            )
            let fallback = FaultKind.allCases.shuffled(using: &random)
            for kind in deck + fallback {
                let free = (FaultTarget.candidates[kind] ?? []).filter {
                    !kind.systems(of: $0).contains(where: busy.contains)
                }
                // Prefer the targets struck least so far, so that a cycle breaks many different things.
                let uses = { (target: FaultTarget) in episodes.count { $0.target == target } }
                let fewest = free.map(uses).min()
                guard let target = free.filter({ uses($0) == fewest }).randomElement(using: &random) else { continue }
                if let index = deck.firstIndex(of: kind) { deck.remove(at: index) }
                episodes.append(episode(kind, target, window, using: &random))
                break
            }
        }
        return episodes
    }

    static func episode(
        _ kind: FaultKind, _ target: FaultTarget, _ window: Range<Int>, using random: inout SplitMix64
    ) -> FaultEpisode {
        var episode = FaultEpisode(
            kind: kind, target: target, start: .milliseconds(window.lowerBound), end: .milliseconds(window.upperBound))
        switch kind {
        case .latency: episode.delay = .milliseconds(Int.random(in: 12...30, using: &random) * 100)
        case .soapFault: episode.status = Bool.random(using: &random) ? 500 : 200
        case .serverErrors: episode.status = [500, 502, 504].randomElement(using: &random)
        case .unavailable: episode.status = 503
        case .hang, .healthDown, .consumerLag, .lostOrders, .deadLetters: break
        }
        return episode
    }
}
