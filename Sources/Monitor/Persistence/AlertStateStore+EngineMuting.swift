import Foundation
import GRDB

/// The engine's inhibition and suppression of each alert (`EngineMuting`), kept for the commands that read the
/// queue without the engine.
extension AlertStateStore {
    /// The persisted inhibition and suppression per alert; alerts that are neither have no entry.
    public func engineMuting() throws -> [AlertID: EngineMuting] {
        try mapping {
            try writer.read { db in
                var muting: [AlertID: EngineMuting] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM alert_engine_muting") {
                    let id: String = row["alert_id"]
                    let inhibitors = try AlertRowCoding.decode(
                        [String].self, row["inhibited_by"], table: "alert_engine_muting", id: id)
                    muting[AlertID(rawValue: id)] = EngineMuting(
                        inhibitedBy: inhibitors.map(AlertID.init(rawValue:)),
                        suppression: Self.suppression(under: row["suppressed_under"], reason: row["suppression_reason"])
                    )
                }
                return muting
            }
        }
    }

    static func upsert(_ muting: EngineMuting, of id: AlertID, _ db: Database) throws {
        guard !muting.isEmpty else {
            try db.execute(sql: "DELETE FROM alert_engine_muting WHERE alert_id = ?", arguments: [id.rawValue])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO alert_engine_muting (alert_id, inhibited_by, suppressed_under, suppression_reason)
                VALUES (?, ?, ?, ?)
                """,
            arguments: [
                id.rawValue, try AlertRowCoding.json(muting.inhibitedBy.map(\.rawValue)),
                muting.suppression?.rootCause.description, muting.suppression?.reason.rawValue,
            ])
    }

    /// `system:crm` back to its node; nil when the alert is not suppressed.
    private static func suppression(under node: String?, reason: String?) -> TopologySuppression? {
        guard let node, let colon = node.firstIndex(of: ":"),
            let kind = AlertTopology.NodeID.Kind(rawValue: String(node[..<colon]))
        else { return nil }
        let id = AlertTopology.NodeID(kind, String(node[node.index(after: colon)...]))
        return TopologySuppression(
            rootCause: id, reason: reason.flatMap(TopologySuppression.Reason.init(rawValue:)) ?? .dependencyDown)
    }
}
