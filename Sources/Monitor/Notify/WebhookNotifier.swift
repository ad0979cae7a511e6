import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Posts notifications to a webhook as Alertmanager's payload version 4, retrying with exponential backoff.
///
/// Retries on connection failures, 429 and 5xx; another 4xx is final (the receiver refuses the payload).
public struct WebhookNotifier: Sendable {
    public struct Retry: Sendable, Hashable {
        public var attempts: Int
        public var initialDelay: Duration
        public var maximumDelay: Duration

        public init(attempts: Int = 5, initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(60)) {
            self.attempts = attempts
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
        }
    }

    public let url: String
    public let retry: Retry
    public let timeout: Duration
    public let externalURL: String
    /// Extra request headers (`Authorization`…), sent with every attempt.
    public let headers: [(name: String, value: String)]
    private let client: HTTPClient
    private let logger: Logger

    public init(
        url: String, client: HTTPClient = .shared, retry: Retry = Retry(), timeout: Duration = .seconds(10),
        externalURL: String = "", headers: [(name: String, value: String)] = [],
        logger: Logger = Logger(label: "switchboard.notify.webhook")
    ) {
        self.url = url
        self.headers = headers
        self.client = client
        self.retry = retry
        self.timeout = timeout
        self.externalURL = externalURL
        self.logger = logger
    }

    /// Delivers one notification; throws `NotifyError` when every attempt failed or the receiver refused it.
    public func send(_ notification: AlertNotification) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(WebhookPayload(notification, externalURL: externalURL))
        try await post(body, what: "notification \(notification.groupKey)")
    }

    func post(_ body: Data, what: String) async throws {
        var delay = retry.initialDelay
        var lastFailure = ""
        for attempt in 1...max(1, retry.attempts) {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "switchboard")
            for header in headers { request.headers.replaceOrAdd(name: header.name, value: header.value) }
            request.body = .bytes(ByteBuffer(bytes: body))
            do {
                let response = try await client.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
                _ = try? await response.body.collect(upTo: 64 * 1024)
                let status = Int(response.status.code)
                if (200..<300).contains(status) {
                    logger.info("sent \(what) to \(url)", metadata: ["attempt": "\(attempt)"])
                    return
                }
                lastFailure = "HTTP \(status)"
                if (400..<500).contains(status) && status != 429 {
                    logger.error("\(url) refused \(what): \(lastFailure)")
                    throw NotifyError.refused(url: url, status: status)
                }
            } catch let error as NotifyError {
                throw error
            } catch {
                lastFailure = "\(error)"
            }
            logger.warning("sending \(what) to \(url) failed (attempt \(attempt)): \(lastFailure)")
            guard attempt < retry.attempts else { break }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, retry.maximumDelay)
        }
        throw NotifyError.gaveUp(url: url, attempts: retry.attempts, lastFailure: lastFailure)
    }
}

/// Why a notification was not delivered.
public enum NotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    case refused(url: String, status: Int)
    case gaveUp(url: String, attempts: Int, lastFailure: String)

    public var description: String {
        switch self {
        case .refused(let url, let status): "\(url) refused the notification with HTTP \(status)"
        case .gaveUp(let url, let attempts, let failure): "\(url): gave up after \(attempts) attempts; last: \(failure)"
        }
    }
}
