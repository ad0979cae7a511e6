import GRDB

/// A row of `job_tail_positions`: where a job's log file was read up to.
struct TailPositionRecord: StateRecord {
    static let databaseTableName = "job_tail_positions"

    var jobID: String
    var device: Int64
    var inode: Int64
    var offset: Int64

    enum CodingKeys: String, CodingKey {
        case device, inode, offset
        case jobID = "job_id"
    }

    init(_ position: TailPosition, jobID: String) {
        self.jobID = jobID
        device = position.device
        inode = position.inode
        offset = position.offset
    }

    var position: TailPosition { TailPosition(device: device, inode: inode, offset: offset) }
}
