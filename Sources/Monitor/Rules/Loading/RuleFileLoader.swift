import Foundation
import SwitchboardCore
import Yams

/// Reads Prometheus rule files, reporting every problem with file, line and column.
///
/// ```swift
/// let groups = try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(file: "rules/builtin.yml")
/// ```
public struct RuleFileLoader: Sendable {
    /// Checks each `expr`; nil skips expression checks.
    public var engine: (any RuleQueryEngine)?
    /// Skip keys Prometheus does not know instead of reporting them (`--ignore-unknown-fields`).
    public var ignoresUnknownFields: Bool

    public init(engine: (any RuleQueryEngine)?, ignoresUnknownFields: Bool = false) {
        self.engine = engine
        self.ignoresUnknownFields = ignoresUnknownFields
    }

    /// Every group of every file, in order; throws all errors of all files together.
    public func load(files: [String]) throws(ConfigErrors) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        var errors: [ConfigError] = []
        for file in files {
            do {
                groups += try load(file: file)
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return groups
    }

    /// The groups of one rule file.
    public func load(file path: String) throws(ConfigErrors) -> [RuleGroup] {
        try load(yaml: ConfigLoader.text(ofFile: path, what: "rule file"), file: path)
    }

    /// The groups of rule-file text; `file` is the name errors are reported against.
    public func load(yaml text: String, file: String) throws(ConfigErrors) -> [RuleGroup] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigErrors([ConfigLoader.syntaxError(error, file: file)])
        }
        // An empty file is a valid rule file with no groups, as in Prometheus.
        guard let root else { return [] }
        let reader = ConfigReader(file: file, environment: [:])
        reader.ignoresUnknownKeys = ignoresUnknownFields
        let groups = RuleFileDecoder(reader: reader, engine: engine).groups(root)
        guard reader.errors.isEmpty else {
            throw ConfigErrors(
                reader.errors.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < (
                        $1.location?.line ?? 0, $1.location?.column ?? 0
                    )
                })
        }
        return groups
    }
}
