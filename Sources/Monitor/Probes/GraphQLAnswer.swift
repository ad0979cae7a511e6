import Foundation

/// A GraphQL server's answer: its `data`, and why it failed when its `errors` array is not empty
/// (servers answer 200 with errors, as SOAP services answer with a Fault).
struct GraphQLAnswer {
    var data: JSONValue
    /// `GraphQL error at orders.0.total: …` for the first error, or nil when there is none.
    var failure: String?

    /// Nil when the body is not a JSON object.
    init?(body: String) {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else {
            return nil
        }
        data = object["data"] ?? .null
        guard case .array(let errors)? = object["errors"], let first = errors.first else { return }
        var message = "(no message)"
        var path: [String] = []
        if case .object(let error) = first {
            if case .string(let text)? = error["message"] { message = text }
            if case .array(let steps)? = error["path"] {
                path = steps.map { step in
                    switch step {
                    case .string(let key): key
                    case .number(let index): String(Int(index))
                    default: "?"
                    }
                }
            }
        }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        failure = "GraphQL error" + (path.isEmpty ? "" : " at \(path.joined(separator: "."))") + ": \(message)\(more)"
    }
}
