import Hummingbird

/// The payment gateway: card and SEPA payments, authorised by the webshop and settled to the ERP.
enum PaymentRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/v1/payments") { request, _ in
            let status = request.uri.queryParameters.get("status") ?? "captured"
            var random = simulation.random("pay-\(status)")
            let count = 310_000 + Int(simulation.seconds * 2)
            let items: [[String: Any]] = (0..<5).map { offset in
                [
                    "id": "pay_\(count - offset)", "status": status,
                    "amount": Int.random(in: 500...250_000, using: &random), "currency": "EUR",
                    "method": ["card", "sepa_debit", "paypal"].randomElement(using: &random)!,
                ]
            }
            return Reply.json(["data": items, "has_more": true])
        }
        router.post("/api/v1/payments") { _, _ in
            Reply.json(
                ["id": "pay_\(310_000 + Int(simulation.seconds * 2))", "status": "authorized"], status: .created)
        }
        router.get("/api/v1/settlements/latest") { _, _ in
            Reply.json(["id": "stl_20251121", "status": "sent_to_erp", "payments": 18_223, "net_eur": 1_931_204.17])
        }
    }
}
