import Foundation
import SwitchboardCore

/// A silence as Alertmanager's API v2 answers it (`gettableSilence`).
struct GettableSilence: Codable, Sendable, Equatable {
    var id: String
    var status: SilenceStatus
    var updatedAt: Date
    var matchers: [SilenceMatcher]
    var startsAt: Date
    var endsAt: Date
    var createdBy: String
    var comment: String
    var annotations: [String: String]
}

/// `expired`, `active` or `pending` (`silenceStatus`).
struct SilenceStatus: Codable, Sendable, Equatable {
    var state: String
}

/// One matcher of a silence (`matcher`): `isEqual` false negates it.
struct SilenceMatcher: Codable, Sendable, Equatable {
    var name: String
    var value: String
    var isRegex: Bool
    var isEqual: Bool?

    init(_ matcher: AlertMatcher) {
        name = matcher.name
        value = matcher.value
        isRegex = matcher.kind == .matchesRegex || matcher.kind == .doesNotMatchRegex
        isEqual = matcher.kind == .equal || matcher.kind == .matchesRegex
    }

    /// The matcher as Switchboard's one grammar reads it, so a bad regex is refused as everywhere.
    var alertMatcher: AlertMatcher {
        get throws {
            let kind: AlertMatcher.Kind =
                switch (isRegex, isEqual ?? true) {
                case (false, true): .equal
                case (false, false): .notEqual
                case (true, true): .matchesRegex
                case (true, false): .doesNotMatchRegex
                }
            return try AlertMatcher.parse(AlertMatcher(name: name, kind: kind, value: value).description)
        }
    }
}

/// A silence to create, or to replace when `id` names one (`postableSilence`).
struct PostableSilence: Decodable, Sendable {
    var id: String?
    var matchers: [SilenceMatcher]
    var startsAt: Date
    var endsAt: Date
    var createdBy: String
    var comment: String
}

/// The answer to a posted silence.
struct PostedSilence: Codable, Sendable, Equatable {
    var silenceID: String
}
