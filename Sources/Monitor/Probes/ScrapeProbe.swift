import AsyncHTTPClient
import Foundation
import NIOCore
import PromQL
import SwitchboardCore
import Synchronization

/// Fetches a Prometheus `/metrics` page and turns every line into a sample, as Prometheus scrapes.
///
/// Each scraped series gets the target labels (`job`, `instance`, and the check's `labels:`); a
/// scraped label that collides with one of them, or with the labels every check sample carries, is
/// kept as `exported_<name>`. The run adds `up`, `scrape_duration_seconds` and
/// `scrape_samples_scraped`, and ends with a staleness marker every series the last scrape had and
/// this one has not. Malformed lines are skipped and make the run fail with their line numbers.
public struct ScrapeProbe: Probe {
    public let settings: ScrapeProbeSettings
    let clients: HTTPClients
    let targetLabels: Labels
    private let previous = PreviousSeries()

    /// Largest `/metrics` body accepted; bigger pages fail as `body_too_large`.
    static let maxBodyBytes = 32 * 1024 * 1024
    /// Labels the check runner puts on every sample; scraped labels of these names are renamed.
    static let reservedLabels: Set<String> = ["system", "interface", "check", "kind"]

    public init(settings: ScrapeProbeSettings, checkID: String, clients: HTTPClients) {
        self.settings = settings
        self.clients = clients
        var labels = Labels(settings.labels)
        if labels["job"] == nil { labels["job"] = checkID }
        if labels["instance"] == nil { labels["instance"] = Self.instance(of: settings.url) }
        self.targetLabels = labels
    }

    public func run(timeout: Duration) async -> ProbeOutcome {
        let started = ContinuousClock.now
        let fetched = await page(timeout: timeout)
        let seconds = (ContinuousClock.now - started).probeSeconds
        switch fetched {
        case .failure(let failure):
            var outcome = failure
            outcome.samples = targetSamples(up: false, seconds: seconds, scraped: 0) + previous.replace(with: [])
            return outcome
        case .success(let body):
            return judge(ExpositionParser.parse(bytes: body), seconds: seconds)
        }
    }

    private func judge(_ exposition: ExpositionResult, seconds: Double) -> ProbeOutcome {
        let scraped = exposition.samples.map(relabel)
        let up = exposition.problems.isEmpty
        var outcome: ProbeOutcome
        if let first = exposition.problems.first {
            let count = exposition.problems.count
            outcome = .failure(
                .invalidResponse, "\(Plural.count(count, "malformed line")) in the exposition; \(first)")
        } else {
            outcome = .success(Plural.count(scraped.count, "sample") + " scraped")
        }
        let gone = previous.replace(with: scraped.map { SeriesIdentity(name: $0.name, labels: $0.labels) })
        outcome.samples = targetSamples(up: up, seconds: seconds, scraped: scraped.count) + scraped + gone
        return outcome
    }

    private func relabel(_ sample: Sample) -> Sample {
        var labels = targetLabels
        for pair in sample.labels.pairs {
            let taken = labels[pair.name] != nil || Self.reservedLabels.contains(pair.name)
            labels[taken ? "exported_" + pair.name : pair.name] = pair.value
        }
        return Sample(sample.name, labels, sample.value, timestampMilliseconds: sample.timestampMilliseconds)
    }

    private func targetSamples(up: Bool, seconds: Double, scraped: Int) -> [Sample] {
        [
            Sample("up", targetLabels, up ? 1 : 0),
            Sample("scrape_duration_seconds", targetLabels, seconds),
            Sample("scrape_samples_scraped", targetLabels, Double(scraped)),
        ]
    }

    /// The page's bytes, or the outcome of a fetch that failed.
    enum Fetched {
        case success([UInt8])
        case failure(ProbeOutcome)
    }

    /// Fetches the page, giving up at `timeout`; a reconcile side reads its series from it too.
    func page(timeout: Duration) async -> Fetched {
        await withTimeout(timeout) { await self.fetch(timeout: timeout) }
            ?? .failure(.failure(.timeout, ProbeWords.timedOut(timeout)))
    }

    private func fetch(timeout: Duration) async -> Fetched {
        do {
            var request = HTTPClientRequest(url: settings.url)
            request.headers.add(name: "User-Agent", value: "switchboard")
            request.headers.add(name: "Accept", value: "text/plain;version=0.0.4;q=1,*/*;q=0.1")
            let client = clients.client(followRedirects: true)
            let response = try await client.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            guard (200..<300).contains(response.status.code) else {
                return .failure(
                    .failure(
                        .httpStatus, "HTTP \(response.status.code) \(response.status.reasonPhrase)",
                        httpStatus: Int(response.status.code)))
            }
            var body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: Self.maxBodyBytes)
            } catch is NIOTooManyBytesError {
                return .failure(
                    .failure(
                        .bodyTooLarge,
                        ProbeWords.bodyTooLarge(limit: Self.maxBodyBytes, declared: response.declaredLength)))
            }
            return .success(body.readBytes(length: body.readableBytes) ?? [])
        } catch is CancellationError {
            return .failure(.failure(.timeout, ProbeWords.timedOut(timeout)))
        } catch {
            let (errorClass, reason) = ProbeError.classify(error, timeout: timeout)
            return .failure(.failure(errorClass, reason))
        }
    }

    /// `host:port` of a URL, as Prometheus fills the `instance` label.
    static func instance(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host):\(port)"
    }
}

/// The identity of a scraped series, to notice when it disappears.
struct SeriesIdentity: Hashable, Sendable {
    var name: String
    var labels: Labels
}

/// The series the previous scrape of one target returned; what is missing now gets a stale marker.
final class PreviousSeries: Sendable {
    private let seen = Mutex<Set<SeriesIdentity>>([])

    /// Remembers `current` and returns a staleness marker for every series of the last scrape not in it.
    func replace(with current: [SeriesIdentity]) -> [Sample] {
        let now = Set(current)
        let gone = seen.withLock { seen in
            defer { seen = now }
            return seen.subtracting(now)
        }
        return gone.sorted { ($0.name, $0.labels) < ($1.name, $1.labels) }.map {
            Sample($0.name, $0.labels, .staleMarker)
        }
    }
}
