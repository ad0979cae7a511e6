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
    func series(matching matchers: [CompiledMatcher]) -> Set<SeriesID> {
        var result: Set<SeriesID>?
        for matcher in matchers where !matcher.matchesEmpty {
            let values = postings[matcher.name] ?? [:]
            var union: Set<SeriesID> = []
            for (value, ids) in values where matcher.matches(value) { union.formUnion(ids) }
            result = result.map { $0.intersection(union) } ?? union
            if result?.isEmpty == true { return [] }
        }
        var remaining = result ?? allSeries
        for matcher in matchers where matcher.matchesEmpty {
            for (value, ids) in postings[matcher.name] ?? [:] where !matcher.matches(value) {
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
