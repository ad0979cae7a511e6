/// Where an interface stands against its SLO: the indicator over the window, the error budget left,
/// and the burn rates of the multi-window pairs.
public struct SLOStatus: Sendable, Equatable, Codable {
    /// The promised ratio of good events (0.995 for 99.5%).
    public var objective: Double
    public var windowSeconds: Double
    /// The ratio of good events over the window; nil before the first event.
    public var sli: Double?
    /// 1 − (1 − SLI)/(1 − objective): 1 is untouched, 0 spent, below 0 overspent; nil before the first event.
    public var budgetRemaining: Double?
    public var pairs: [SLOBurnPair]
    /// The budget left at the end of each equal step of the window, oldest first, counting the failures
    /// since the window's start against all of its runs: it falls where the budget was spent and ends at
    /// the budget left now (the points before are up to 5 minutes old). Nil without runs, for a
    /// `good`/`total` SLO, and from engines older than the chart.
    public var budgetTrail: [Double]?

    public init(
        objective: Double, windowSeconds: Double, sli: Double?, budgetRemaining: Double?, pairs: [SLOBurnPair],
        budgetTrail: [Double]? = nil
    ) {
        self.objective = objective
        self.windowSeconds = windowSeconds
        self.sli = sli
        self.budgetRemaining = budgetRemaining
        self.pairs = pairs
        self.budgetTrail = budgetTrail
    }

    /// The severity of the worst pair burning over its factor (`page` before `ticket`); nil when none is.
    public var burning: String? {
        let severities = Set(pairs.filter(\.isBurning).map(\.severity))
        return severities.contains("page") ? "page" : severities.first
    }
}

/// One long/short window pair of the Google SRE workbook and its burn rates now (1 = spending the
/// budget exactly over the window).
public struct SLOBurnPair: Sendable, Equatable, Codable {
    /// `1h`, `6h`, `24h`, `3d`.
    public var longWindow: String
    /// `5m`, `30m`, `2h`, `6h`.
    public var shortWindow: String
    public var factor: Double
    /// `page` or `ticket`.
    public var severity: String
    public var longRate: Double?
    public var shortRate: Double?

    public init(
        longWindow: String, shortWindow: String, factor: Double, severity: String, longRate: Double? = nil,
        shortRate: Double? = nil
    ) {
        self.longWindow = longWindow
        self.shortWindow = shortWindow
        self.factor = factor
        self.severity = severity
        self.longRate = longRate
        self.shortRate = shortRate
    }

    /// The pairs the workbook recommends: 1h/5m ×14.4 and 6h/30m ×6 page, 24h/2h ×3 and 3d/6h ×1 open a ticket.
    public static let workbook = [
        SLOBurnPair(longWindow: "1h", shortWindow: "5m", factor: 14.4, severity: "page"),
        SLOBurnPair(longWindow: "6h", shortWindow: "30m", factor: 6, severity: "page"),
        SLOBurnPair(longWindow: "24h", shortWindow: "2h", factor: 3, severity: "ticket"),
        SLOBurnPair(longWindow: "3d", shortWindow: "6h", factor: 1, severity: "ticket"),
    ]

    /// Both windows over the factor: the alert's condition.
    public var isBurning: Bool {
        guard let longRate, let shortRate else { return false }
        return longRate > factor && shortRate > factor
    }
}
