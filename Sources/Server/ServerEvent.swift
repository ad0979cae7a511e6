import Foundation
import SwitchboardCore

/// One message of `GET /api/v1/events`, in the server-sent-event wire format.
public struct ServerEvent: Sendable, Equatable {
    /// What changed: `snapshot` (a new version: fetch it), `presence`, `action` (an operator's
    /// write, with who), or `reset` (events were missed: fetch everything).
    public var kind: String
    /// Increases by one per event; a client resumes with `Last-Event-ID`.
    public var id: UInt64
    /// One line of JSON.
    public var data: String

    public init(kind: String, id: UInt64, data: String) {
        self.kind = kind
        self.id = id
        self.data = data
    }

    /// The event as it goes on the wire.
    public var wire: String { "id: \(id)\nevent: \(kind)\ndata: \(data)\n\n" }
}
