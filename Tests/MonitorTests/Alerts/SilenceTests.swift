import Foundation
import Monitor
import PromQL
import SwitchboardCore
import Testing

@Suite struct SilenceTests {
    typealias F = AlertFixtures

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        SyntaxCase(text: "alertname=Down", expected: #"alertname="Down""#),
        SyntaxCase(text: #"env!="prod""#, expected: #"env!="prod""#),
        SyntaxCase(text: #"job=~"api|web""#, expected: #"job=~"api|web""#),
        SyntaxCase(text: #"instance!~db-\d+"#, expected: #"instance!~"db-\\d+""#),
        SyntaxCase(text: #"msg="say \"hi\"""#, expected: #"msg="say \"hi\"""#),
        SyntaxCase(text: "team=", expected: #"team="""#),
    ])
    func matchersParse(_ testCase: SyntaxCase) throws {
        #expect(try LabelMatcher(AlertMatcher.parse(testCase.text)).description == testCase.expected)
    }

    @Test func badMatchersNameTheColumnAndWhatWasExpected() {
        #expect(
            throws: AlertMatcherError(
                input: "sev~=x", column: 4, expected: "one of =, !=, =~, !~ after the label name `sev`")
        ) {
            try AlertMatcher.parse("sev~=x")
        }
        #expect(throws: AlertMatcherError(input: "=x", column: 1, expected: "a label name ([a-zA-Z_][a-zA-Z0-9_]*)")) {
            try AlertMatcher.parse("=x")
        }
        #expect(throws: AlertMatcherError(input: #"a="open"#, column: 8, expected: "a closing quote")) {
            try AlertMatcher.parse(#"a="open"#)
        }
        do {
            _ = try AlertMatcher.parseAll(["alertname=Down", "job=~(unclosed"])
            Issue.record("an unbalanced regex must not parse")
        } catch {
            #expect(error.argument == 2)
            #expect(error.column == 6)
            #expect(
                error.description.hasPrefix("matcher 2 `job=~(unclosed`, column 6: expected a valid regular expression")
            )
        }
    }

    @Test func aSilenceIsPendingThenActiveThenExpired() throws {
        let silence = try F.silence(["alertname=Down"], from: 100, to: 200)
        #expect(silence.state(at: F.at(99)) == .pending)
        #expect(silence.state(at: F.at(100)) == .active)
        #expect(silence.state(at: F.at(199)) == .active)
        #expect(silence.state(at: F.at(200)) == .expired)
    }

    @Test func anActiveSilenceMutesMatchingAlertsOnly() throws {
        var queue = AlertQueue()
        let erp = F.alert("Down", ["system": "erp", "env": "prod"])
        let crm = F.alert("Down", ["system": "crm", "env": "production"])
        _ = queue.update(alerts: [erp, crm], topology: .init(), now: F.at(0))
        queue.addSilence(try F.silence(["alertname=Down", #"env=~"prod""#], from: 10, to: 100), now: F.at(0))
        #expect(queue.entry(erp.id)?.silencedBy == [], "pending silences mute nothing")
        queue.recompute(now: F.at(10))
        #expect(queue.entry(erp.id)?.silencedBy == ["s1"])
        #expect(queue.entry(crm.id)?.silencedBy == [], "regexes are anchored: prod does not match production")
        queue.recompute(now: F.at(100))
        #expect(queue.entry(erp.id)?.silencedBy == [], "expired")
    }

    @Test func silenceWithNegativeAndMissingLabelMatchers() throws {
        var queue = AlertQueue()
        let tagged = F.alert("Lag", ["team": "ops"])
        let untagged = F.alert("Lag")
        _ = queue.update(alerts: [tagged, untagged], topology: .init(), now: F.at(0))
        queue.addSilence(try F.silence(["alertname=Lag", "team!=ops"], id: "not-ops"), now: F.at(1))
        #expect(queue.entry(untagged.id)?.silencedBy == ["not-ops"], "a missing label is the empty string")
        #expect(queue.entry(tagged.id)?.silencedBy == [])
    }

    @Test func expiringASilenceUnmutesAndIsAudited() throws {
        var queue = AlertQueue()
        let alert = F.alert("Down")
        _ = queue.update(alerts: [alert], topology: .init(), now: F.at(0))
        let audit = queue.addSilence(try F.silence(["alertname=Down"]), now: F.at(1))
        #expect(audit.action == .silence && audit.actor == "ana" && audit.target == "s1")
        #expect(queue.entry(alert.id)?.isMuted == true)
        let (expired, expireAudit) = try queue.expireSilence("s1", by: "bo", now: F.at(50))
        #expect(expired.endsAt == F.at(50))
        #expect(expireAudit.action == .expire && expireAudit.actor == "bo")
        #expect(queue.entry(alert.id)?.isMuted == false)
        #expect(throws: AlertQueueError.silenceAlreadyExpired("s1")) {
            try queue.expireSilence("s1", by: "bo", now: F.at(51))
        }
        #expect(throws: AlertQueueError.unknownSilence("nope")) {
            try queue.expireSilence("nope", by: "bo", now: F.at(51))
        }
    }

    @Test func expiringAPendingSilenceMeansItNeverStarts() throws {
        let silence = try F.silence(["alertname=Down"], from: 100, to: 200).expired(at: F.at(10))
        #expect(silence.state(at: F.at(10)) == .expired)
        #expect(silence.state(at: F.at(150)) == .expired)
    }

    @Test func invalidSilencesAreRefused() throws {
        #expect(throws: AlertQueueError.silenceEndsBeforeItStarts(startsAt: F.at(10), endsAt: F.at(5))) {
            try F.silence(["alertname=Down"], from: 10, to: 5)
        }
        #expect(throws: AlertQueueError.silenceMatchesEverything) { try F.silence(["team=~.*", "env="]) }
        #expect(throws: AlertQueueError.silenceMatchesEverything) { try F.silence([]) }
    }

    @Test func manySilencesAreFoundThroughTheIndex() throws {
        var queue = AlertQueue()
        let alerts = (0..<50).map { F.alert("Down", ["system": "s\($0)"]) }
        _ = queue.update(alerts: alerts, topology: .init(), now: F.at(0))
        for index in 0..<50 where index.isMultiple(of: 2) {
            queue.addSilence(try F.silence(["system=s\(index)"], id: "s-\(index)"), now: F.at(1))
        }
        queue.addSilence(try F.silence(["system=~s(1|3)"], id: "regex"), now: F.at(1))
        #expect(queue.entry(alerts[4].id)?.silencedBy == ["s-4"])
        #expect(queue.entry(alerts[3].id)?.silencedBy == ["regex"])
        #expect(queue.entry(alerts[5].id)?.silencedBy == [])
        #expect(queue.entries.count { $0.isMuted } == 27)
    }
}
