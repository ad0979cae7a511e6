import GRDB

/// A row of a state database table as a GRDB `Codable` record. Times are Unix seconds (REAL), as
/// the migrations made the columns.
protocol StateRecord: Codable, FetchableRecord, PersistableRecord {}

extension StateRecord {
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}
