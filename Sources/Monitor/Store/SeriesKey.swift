import PromQL

/// A series' identity (metric name and labels) as a dictionary key, compared and hashed as UTF-8 bytes.
///
/// Prometheus compares label values byte for byte, and hashing the bytes of a native string is
/// several times faster than `String`'s own hashing, which has to honour Unicode equivalence.
struct SeriesKey: Hashable, Sendable {
    var name: String
    var labels: Labels

    func hash(into hasher: inout Hasher) {
        Self.combine(name, into: &hasher)
        hasher.combine(labels.pairs.count)
        for pair in labels.pairs {
            Self.combine(pair.name, into: &hasher)
            Self.combine(pair.value, into: &hasher)
        }
    }

    static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        guard lhs.labels.pairs.count == rhs.labels.pairs.count, sameBytes(lhs.name, rhs.name) else { return false }
        for (left, right) in zip(lhs.labels.pairs, rhs.labels.pairs) {
            guard sameBytes(left.name, right.name), sameBytes(left.value, right.value) else { return false }
        }
        return true
    }

    private static func combine(_ string: String, into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }
}
