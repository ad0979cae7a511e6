import Foundation
import SwitchboardCore
import Testing
import Yams

@testable import Demo

@Suite("Fault timeline")
struct FaultTimelineTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedGivesTheSameTimeline() {
        #expect(FaultTimeline(seed: 1) == FaultTimeline(seed: 1))
        #expect(FaultTimeline(seed: 1).description == FaultTimeline(seed: 1).description)
    }

    @Test func differentSeedsGiveDifferentTimelines() {
        let timelines = (1...20).map { FaultTimeline(seed: $0).episodes }
        #expect(Set(timelines.map { "\($0)" }).count == 20)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(300)))
    func everyKindOfFaultOccursWithinOneCycle(seed: UInt64) {
        let kinds = Set(FaultTimeline(seed: seed).episodes.map(\.kind))
        #expect(kinds == Set(FaultKind.allCases))
    }

    @Test(arguments: Array(UInt64(1)...UInt64(100)))
    func firstFaultStartsEarlyAndNothingIsBrokenAtTheStart(seed: UInt64) throws {
        let timeline = FaultTimeline(seed: seed)
        let first = try #require(timeline.episodes.first)
        #expect(first.start <= .seconds(12))
        #expect(timeline.activeEpisodes(at: .zero).isEmpty)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(100)))
    func oneToThreeThingsAreBrokenMostOfTheTime(seed: UInt64) {
        let timeline = FaultTimeline(seed: seed)
        let seconds = Array(0..<Int(timeline.cycle.components.seconds))
        let counts = seconds.map { timeline.activeEpisodes(at: .seconds($0)).count }
        #expect(counts.allSatisfy { $0 <= 3 })
        let brokenAfterTheStart = counts.dropFirst(15).filter { $0 >= 1 }.count
        #expect(Double(brokenAfterTheStart) >= 0.8 * Double(counts.count - 15))
    }

    @Test(arguments: Array(UInt64(1)...UInt64(100)))
    func noSystemHasTwoFaultsAtOnce(seed: UInt64) {
        let episodes = FaultTimeline(seed: seed).episodes
        for (index, episode) in episodes.enumerated() {
            for other in episodes[(index + 1)...] where episode.overlaps(other) {
                #expect(episode.target.system != other.target.system, "\(episode) and \(other)")
            }
        }
    }

    @Test func timelineRepeatsEveryCycle() {
        let timeline = FaultTimeline(seed: 7)
        for second in stride(from: 0, to: 240, by: 3) {
            #expect(
                timeline.activeEpisodes(at: .seconds(second))
                    == timeline.activeEpisodes(at: .seconds(second) + timeline.cycle * 3))
        }
    }

    @Test func episodesEndWithinTheCycle() {
        for seed in UInt64(1)...50 {
            let timeline = FaultTimeline(seed: seed)
            #expect(timeline.episodes.allSatisfy { $0.start < $0.end && $0.end <= timeline.cycle })
        }
    }

    @Test func latencySpikesLastBetweenOnePointTwoAndThreeSeconds() {
        let delays = (UInt64(1)...50).flatMap { FaultTimeline(seed: $0).episodes.compactMap(\.delay) }
        #expect(!delays.isEmpty)
        #expect(delays.allSatisfy { $0 >= .milliseconds(1_200) && $0 <= .seconds(3) })
    }

    @Test func soapFaultsComeAsHTTP500OrHTTP200() {
        let statuses = Set(
            (UInt64(1)...50).flatMap { FaultTimeline(seed: $0).episodes.filter { $0.kind == .soapFault } }
                .compactMap(\.status))
        #expect(statuses == [500, 200])
    }

    @Test func episodeLookupFollowsPathPrefixes() throws {
        let timeline = FaultTimeline(seed: 1)
        let soap = try #require(timeline.episodes.first { $0.kind == .soapFault })
        let during = soap.start + .seconds(1)
        #expect(timeline.episode(system: "erp", path: "/soap/PaymentPosting", at: during) == soap)
        #expect(timeline.episode(system: "erp", path: "/soapy", at: during) == nil)
        #expect(timeline.episode(system: "crm", path: "/soap/PaymentPosting", at: during) == nil)
        #expect(timeline.episode(system: "erp", path: "/soap/PaymentPosting", at: soap.end) != soap)

        let whole = FaultTarget(system: "crm", path: "/")
        #expect(whole.matches(system: "crm", path: "/health"))
        #expect(!whole.matches(system: "erp", path: "/health"))
    }

    @Test func timeInCycleWrapsAround() {
        let timeline = FaultTimeline(seed: 1)
        #expect(timeline.timeInCycle(.seconds(250)) == .seconds(10))
        #expect(timeline.timeInCycle(.milliseconds(240_500)) == .milliseconds(500))
    }
}

/// Issue 19: in five minutes of the demo no InterfaceDown fired, because every fault was shorter than the rule's
/// `for: 1m`. Read from the timeline, the built-in rule file and the demo config: no waiting in real time.
@Suite("Demo alerts fire early")
struct DemoAlertsFireEarlyTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// How long InterfaceDown needs from the first failed check: its `for`, plus one evaluation interval of its
    /// group and one interval of the slowest demo check (for the failure to be seen at all).
    static let timeToFire = Result { try readTimeToFire() }

    static func readTimeToFire() throws -> Duration {
        let text = try String(contentsOf: repository.appendingPathComponent("rules/builtin.yml"), encoding: .utf8)
        let rules = try #require(try Yams.load(yaml: text) as? [String: Any])
        let groups = try #require(rules["groups"] as? [[String: Any]])
        let group = try #require(
            groups.first {
                ($0["rules"] as? [[String: Any]])?.contains { $0["alert"] as? String == "InterfaceDown" } == true
            })
        let rule = try #require(
            (group["rules"] as? [[String: Any]])?.first { $0["alert"] as? String == "InterfaceDown" })
        let hold = try #require(DurationParser.parse(rule["for"] as? String ?? ""))
        let evaluation = try #require(DurationParser.parse(group["interval"] as? String ?? ""))
        let config = try DemoConfigTests.config()
        let checkIntervals = try DemoConfigTests.allChecks(config).map {
            try #require(DurationParser.parse($0["interval"] as? String ?? ""), "every demo check names its interval")
        }
        return hold + evaluation + (checkIntervals.max() ?? .zero)
    }

    @Test func interfaceDownNeedsAboutAMinuteAndAHalf() throws {
        #expect(try Self.timeToFire.get() > .seconds(60))
    }

    @Test(arguments: Array(UInt64(1)...UInt64(300)))
    func eachCycleOpensWithAnOutageLongEnoughForInterfaceDownToFireInThreeMinutes(seed: UInt64) throws {
        let timeToFire = try Self.timeToFire.get()
        let timeline = FaultTimeline(seed: seed)
        let outages = timeline.episodes.filter { $0.kind.failsChecks && $0.duration > timeToFire }
        let first = try #require(outages.first, "\(timeline)")
        #expect(first.start + timeToFire <= .seconds(180), "\(first)")
    }
}
