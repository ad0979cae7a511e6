import Foundation

/// A set of label names and values, kept sorted by name so that equal sets compare and hash equal.
///
/// The metric name is not a label here; a `Sample` carries it beside its labels.
public struct Labels: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByDictionaryLiteral {
    /// The pairs, sorted by name, names unique.
    public private(set) var pairs: [Pair]

    public struct Pair: Sendable, Hashable, Comparable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        public static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.name, lhs.value) < (rhs.name, rhs.value)
        }
    }

    public init(_ dictionary: [String: String] = [:]) {
        pairs = dictionary.map { Pair($0.key, $0.value) }.sorted()
    }

    /// Labels from pairs that are already sorted by name, with unique names and no empty values.
    ///
    /// For parsers and the store, which build labels in order and should not sort them again.
    package init(sortedPairs: [Pair]) {
        assert(zip(sortedPairs, sortedPairs.dropFirst()).allSatisfy { $0.name < $1.name }, "unsorted labels")
        pairs = sortedPairs
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            pairs.removeAll { $0.name == name }
            if let newValue, !newValue.isEmpty {
                pairs.append(Pair(name, newValue))
                pairs.sort()
            }
        }
    }

    /// These labels with `other`'s added; `other` wins where both have a name, and its empty values
    /// remove the name.
    ///
    /// One pass over both sorted lists (a probe's samples are labelled through here, several per run).
    public func merging(_ other: Labels) -> Labels {
        if other.pairs.isEmpty { return self }
        if pairs.isEmpty, !other.pairs.contains(where: { $0.value.isEmpty }) { return other }
        var merged: [Pair] = []
        merged.reserveCapacity(pairs.count + other.pairs.count)
        var mine = pairs[...]
        for pair in other.pairs {
            while let first = mine.first, first.name < pair.name {
                merged.append(first)
                mine = mine.dropFirst()
            }
            if mine.first?.name == pair.name { mine = mine.dropFirst() }
            if !pair.value.isEmpty { merged.append(pair) }
        }
        merged.append(contentsOf: mine)
        return Labels(sortedPairs: merged)
    }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        lhs.pairs.lexicographicallyPrecedes(rhs.pairs)
    }

    /// `{name="value", …}` as Prometheus prints it.
    public var description: String {
        "{" + pairs.map { "\($0.name)=\"\(Self.escape($0.value))\"" }.joined(separator: ", ") + "}"
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
