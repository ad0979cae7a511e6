import GRDB
import SwitchboardCore

/// Five minutes of one owner's `health.conditions` (an interface's or a system's): how long they
/// were evaluated, and how long they held it DOWN and DEGRADED, in seconds.
///
/// Each 15-second evaluation's outcome holds until the next one, so the seconds of a bucket are the
/// spans between evaluations that fall in it. `evaluatedSeconds` is to `downSeconds` what a
/// bucket's runs are to its failures: a bucket DOWN by conditions throughout has the two equal.
public struct ConditionBucket: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "condition_bucket"

    /// `interface:<id>` or `system:<id>` (see `owner(kind:id:)`).
    public var owner: String
    /// Epoch seconds, a multiple of `CheckBucket.seconds`.
    public var start: Int64
    public var evaluatedSeconds: Double
    public var downSeconds: Double
    public var degradedSeconds: Double

    enum CodingKeys: String, CodingKey {
        case owner
        case start = "bucket_start"
        case evaluatedSeconds = "evaluated_seconds"
        case downSeconds = "down_seconds"
        case degradedSeconds = "degraded_seconds"
    }

    public init(owner: String, start: Int64, evaluatedSeconds: Double, downSeconds: Double, degradedSeconds: Double) {
        self.owner = owner
        self.start = start
        self.evaluatedSeconds = evaluatedSeconds
        self.downSeconds = downSeconds
        self.degradedSeconds = degradedSeconds
    }

    /// The key of an owner's buckets: `kind` is `interface` or `system`.
    public static func owner(kind: String, id: String) -> String { "\(kind):\(id)" }

    /// The key of `owner`'s buckets.
    static func owner(_ owner: HealthConditionEvaluator.Owner) -> String {
        switch owner {
        case .interface(let id): Self.owner(kind: "interface", id: id)
        case .system(let id): Self.owner(kind: "system", id: id)
        }
    }

    /// `seconds` of `state` added (only DOWN and DEGRADED are counted apart; every state is evaluated time).
    mutating func add(_ seconds: Double, of state: HealthState) {
        evaluatedSeconds += seconds
        switch state {
        case .down: downSeconds += seconds
        case .degraded: degradedSeconds += seconds
        case .ok, .unknown: break
        }
    }

    /// This bucket and `other` (same owner and start) as one: every figure adds up.
    func merged(with other: ConditionBucket) -> ConditionBucket {
        ConditionBucket(
            owner: owner, start: start, evaluatedSeconds: evaluatedSeconds + other.evaluatedSeconds,
            downSeconds: downSeconds + other.downSeconds, degradedSeconds: degradedSeconds + other.degradedSeconds)
    }

    /// The state of the bucket for the strip, by the rule `HistoryCell(runs:failures:)` follows.
    public var cell: HistoryCell {
        HistoryCell(evaluatedSeconds: evaluatedSeconds, downSeconds: downSeconds, degradedSeconds: degradedSeconds)
    }

    /// Adds the bucket to the one already stored for the same owner and start, or inserts it: the
    /// seconds add up, so a bucket written twice (a restart within five minutes) counts each once.
    public func merge(into db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO condition_bucket (owner, bucket_start, evaluated_seconds, down_seconds, degraded_seconds)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (owner, bucket_start) DO UPDATE SET
                    evaluated_seconds = evaluated_seconds + excluded.evaluated_seconds,
                    down_seconds = down_seconds + excluded.down_seconds,
                    degraded_seconds = degraded_seconds + excluded.degraded_seconds
                """)
        try statement.execute(arguments: [owner, start, evaluatedSeconds, downSeconds, degradedSeconds])
    }
}
