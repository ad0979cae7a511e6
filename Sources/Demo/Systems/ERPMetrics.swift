import Hummingbird

/// The ERP's `/metrics` page: the sales orders it posted today by channel, the web channel's being
/// the count its `/api/orders/count` answers (the demo's `orders-reconciled` check reads it here).
enum ERPMetrics {
    /// EDI orders per second of demo time; the EDI channel loses none.
    static let ediOrdersPerSecond = 2

    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/metrics") { _, _ in
            Reply.text(exposition(simulation), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    static func exposition(_ simulation: SimulationContext) -> String {
        let now = simulation.timeline.timeInCycle(simulation.elapsed)
        let postedSeconds = max(0, Int((now - TestOrders.postingDelay).seconds.rounded(.down)))
        return """
            # HELP erp_orders_posted_today Sales orders posted since the day began, by channel.
            # TYPE erp_orders_posted_today gauge
            erp_orders_posted_today{channel="edi"} \(postedSeconds * ediOrdersPerSecond)
            erp_orders_posted_today{channel="web"} \(TestOrders.count(simulation, posted: true))

            """
    }
}
