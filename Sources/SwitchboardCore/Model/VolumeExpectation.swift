/// `throughput.expect`: at least `atLeast` messages every `per`, while `calendar` holds (always
/// without one); below it the interface is DEGRADED.
public struct VolumeExpectation: Sendable, Equatable {
    public var atLeast: Double
    public var per: Duration
    public var calendar: BusinessCalendar?

    public init(atLeast: Double, per: Duration, calendar: BusinessCalendar? = nil) {
        self.atLeast = atLeast
        self.per = per
        self.calendar = calendar
    }
}
