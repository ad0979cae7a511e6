import Foundation

/// An engineer whose console is attached to the engine, and what it has open.
public struct Viewer: Sendable, Equatable, Codable {
    public var user: String
    /// `alerts`, `alert:<id>`, `interface:<id>`… as the console reported it.
    public var viewing: String
    public var since: Date

    public init(user: String, viewing: String, since: Date) {
        self.user = user
        self.viewing = viewing
        self.since = since
    }
}

/// How a console reaches its engine, for the header: in this process, attached to another, or
/// cut off from it (the data shown is then the last that arrived).
public enum EngineLink: Sendable, Equatable, Codable {
    case inProcess
    case attached(pid: Int32, endpoint: String)
    case disconnected(endpoint: String, since: Date, reason: String)
}
