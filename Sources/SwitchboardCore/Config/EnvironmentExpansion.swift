/// Replaces `${NAME}` references in config strings by environment variables; `$$` is a literal `$`.
struct EnvironmentExpansion: Sendable {
    var environment: [String: String]

    /// The expanded text, or the name of the first variable that is not set.
    func expand(_ text: String) -> Result<String, UnsetVariable> {
        guard text.contains("$") else { return .success(text) }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "$", next < text.endIndex, text[next] == "$" {
                out.append("$")
                index = text.index(after: next)
            } else if character == "$", next < text.endIndex, text[next] == "{",
                let close = text[next...].firstIndex(of: "}")
            {
                let name = String(text[text.index(after: next)..<close])
                guard let value = environment[name] else { return .failure(UnsetVariable(name: name)) }
                out += value
                index = text.index(after: close)
            } else {
                out.append(character)
                index = next
            }
        }
        return .success(out)
    }

    /// A `${NAME}` whose variable is not in the environment.
    struct UnsetVariable: Error {
        var name: String
    }
}
