import Foundation
import NIOPosix
import SwitchboardCore

/// Resolves a name to its A and AAAA addresses with the system resolver, as the systems that call the
/// endpoint would, and checks the answer.
///
/// `expect_addresses`: every listed address must be in the answer (others may be there too).
/// `expect_count`: the answer must hold at least this many distinct addresses, so that a round-robin
/// name that loses a record fails while one that gains a record does not.
public struct DNSProbe: Probe {
    public let settings: DNSProbeSettings

    public init(settings: DNSProbeSettings) {
        self.settings = settings
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        let started = ContinuousClock.now
        let name = settings.name
        let answer = await withAbandoningTimeout(timeout) { () async -> Result<[String], any Error> in
            do {
                return .success(
                    try await NIOThreadPool.singleton.runIfActive { try SystemResolver.addresses(of: name) })
            } catch {
                return .failure(error)
            }
        }
        let took = ContinuousClock.now - started
        let lookupTime = Sample("probe_dns_lookup_time_seconds", [:], took.probeSeconds)
        switch answer {
        case .none:
            return .failure(
                .timeout, "\(name): " + ProbeWords.timedOut(timeout), samples: [lookupTime])
        case .failure(let error as SystemResolver.LookupError):
            return .failure(.dns, "\(name): \(error.message)", samples: [lookupTime])
        case .failure(let error):
            return .failure(.dns, "\(name): \(error)", samples: [lookupTime])
        case .success(let addresses):
            let samples = [lookupTime, Sample("probe_dns_answer_rrs", [:], Double(addresses.count))]
            return judge(addresses, samples: samples)
        }
    }

    func judge(_ addresses: [String], samples: [Sample]) -> ProbeOutcome {
        let answer = "\(settings.name) → \(addresses.joined(separator: ", "))"
        let missing = settings.expectAddresses.filter { !addresses.contains(SystemResolver.normalized($0)) }
        if !missing.isEmpty {
            return .failure(.assertion, "\(answer); missing \(missing.joined(separator: ", "))", samples: samples)
        }
        if let count = settings.expectCount, addresses.count < count {
            let got = Plural.count(addresses.count, "address", plural: "addresses")
            return .failure(.assertion, "\(answer); \(got), expected at least \(count)", samples: samples)
        }
        return .success(answer, samples: samples)
    }
}
