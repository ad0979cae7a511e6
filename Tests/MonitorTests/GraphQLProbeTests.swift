import Foundation
import Hummingbird
import Monitor
import SwitchboardCore
import TestSupport
import Testing

/// A GraphQL endpoint that answers 200 with `errors` is down with the first error's message and
/// path; `expect.json` reads `data`. Against a real GraphQL-shaped server on loopback.
@Suite struct GraphQLProbeTests {
    func withServer(_ body: (LoopbackServer) async throws -> Void) async throws {
        try await LoopbackServer.serving(
            { router in
                router.post("graphql") { request, _ -> Response in
                    let sent = try await request.body.collect(upTo: 1 << 16)
                    let object = try JSONSerialization.jsonObject(with: Data(buffer: sent)) as? [String: Any]
                    let query = object?["query"] as? String ?? ""
                    let sku = (object?["variables"] as? [String: Any])?["sku"] as? String ?? ""
                    let answer =
                        query.contains("broken")
                        ? #"{"errors":[{"message":"Order 4711 not found","path":["order",0,"lines"]},{"message":"again"}],"data":null}"#
                        : #"{"data":{"product":{"sku":"\#(sku)","stock":3}}}"#
                    let type = request.headers[.contentType] == "application/json" ? "application/json" : "text/plain"
                    return Response(
                        status: type == "application/json" ? .ok : .unsupportedMediaType,
                        headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer))
                    )
                }
            }, body)
    }

    func probe(_ server: LoopbackServer, query: String, json: [String] = []) async throws -> ProbeOutcome {
        let clients = HTTPClients()
        defer { Task { await clients.shutdown() } }
        let settings = GraphQLProbeSettings(
            http: HTTPProbeSettings(url: server.baseURL + "/graphql"), query: query, variables: #"{"sku":"PROBE-1"}"#)
        let expect = Expectations(json: try json.map { try JSONAssertionParser.parse($0).get() })
        let check = Check(
            id: "g", probe: .graphql(settings), interval: .seconds(60), timeout: .seconds(60), expect: expect)
        return await ProbeFactory(clients: clients).probe(for: check).run(timeout: .seconds(60))
    }

    @Test func errorsInA200AnswerAreAGraphQLError() async throws {
        try await withServer { server in
            let outcome = try await probe(server, query: "{ broken }")
            #expect(!outcome.up && outcome.errorClass == .graphqlError && outcome.httpStatus == 200)
            #expect(outcome.reason == "GraphQL error at order.0.lines: Order 4711 not found (and 1 more)")
        }
    }

    @Test func jsonAssertionsReadTheData() async throws {
        try await withServer { server in
            let holds = try await probe(server, query: "{ product }", json: [#"$.product.sku == "PROBE-1""#])
            #expect(holds.up && holds.reason == "HTTP 200 OK")
            let fails = try await probe(server, query: "{ product }", json: ["$.product.stock > 5"])
            #expect(!fails.up && fails.errorClass == .assertion)
            #expect(fails.reason == "$.product.stock is 3, expected > 5")
        }
    }
}
