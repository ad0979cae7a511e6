import PromQL

/// A list of matchers compiled once for one queue evaluation: all must hold.
///
/// Compiled matchers hold `Regex` values, which are not `Sendable`, so they live only inside an evaluation.
struct CompiledMatchers {
    private let matchers: [CompiledMatcher]

    init(_ matchers: [LabelMatcher]) {
        self.matchers = matchers.map(CompiledMatcher.init)
    }

    /// Whether every matcher holds; a label the set lacks counts as the empty string.
    func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }
}

/// Items with matchers, indexed by one equality matcher each, so that an alert is checked only against
/// the items that could match it (and those without an equality matcher).
struct MatcherIndex<Item> {
    private var items: [(matchers: CompiledMatchers, item: Item)] = []
    private var byEquality: [String: [String: [Int]]] = [:]
    private var unindexed: [Int] = []

    init(_ entries: [(matchers: [LabelMatcher], item: Item)]) {
        for (matchers, item) in entries {
            let position = items.count
            items.append((CompiledMatchers(matchers), item))
            if let key = matchers.first(where: { $0.kind == .equal && !$0.value.isEmpty }) {
                byEquality[key.name, default: [:]][key.value, default: []].append(position)
            } else {
                unindexed.append(position)
            }
        }
    }

    var isEmpty: Bool { items.isEmpty }

    /// The items whose matchers all hold for `labels`, in the order they were given.
    func matching(_ labels: Labels) -> [Item] {
        guard !items.isEmpty else { return [] }
        var candidates = unindexed
        for pair in labels.pairs {
            if let positions = byEquality[pair.name]?[pair.value] { candidates.append(contentsOf: positions) }
        }
        if candidates.count > 1 { candidates.sort() }
        return candidates.compactMap { items[$0].matchers.matches(labels) ? items[$0].item : nil }
    }
}
