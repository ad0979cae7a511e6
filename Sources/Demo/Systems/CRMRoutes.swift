import Foundation
import Hummingbird

/// The CRM: customers over REST and a GraphQL endpoint the webshop reads customer master from.
enum CRMRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/customers") { _, _ in
            Reply.json(["items": customers(simulation, count: 5), "total": 18_734])
        }
        router.get("/api/opportunities") { _, _ in
            Reply.json(["open": 412 + Int(simulation.seconds / 60), "won_this_month": 37, "pipeline_eur": 12_480_000])
        }
        router.get("/graphql") { request, _ in
            graphQL(query: request.uri.queryParameters.get("query") ?? "", simulation)
        }
        router.post("/graphql") { request, _ in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let body = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
            return graphQL(query: body?["query"] as? String ?? "", simulation)
        }
    }

    static func customers(_ simulation: SimulationContext, count: Int) -> [[String: Any]] {
        DemoFixtures.customers.prefix(count).enumerated().map { index, name in
            ["id": "C-\(10_021 + index * 7)", "name": name, "segment": index.isMultiple(of: 2) ? "KEY" : "SMB"]
        }
    }

    /// Answers `customers` and `opportunities` queries; anything else gets a GraphQL error.
    static func graphQL(query: String, _ simulation: SimulationContext) -> Response {
        if query.contains("customers") {
            return Reply.json(["data": ["customers": customers(simulation, count: 5)]])
        }
        if query.contains("opportunities") {
            return Reply.json(["data": ["opportunities": ["open": 412, "won_this_month": 37]]])
        }
        return Reply.json([
            "data": NSNull(),
            "errors": [["message": "Cannot query field on type \"Query\". Try `customers` or `opportunities`."]],
        ])
    }
}
