/// Two counts that should agree (orders today in the shop and in the ERP): DEGRADED once they
/// differ by more than `tolerance` for longer than `grace`.
public struct ReconcileProbeSettings: Sendable, Equatable {
    public var source: ReconcileQuery
    public var target: ReconcileQuery
    public var tolerance: ReconcileTolerance
    public var grace: Duration
    /// What is counted, for the reason (`orders today`); may be empty.
    public var what: String

    public init(
        source: ReconcileQuery, target: ReconcileQuery, tolerance: ReconcileTolerance = .absolute(0),
        grace: Duration = .zero, what: String = ""
    ) {
        self.source = source
        self.target = target
        self.tolerance = tolerance
        self.grace = grace
        self.what = what
    }
}

/// One side of a reconciliation: where its number comes from, and how the reason names it.
public struct ReconcileQuery: Sendable, Equatable {
    /// How the reason names this side (`shop`, `ERP`).
    public var name: String
    public var reading: Reading

    /// Where a side's number comes from.
    public enum Reading: Sendable, Equatable {
        /// An HTTP request and the JSON path of the number in its answer.
        case json(HTTPProbeSettings, value: JSONAssertion)
        /// A `/metrics` page and a selector: the number is the sum of the samples it matches.
        case series(ScrapeProbeSettings, selector: SeriesSelector)
    }

    public init(name: String, request: HTTPProbeSettings, value: JSONAssertion) {
        self.init(name: name, reading: .json(request, value: value))
    }

    public init(name: String, scrape: ScrapeProbeSettings, series: SeriesSelector) {
        self.init(name: name, reading: .series(scrape, selector: series))
    }

    public init(name: String, reading: Reading) {
        self.name = name
        self.reading = reading
    }

    /// The URL this side asks.
    public var url: String {
        switch reading {
        case .json(let request, _): request.url
        case .series(let scrape, _): scrape.url
        }
    }
}

/// How far apart two counts may be: a number, or a percentage of the larger count.
public enum ReconcileTolerance: Sendable, Equatable, CustomStringConvertible {
    case absolute(Double)
    case percent(Double)

    /// The largest allowed difference between `a` and `b`.
    public func allowance(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .absolute(let amount): amount
        case .percent(let share): max(abs(a), abs(b)) * share / 100
        }
    }

    public var description: String {
        switch self {
        case .absolute(let amount): ReconcileTolerance.format(amount)
        case .percent(let share): ReconcileTolerance.format(share) + "%"
        }
    }

    /// `1,204`, `0.5`: whole numbers with thousands separators.
    public static func format(_ number: Double) -> String {
        guard number.rounded() == number, abs(number) < 1e15 else { return String(number) }
        let digits = String(Int64(abs(number)))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (number < 0 ? "-" : "") + grouped
    }
}
