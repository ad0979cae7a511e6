/// The one id a typed text names: the id itself, or a prefix of at least `minimumLength` characters that starts
/// exactly one id, letter case ignored. Alerts, silences, maintenance windows and jobs resolve ids through it, so
/// the short id the console shows (`e6fb2bc7`) works wherever an id is taken.
public enum IDPrefix {
    public static let minimumLength = 4

    public enum Match: Sendable, Equatable {
        case found(String)
        case unknown
        /// More than one id starts with the text: all of them, sorted.
        case ambiguous([String])
    }

    public static func match(_ text: String, in ids: some Sequence<String>) -> Match {
        let wanted = text.lowercased()
        var candidates: [String] = []
        for id in ids {
            let folded = id.lowercased()
            if folded == wanted { return .found(id) }
            if wanted.count >= minimumLength && folded.hasPrefix(wanted) { candidates.append(id) }
        }
        switch candidates.count {
        case 0: return .unknown
        case 1: return .found(candidates[0])
        default: return .ambiguous(candidates.sorted())
        }
    }
}
