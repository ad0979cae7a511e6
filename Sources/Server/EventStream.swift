import Hummingbird
import NIOCore

/// A `text/event-stream` answer that writes each event as it comes and a comment every
/// `keepAlive`, so that proxies keep the connection and a dead client is noticed.
enum EventStream {
    static let keepAlive: Duration = .seconds(15)

    static func response(_ events: AsyncStream<ServerEvent>) -> Response {
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": switchboard events\n\n"))
            let (ticks, tick) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
            let beat = Task {
                while (try? await Task.sleep(for: keepAlive)) != nil { tick.yield(": keep-alive\n\n") }
                tick.finish()
            }
            defer { beat.cancel() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (merged, sink) = AsyncStream.makeStream(of: String.self)
                group.addTask {
                    for await event in events { sink.yield(event.wire) }
                    sink.finish()
                }
                group.addTask {
                    for await comment in ticks { sink.yield(comment) }
                }
                for await text in merged { try await writer.write(ByteBuffer(string: text)) }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: body)
    }
}
