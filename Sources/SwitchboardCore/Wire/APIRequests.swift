import Foundation

/// A request body of the API: decoded strictly, so a field the server does not know is an error
/// that names it rather than a typo silently ignored.
public protocol APIRequestBody: Codable, Sendable {
    /// The JSON fields this body may carry.
    static var fields: Set<String> { get }
}

/// `POST /api/v1/alerts/{id}/ack`
public struct AcknowledgeRequest: APIRequestBody, Equatable {
    public static let fields: Set<String> = ["note"]
    /// Why, or what is being done about it.
    public var note: String

    public init(note: String) { self.note = note }
}

/// `POST /api/v1/alerts/{id}/notes`
public struct NoteRequest: APIRequestBody, Equatable {
    public static let fields: Set<String> = ["text"]
    public var text: String

    public init(text: String) { self.text = text }
}

/// `POST /api/v1/silences`: matchers in Alertmanager's list syntax, a duration such as `2h`.
public struct SilenceRequest: APIRequestBody, Equatable {
    public static let fields: Set<String> = ["matchers", "duration", "comment"]
    public var matchers: String
    public var duration: String
    public var comment: String

    public init(matchers: String, duration: String, comment: String) {
        self.matchers = matchers
        self.duration = duration
        self.comment = comment
    }
}

/// `PUT /api/v1/presence`: which console this is, who sits at it and what it has open.
public struct PresenceReport: APIRequestBody, Equatable {
    public static let fields: Set<String> = ["console", "user", "viewing"]
    /// Stable for the life of one console process.
    public var console: String
    public var user: String
    /// What the console shows (`alerts`, `alert:<id>`, `interface:<id>`…).
    public var viewing: String

    public init(console: String, user: String, viewing: String) {
        self.console = console
        self.user = user
        self.viewing = viewing
    }
}

/// The body of every error answer: `{"error": "silence: matchers: …"}`.
public struct APIErrorBody: Codable, Sendable, Equatable {
    public var error: String

    public init(error: String) { self.error = error }
}

/// `GET /api/v1/engine`: who runs the engine, for a console's header.
public struct EngineInfo: Codable, Sendable, Equatable {
    public var pid: Int32
    public var startedAt: Date
    public var landscape: String
    public var version: String

    public init(pid: Int32, startedAt: Date, landscape: String, version: String) {
        self.pid = pid
        self.startedAt = startedAt
        self.landscape = landscape
        self.version = version
    }
}
