import PromQL

/// Which series have which label values: label name → value → series ids, the metric name under `__name__`.
///
/// Answers selectors as Prometheus' postings do: a matcher that does not match the empty string
/// narrows to the union of the series of the values it matches; one that does match it (such as
/// `team=""` or `code!="200"`) removes the series of the values it does not match.
struct InvertedIndex: Sendable {
    typealias SeriesID = UInt32

    private(set) var postings: [String: [String: Set<SeriesID>]] = [:]
    private(set) var allSeries: Set<SeriesID> = []

    mutating func add(_ id: SeriesID, name: String, labels: Labels) {
        allSeries.insert(id)
        postings[LabelMatcher.metricNameLabel, default: [:]][name, default: []].insert(id)
        for pair in labels.pairs {
            postings[pair.name, default: [:]][pair.value, default: []].insert(id)
        }
    }

    mutating func remove(_ id: SeriesID, name: String, labels: Labels) {
        allSeries.remove(id)
        removePosting(id, LabelMatcher.metricNameLabel, name)
        for pair in labels.pairs { removePosting(id, pair.name, pair.value) }
    }

    private mutating func removePosting(_ id: SeriesID, _ name: String, _ value: String) {
        postings[name]?[value]?.remove(id)
        if postings[name]?[value]?.isEmpty == true { postings[name]?[value] = nil }
        if postings[name]?.isEmpty == true { postings[name] = nil }
    }

    /// The series every matcher holds for.
    ///
    /// Each narrowing matcher's postings are used as they are where it selects one value (an `=`
    /// matcher is a lookup, not a scan of the values); the sets are then intersected from the
    /// smallest, so a selector such as `{__name__="m", system="a"}` costs the size of its answer,
    /// not of every series of `m`.
    func series(matching matchers: [IndexMatcher]) -> Set<SeriesID> {
        var narrowing: [Set<SeriesID>] = []
        for matcher in matchers where !matcher.compiled.matchesEmpty {
            let values = postings[matcher.compiled.name] ?? [:]
            if let exact = matcher.exactValue {
                guard let ids = values[exact] else { return [] }
                narrowing.append(ids)
                continue
            }
            var matched: [Set<SeriesID>] = []
            for (value, ids) in values where matcher.compiled.matches(value) { matched.append(ids) }
            guard !matched.isEmpty else { return [] }
            matched.sort { $0.count > $1.count }
            var union = matched[0]
            for ids in matched.dropFirst() { union.formUnion(ids) }
            narrowing.append(union)
        }
        var remaining = allSeries
        if !narrowing.isEmpty {
            narrowing.sort { $0.count < $1.count }
            remaining = narrowing[0]
            for other in narrowing.dropFirst() {
                remaining = remaining.filter(other.contains)
                if remaining.isEmpty { return [] }
            }
        }
        for matcher in matchers where matcher.compiled.matchesEmpty {
            for (value, ids) in postings[matcher.compiled.name] ?? [:] where !matcher.compiled.matches(value) {
                remaining.subtract(ids)
            }
        }
        return remaining
    }

    /// The values of one label name (or metric names, for `__name__`), sorted.
    func values(of name: String) -> [String] {
        (postings[name] ?? [:]).keys.sorted()
    }

    /// A rough count of the bytes the postings take: strings, hash table slots and series ids.
    var estimatedBytes: Int {
        var bytes = allSeries.capacity * 4
        for (name, values) in postings {
            bytes += Self.stringBytes(name) + 64
            for (value, ids) in values {
                bytes += Self.stringBytes(value) + 48 + max(ids.capacity, 1) * 4 + 32
            }
        }
        return bytes
    }

    /// 16 bytes inline; longer strings add a heap buffer (header and UTF-8).
    static func stringBytes(_ string: String) -> Int {
        let count = string.utf8.count
        return count <= 15 ? 16 : 16 + 32 + count
    }
}

/// A selector's matcher as the index uses it: compiled, with its value when it accepts exactly one.
struct IndexMatcher {
    let compiled: CompiledMatcher
    /// The value of an `=` matcher with a non-empty value, whose postings are looked up directly.
    let exactValue: String?

    init(_ matcher: LabelMatcher) {
        compiled = CompiledMatcher(matcher)
        exactValue = matcher.kind == .equal && !matcher.value.isEmpty ? matcher.value : nil
    }
}
