import Foundation
import SwitchboardCore

/// The rule files a config names in `rule_files`: each pattern relative to the config file, wildcards
/// (`*`, `?`, `[`) expanded; a pattern without one names its file, so that a missing file is reported.
///
/// ```swift
/// let rules = ConfigRuleFiles(patterns: landscape.ruleFiles, configFile: "switchboard.yaml")
/// rules.warnings.forEach { print($0) }  // globs that match nothing
/// let groups = try rules.load()
/// ```
public struct ConfigRuleFiles: Sendable {
    /// The files to load, in the order of the patterns, each pattern's matches sorted.
    public private(set) var paths: [String] = []
    /// One line per pattern with a wildcard that matches no file: `switchboard.yaml: warning: …`.
    public private(set) var warnings: [String] = []

    public init(patterns: [String], configFile: String) {
        let base = URL(fileURLWithPath: configFile).deletingLastPathComponent()
        for pattern in patterns {
            let matches = Self.expand(URL(fileURLWithPath: pattern, relativeTo: base).standardizedFileURL.path)
            if matches.isEmpty {
                warnings.append("\(configFile): warning: rule_files pattern `\(pattern)` matches no file")
            }
            paths += matches
        }
    }

    /// Every group of every file, checking each `expr`; throws every error of every file together.
    public func load() throws(ConfigErrors) -> [RuleGroup] {
        try RuleFileLoader(engine: PromQLRuleQueryEngine.validator).load(files: paths)
    }

    /// The files a pattern names: itself when it has no wildcard, else its matches, sorted.
    static func expand(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        var found = glob_t()
        defer { globfree(&found) }
        guard glob(pattern, 0, nil, &found) == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
