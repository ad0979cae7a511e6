import Foundation
import Hummingbird
import Monitor
import NIOCore

/// `GET /metrics`: the Prometheus text format of the engine's store (every probe, job, `ALERTS` and
/// `ALERTS_FOR_STATE` series, newest sample) and of the daemon itself. A read like any other: no
/// token over the socket or a token-less loopback, a `viewer` token once tokens are configured.
extension EngineAPI {
    func addMetricsRoute(to router: Router<BasicRequestContext>, transport: AccessPolicy.Transport) {
        read(router, "/metrics", transport: transport) { _, _ in
            Response(
                status: .ok, headers: [.contentType: ExpositionWriter.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metricsText(now: Date()))))
        }
    }

    /// The page as it is at `now` (which decides which series are recent enough to expose).
    func metricsText(now: Date) -> String {
        let engine = host.source as? MonitorEngine
        var families = DaemonMetricFamilies.families(
            info: host.info, eventStreamClients: host.events.subscriberCount, engine: engine)
        families.append(requestDurations.family)
        if let engine {
            families += StoreMetricFamilies.families(of: engine.store.newestSamples(), now: now)
        }
        return ExpositionWriter.text(families)
    }
}
