import Foundation

/// A GraphQL request: `query` and `variables` POSTed as JSON to `http.url`. An answer with a
/// non-empty `errors` array fails whatever its status, and `expect.json` reads its `data`.
public struct GraphQLProbeSettings: Sendable, Equatable {
    /// The request as sent: POST, the JSON body and its content type included.
    public var http: HTTPProbeSettings
    public var query: String
    /// The variables as a JSON object's text, or nil.
    public var variables: String?

    public init(http: HTTPProbeSettings, query: String, variables: String? = nil) {
        self.query = query
        self.variables = variables
        var request = http
        request.method = "POST"
        request.headers.removeAll { ["content-type", "accept"].contains($0.0.lowercased()) }
        request.headers += [("Content-Type", "application/json"), ("Accept", "application/json")]
        request.body = Self.body(query: query, variables: variables)
        self.http = request
    }

    /// `{"query": …, "variables": …}`, the body GraphQL servers take over HTTP.
    static func body(query: String, variables: String?) -> String {
        "{\"query\":\(JSONStringLiteral.quoted(query))" + (variables.map { ",\"variables\":\($0)" } ?? "") + "}"
    }
}
