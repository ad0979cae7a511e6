/// How long the 5-minute buckets of every check are kept in the state database (`history:`).
///
/// ```yaml
/// history:
///   retention: 35d
/// ```
public struct HistoryConfig: Sendable, Equatable {
    /// The default: five weeks, so that a 30-day window is always full.
    public static let defaultRetention: Duration = .seconds(35 * 86400)

    /// Buckets that started longer ago than this are deleted.
    public var retention: Duration

    public init(retention: Duration = HistoryConfig.defaultRetention) {
        self.retention = retention
    }
}
