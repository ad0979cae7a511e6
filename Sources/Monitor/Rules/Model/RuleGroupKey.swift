/// A rule group's identity across restarts: its file and its name (names need not be unique across files).
public struct RuleGroupKey: Sendable, Hashable {
    public var file: String
    public var name: String

    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }
}

extension RuleGroup {
    public var key: RuleGroupKey { RuleGroupKey(file: file, name: name) }
}

extension RuleGroupStatus {
    public var key: RuleGroupKey { RuleGroupKey(file: file, name: name) }
}
