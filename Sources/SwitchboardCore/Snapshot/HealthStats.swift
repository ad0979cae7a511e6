import Foundation

/// What an interface's (or a check's) recent history says, beyond its current state.
public struct HealthStats: Sendable, Equatable, Codable {
    /// Share of successful runs in the last hour, 0...1; nil before the first run.
    public var availability1h: Double?
    /// Share of successful runs in the last 24 hours, 0...1; from the persisted 5-minute history
    /// when there is one, so it survives a restart.
    public var availability24h: Double?
    /// Share of successful runs in the last 7 and 30 days, 0...1, from the persisted history; nil
    /// without a state database or before the first run.
    public var availability7d: Double?
    public var availability30d: Double?
    /// The last 24 hours in 5-minute cells (no data / ok / degraded / down); empty without history.
    public var strip: HistoryStrip
    /// Latency percentiles over the last hour, in seconds.
    public var latencyP50: Double?
    public var latencyP95: Double?
    public var latencyP99: Double?
    /// Share of failed runs in the last 5 minutes, 0...1.
    public var errorRate: Double?
    public var lastSuccess: Date?
    public var lastFailure: Failure?
    /// Failed runs in a row up to now (the worst check's streak, for an interface).
    public var consecutiveFailures: Int
    /// Per second over the last 5 minutes, from the interface's scraped counter; nil without one or
    /// before two scrapes.
    public var throughputPerSecond: Double?
    /// The newest runs of the interface's checks, oldest first, for its latency and run charts.
    public var recentRuns: [RecentRun]
    /// Where the interface stands against its SLO; nil without one (and in snapshots from before SLOs).
    public var slo: SLOStatus? = nil

    /// When and why the newest failure happened.
    public struct Failure: Sendable, Equatable, Codable {
        public var at: Date
        public var errorClass: ProbeErrorClass?
        public var reason: String

        public init(at: Date, errorClass: ProbeErrorClass?, reason: String) {
            self.at = at
            self.errorClass = errorClass
            self.reason = reason
        }
    }

    public init(
        availability1h: Double? = nil, availability24h: Double? = nil, latencyP50: Double? = nil,
        latencyP95: Double? = nil, latencyP99: Double? = nil, errorRate: Double? = nil, lastSuccess: Date? = nil,
        lastFailure: Failure? = nil, consecutiveFailures: Int = 0, throughputPerSecond: Double? = nil,
        recentRuns: [RecentRun] = [], availability7d: Double? = nil, availability30d: Double? = nil,
        strip: HistoryStrip = HistoryStrip()
    ) {
        self.availability1h = availability1h
        self.availability24h = availability24h
        self.latencyP50 = latencyP50
        self.latencyP95 = latencyP95
        self.latencyP99 = latencyP99
        self.errorRate = errorRate
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.consecutiveFailures = consecutiveFailures
        self.throughputPerSecond = throughputPerSecond
        self.recentRuns = recentRuns
        self.availability7d = availability7d
        self.availability30d = availability30d
        self.strip = strip
    }
}

/// One run of a check, as a chart shows it.
public struct RecentRun: Sendable, Equatable {
    /// Whole seconds since 1970 (good until 2106): the resolution of the charts.
    private(set) var second: UInt32
    /// The duration, negated for a failed run; with `second`, 8 bytes a run, as a snapshot holds
    /// many (120 for each of thousands of interfaces).
    private(set) var signedSeconds: Float

    public init(at: Date, seconds: Double, up: Bool) {
        second = UInt32(clamping: Int64(at.timeIntervalSince1970.rounded(.down)))
        signedSeconds = up ? Float(seconds) : -Float(seconds)
    }

    init(second: UInt32, signedSeconds: Float) {
        self.second = second
        self.signedSeconds = signedSeconds
    }

    /// When the run started, to the second.
    public var at: Date { Date(timeIntervalSince1970: TimeInterval(second)) }
    /// How long the run took, in seconds.
    public var seconds: Double { Double(signedSeconds.magnitude) }
    public var up: Bool { signedSeconds.sign == .plus }
}

/// One change of an interface's state, for its timeline.
public struct StateChange: Sendable, Equatable, Codable {
    public var at: Date
    public var from: HealthState
    public var to: HealthState
    public var reason: String?

    public init(at: Date, from: HealthState, to: HealthState, reason: String?) {
        self.at = at
        self.from = from
        self.to = to
        self.reason = reason
    }
}
