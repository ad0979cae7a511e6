import Monitor
import SwitchboardCore
import Testing

@Suite struct DNSProbeTests {
    func lookup(_ name: String, addresses: [String] = [], count: Int? = nil) async -> ProbeOutcome {
        let settings = DNSProbeSettings(name: name, expectAddresses: addresses, expectCount: count)
        return await DNSProbe(settings: settings).run(timeout: .seconds(60))
    }

    @Test func localhostResolvesToLoopbackAddresses() async throws {
        let outcome = await lookup("localhost")
        #expect(outcome.up)
        let answer = try #require(outcome.reason.split(separator: "→").last)
        let addresses = answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!addresses.isEmpty && addresses.allSatisfy { $0 == "127.0.0.1" || $0 == "::1" })
        let rrs = try #require(outcome.samples.first { $0.name == "probe_dns_answer_rrs" })
        #expect(rrs.value == Double(addresses.count))
        #expect(outcome.samples.contains { $0.name == "probe_dns_lookup_time_seconds" })
    }

    @Test func expectedAddressesPresentIsUp() async {
        let outcome = await lookup("127.0.0.1", addresses: ["127.0.0.1"], count: 1)
        #expect(outcome == .success("127.0.0.1 → 127.0.0.1", samples: outcome.samples))
    }

    @Test func missingExpectedAddressIsAssertion() async {
        let outcome = await lookup("localhost", addresses: ["192.0.2.10"])
        #expect(outcome.errorClass == .assertion)
        #expect(outcome.reason.hasSuffix("missing 192.0.2.10"))
    }

    @Test func fewerAddressesThanExpectCountIsAssertion() async {
        let outcome = await lookup("127.0.0.1", count: 2)
        #expect(outcome.errorClass == .assertion)
        #expect(outcome.reason.hasSuffix("1 address, expected at least 2"))
    }

    @Test func nameUnderInvalidDoesNotResolve() async {
        let outcome = await lookup("no-such-host.switchboard.invalid")
        #expect(outcome.errorClass == .dns)
        #expect(outcome.reason.hasPrefix("no-such-host.switchboard.invalid: "))
    }
}
