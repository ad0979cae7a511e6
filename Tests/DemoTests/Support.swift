import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

@testable import Demo

/// A response as the tests look at it.
struct Answer {
    var status: Int
    var contentType: String?
    var body: String
}

enum Fetch {
    static func get(_ url: String, timeout: TimeAmount = .seconds(60)) async throws -> Answer {
        try await send(HTTPClientRequest(url: url), timeout: timeout)
    }

    static func post(
        _ url: String, body: String, contentType: String, timeout: TimeAmount = .seconds(60)
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request, timeout: timeout)
    }

    static func send(_ request: HTTPClientRequest, timeout: TimeAmount) async throws -> Answer {
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 20)
        return Answer(
            status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
            body: String(buffer: body))
    }

    static func json(_ answer: Answer) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) as? [String: Any]
    }
}

extension FaultTimeline {
    /// The first episode of a kind, and a moment one second into it.
    func first(_ kind: FaultKind) -> (episode: FaultEpisode, during: Duration)? {
        episodes.first { $0.kind == kind }.map { ($0, $0.start + .seconds(1)) }
    }
}

let soapRequest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
    xmlns:fin="urn:switchboard:demo:erp:finance">
      <soapenv:Body><fin:PostPayment><fin:PaymentId>pay_1</fin:PaymentId></fin:PostPayment></soapenv:Body>
    </soapenv:Envelope>
    """

/// A manual clock that counts its reads: a server reads it once for each request it takes, so a
/// test can tell that a request has reached its server.
final class CountingDemoClock: DemoClock {
    private let manual = ManualDemoClock()
    private let count = Mutex(0)

    var reads: Int { count.withLock { $0 } }

    func elapsed() -> Duration {
        count.withLock { $0 += 1 }
        return manual.elapsed()
    }

    func set(_ elapsed: Duration) { manual.set(elapsed) }
}
