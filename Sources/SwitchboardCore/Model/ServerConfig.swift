/// Who may use the engine's API over TCP (`server:`); the state directory's socket needs no token.
///
/// ```yaml
/// server:
///   tokens:
///     - name: alice
///       role: operator
///       token: ${SWITCHBOARD_TOKEN_ALICE}
/// ```
public struct ServerConfig: Sendable, Equatable {
    public var tokens: [APIToken]

    public init(tokens: [APIToken] = []) {
        self.tokens = tokens
    }
}

/// A bearer token and what its holder may do. The name is what logs, errors and the audit trail
/// show; the value never appears anywhere.
public struct APIToken: Sendable, Equatable {
    public var name: String
    public var role: APIRole
    public var value: String

    public init(name: String, role: APIRole, value: String) {
        self.name = name
        self.role = role
        self.value = value
    }
}

/// What a caller of the API may do; each role may do everything the ones before it may.
public enum APIRole: String, Sendable, Equatable, Comparable, CaseIterable, Codable {
    /// Reads everything.
    case viewer
    /// Also acknowledges, silences, notes, runs jobs and checks.
    case `operator`
    /// Also reloads the config.
    case admin

    public static func < (lhs: APIRole, rhs: APIRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
