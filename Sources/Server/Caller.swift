import SwitchboardCore

/// Who sent a request and what they may do. `name` is what the audit trail records.
public struct Caller: Sendable, Equatable {
    public var name: String
    public var role: APIRole
}
