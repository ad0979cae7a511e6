import Foundation
import Yams

/// Loads a landscape from a YAML config file, reporting every error with file, line and column.
public struct ConfigLoader: Sendable {
    /// Variables that `${NAME}` references in the config resolve against.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads and validates the config file at `path`.
    public func load(file path: String) throws(ConfigErrors) -> Landscape {
        try load(yaml: Self.text(ofFile: path, what: "config file"), file: path)
    }

    /// The text of a YAML file, or why it cannot be read; `what` names the kind of file in errors (`rule file`).
    public static func text(ofFile path: String, what: String) throws(ConfigErrors) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigErrors([ConfigError(.fileNotFound(what: what), file: path)])
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigErrors([ConfigError(.unreadable(error.localizedDescription, what: what), file: path)])
        }
    }

    /// Validates config text; `file` is the name errors are reported against.
    public func load(yaml text: String, file: String) throws(ConfigErrors) -> Landscape {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigErrors([ConfigError(.emptyDocument, at: SourceLocation(file: file, line: 1, column: 1))])
            }
            root = node
        } catch let errors as ConfigErrors {
            throw errors
        } catch {
            throw ConfigErrors([Self.syntaxError(error, file: file)])
        }
        let reader = ConfigReader(file: file, environment: environment)
        let landscape = LandscapeDecoder(reader: reader).landscape(root, defaultName: file)
        guard reader.errors.isEmpty, let landscape else {
            throw ConfigErrors(
                reader.errors.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < (
                        $1.location?.line ?? 0, $1.location?.column ?? 0
                    )
                })
        }
        return landscape
    }

    /// A YAML parse error as a ConfigError at its position.
    package static func syntaxError(_ error: any Error, file: String) -> ConfigError {
        guard let yamlError = error as? YamlError else {
            return ConfigError(.syntax(String(describing: error)), at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ConfigError(.syntax(detail), at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return ConfigError(
                .syntax("duplicate key \(keys) in one mapping"),
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return ConfigError(.syntax(yamlError.description), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
