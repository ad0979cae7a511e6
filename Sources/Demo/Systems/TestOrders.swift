import Hummingbird

/// The shop's test orders and the ERP's lookup of them, for the `order-to-erp` flow check.
///
/// Stateless, so that the two servers need share nothing: an order's number is the demo time it was
/// created at (in milliseconds, plus `firstNumber`). The ERP posts it `postingDelay` after that,
/// unless a `lost_orders` episode was under way on the ERP's `/api/orders` when it was created:
/// then the order never arrives, and the flow check times out.
enum TestOrders {
    static let firstNumber = 100_000
    static let postingDelay: Duration = .seconds(2)
    /// Where the `lost_orders` fault strikes.
    static let target = FaultTarget(system: "erp", path: "/api/orders")

    /// `POST /api/test-orders` on the shop: `{"id": …}` of a new test order.
    static func addCreation(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.post("/api/test-orders") { _, _ in
            let number = firstNumber + Int(simulation.elapsed.milliseconds)
            return Reply.json(["id": number, "status": "NEW", "sku": "PROBE-1"], status: .created)
        }
    }

    /// `GET /api/orders/{id}` on the ERP: 404 until the order is posted, and for ever if it was lost.
    static func addLookup(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/orders/:id") { request, context in
            let text = context.parameters.get("id") ?? ""
            guard let created = createdAt(text), simulation.elapsed >= created + postingDelay,
                !lost(createdAt: created, simulation)
            else {
                return Reply.error(
                    .notFound, path: request.uri.path, message: "no sales order \(text)", at: simulation.seconds)
            }
            return Reply.json([
                "id": text, "status": "POSTED", "sales_order": "SO-\(text)",
                "posted_at": DemoFixtures.timestamp(created.seconds + postingDelay.seconds),
            ])
        }
    }

    /// Web orders per second of demo time, for the order counts the `reconcile` check compares.
    static let ordersPerSecond = 5

    /// `GET /api/orders/count` on the shop and on the ERP: `{"count": …}` of `count(_:posted:)`.
    static func addCount(to router: Router<BasicRequestContext>, _ simulation: SimulationContext, posted: Bool) {
        router.get("/api/orders/count") { _, _ in
            Reply.json(["count": count(simulation, posted: posted), "day": "today"])
        }
    }

    /// The web orders of the "day" (the fault timeline's cycle) so far. The ERP (`posted`) counts an
    /// order once it has posted it, and never counts those made during a `lost_orders` episode: its
    /// count falls behind and stays behind until the day ends.
    static func count(_ simulation: SimulationContext, posted: Bool) -> Int {
        let now = simulation.timeline.timeInCycle(simulation.elapsed)
        let seconds = Int(((posted ? now - postingDelay : now).seconds).rounded(.down))
        let counted = (0..<max(0, seconds)).filter { second in
            !posted || !lost(createdAt: simulation.elapsed - now + .seconds(second), simulation)
        }
        return counted.count * ordersPerSecond
    }

    /// The demo time a test order was created at, from its number.
    static func createdAt(_ number: String) -> Duration? {
        guard let number = Int(number), number >= firstNumber else { return nil }
        return .milliseconds(number - firstNumber)
    }

    static func lost(createdAt: Duration, _ simulation: SimulationContext) -> Bool {
        simulation.timeline.episode(system: target.system, path: target.path, at: createdAt)?.kind == .lostOrders
    }
}
