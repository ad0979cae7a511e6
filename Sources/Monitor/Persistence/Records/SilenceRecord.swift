import Foundation
import GRDB

/// A row of `alert_silence`, its matchers as a JSON array.
struct SilenceRecord: StateRecord {
    static let databaseTableName = "alert_silence"

    var id: String
    var matchers: String
    var startsAt: Date
    var endsAt: Date
    var createdBy: String
    var comment: String

    enum CodingKeys: String, CodingKey {
        case id, matchers, comment
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case createdBy = "created_by"
    }

    init(_ silence: Silence) throws {
        id = silence.id
        matchers = try AlertRowCoding.matchers(silence.matchers)
        startsAt = silence.startsAt
        endsAt = silence.endsAt
        createdBy = silence.createdBy
        comment = silence.comment
    }

    func silence() throws -> Silence {
        Silence(
            unchecked: id, matchers: try AlertRowCoding.matchers(matchers, table: Self.databaseTableName, id: id),
            startsAt: startsAt, endsAt: endsAt, createdBy: createdBy, comment: comment)
    }
}
