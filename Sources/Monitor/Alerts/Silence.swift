import Foundation
import PromQL

/// An Alertmanager-style silence: alerts whose labels match every matcher are muted between start and end.
public struct Silence: Sendable, Hashable, Identifiable {
    /// Where a silence stands at a moment.
    public enum State: String, Sendable, Hashable, Codable {
        case pending
        case active
        case expired
    }

    public var id: String
    public var matchers: [LabelMatcher]
    public var startsAt: Date
    public var endsAt: Date
    public var createdBy: String
    public var comment: String

    /// A validated silence; throws when it ends before it starts or could match every alert.
    public init(
        id: String = UUID().uuidString.lowercased(), matchers: [LabelMatcher], startsAt: Date, endsAt: Date,
        createdBy: String, comment: String
    ) throws(AlertQueueError) {
        guard endsAt > startsAt else { throw .silenceEndsBeforeItStarts(startsAt: startsAt, endsAt: endsAt) }
        guard !matchers.isEmpty else { throw .silenceMatchesEverything }
        // As Alertmanager: at least one matcher must not match the empty string, or the silence mutes all.
        guard matchers.contains(where: { !CompiledMatcher($0).matchesEmpty }) else {
            throw .silenceMatchesEverything
        }
        self.init(
            unchecked: id, matchers: matchers, startsAt: startsAt, endsAt: endsAt, createdBy: createdBy,
            comment: comment)
    }

    /// A silence as stored, without validation.
    package init(
        unchecked id: String, matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String,
        comment: String
    ) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    public func state(at now: Date) -> State {
        if now < startsAt { return .pending }
        return now < endsAt ? .active : .expired
    }

    /// The silence ended at `now`: an active one ends now, a pending one never starts.
    public func expired(at now: Date) -> Silence {
        var silence = self
        if now < startsAt { silence.startsAt = now }
        silence.endsAt = min(endsAt, now)
        return silence
    }

    /// The matchers as `{a="b", c=~"d"}`.
    public var matchersDescription: String {
        "{" + matchers.map(\.description).joined(separator: ", ") + "}"
    }
}
