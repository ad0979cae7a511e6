import Foundation
import GRDB

/// A row of `alert_maintenance_window`, its matchers and schedule as JSON.
struct MaintenanceWindowRecord: StateRecord {
    static let databaseTableName = "alert_maintenance_window"

    var id: String
    var name: String
    var matchers: String
    var schedule: String
    var createdBy: String
    var comment: String

    enum CodingKeys: String, CodingKey {
        case id, name, matchers, schedule, comment
        case createdBy = "created_by"
    }

    init(_ window: MaintenanceWindow) throws {
        id = window.id
        name = window.name
        matchers = try AlertRowCoding.matchers(window.matchers)
        schedule = try AlertRowCoding.schedule(window.schedule)
        createdBy = window.createdBy
        comment = window.comment
    }

    func window() throws -> MaintenanceWindow {
        do {
            return try MaintenanceWindow(
                id: id, name: name,
                matchers: try AlertRowCoding.matchers(matchers, table: Self.databaseTableName, id: id),
                schedule: try AlertRowCoding.schedule(schedule, id: id), createdBy: createdBy, comment: comment)
        } catch let error as AlertQueueError {
            throw AlertStoreError.invalidRow(table: Self.databaseTableName, id: id, reason: error.description)
        }
    }
}
