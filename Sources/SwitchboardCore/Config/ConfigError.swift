/// One thing wrong with a config file, with where it is and what was expected.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; each case reads as the message a user sees.
    public enum Kind: Sendable, Equatable {
        /// `what` names the kind of file: `config file`, `rule file`, `rule test file`.
        case fileNotFound(what: String)
        case unreadable(String, what: String)
        case syntax(String)
        case emptyDocument
        case typeMismatch(expected: String, found: String)
        case missingKey(String, in: String)
        case unknownKey(String, in: String, didYouMean: String?)
        case invalidValue(String, expected: String)
        case unknownReference(String, kind: String, didYouMean: String?)
        case duplicateID(String, firstAt: SourceLocation)
        /// `occurrences` counts every reference; the error points at the first.
        case environmentVariableNotSet(String, occurrences: Int)
        case conflictingKeys([String], in: String)
        /// An expression in a small language (an xpath) that does not parse: `invalid xpath `…`: expected ]`.
        case invalidExpression(String, language: String, problem: String)
    }

    public var kind: Kind
    /// Nil only when the file itself cannot be read; then `file` names it.
    public var location: SourceLocation?
    public var file: String

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        self.file = location.file
    }

    public init(_ kind: Kind, file: String) {
        self.kind = kind
        self.location = nil
        self.file = file
    }

    /// `file:line:column: error: message`, the form editors jump to.
    public var description: String {
        "\(location?.description ?? file): error: \(message)"
    }

    public var message: String {
        switch kind {
        case .fileNotFound(let what):
            return "\(what) not found"
        case .unreadable(let why, let what):
            return "cannot read \(what): \(why)"
        case .syntax(let problem):
            return "YAML syntax error: \(problem)"
        case .emptyDocument:
            return "the config is empty; expected a mapping with `landscape`, `systems` and `interfaces`"
        case .typeMismatch(let expected, let found):
            return "expected \(expected), found \(found)"
        case .missingKey(let key, let context):
            return "missing required key `\(key)` in \(context)"
        case .unknownKey(let key, let context, let suggestion):
            return "unknown key `\(key)` in \(context)" + Self.hint(suggestion)
        case .invalidValue(let value, let expected):
            return "invalid value `\(value)`: expected \(expected)"
        case .unknownReference(let id, let kind, let suggestion):
            return "no \(kind) with id `\(id)`" + Self.hint(suggestion)
        case .duplicateID(let id, let first):
            return "duplicate id `\(id)` (first defined at \(first.line):\(first.column))"
        case .environmentVariableNotSet(let name, let occurrences):
            let more = occurrences > 1 ? "; referenced \(occurrences) times, first here" : ""
            return "environment variable `\(name)` is not set (referenced as ${\(name)}\(more))"
        case .conflictingKeys(let keys, let context):
            return "\(context) takes only one of " + keys.map { "`\($0)`" }.joined(separator: ", ")
        case .invalidExpression(let text, let language, let problem):
            return "invalid \(language) `\(text)`: \(problem)"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean `\($0)`?" } ?? ""
    }
}

/// Every error found in a config, in file order; thrown when loading fails.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
