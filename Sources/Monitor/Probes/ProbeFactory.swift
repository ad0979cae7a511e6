import Foundation
import SwitchboardCore

/// Builds the probe for a check's settings.
public struct ProbeFactory: Sendable {
    let clients: HTTPClients

    public init(clients: HTTPClients) {
        self.clients = clients
    }

    /// `target` names the system a flow's record should reach, in its reasons.
    public func probe(for check: Check, target: String? = nil) -> any Probe {
        switch check.probe {
        case .http(let settings): HTTPProbe(settings: settings, expect: check.expect, clients: clients)
        case .graphql(let settings):
            HTTPProbe(settings: settings.http, expect: check.expect, clients: clients, graphQL: true)
        case .tcp(let settings): TCPProbe(settings: settings)
        case .tls(let settings):
            TLSProbe(
                settings: settings, expect: check.expect, trustRoots: settings.caFile.map(TrustRoots.pemFile) ?? .system
            )
        case .dns(let settings): DNSProbe(settings: settings)
        case .command(let settings): CommandProbe(settings: settings)
        case .scrape(let settings): ScrapeProbe(settings: settings, checkID: check.id, clients: clients)
        case .reconcile(let settings): ReconcileProbe(settings: settings, clients: clients)
        case .flow(let settings):
            FlowProbe(
                settings: settings, requestTimeout: check.timeout,
                target: target ?? URLComponents(string: settings.arrive.request.url)?.host ?? "the target",
                clients: clients)
        }
    }
}
