import Hummingbird

/// The B2C webshop: new orders exported to the ERP, price lists imported from it.
enum ShopRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        TestOrders.addCreation(to: router, simulation)
        TestOrders.addCount(to: router, simulation, posted: false)
        router.get("/api/orders/export") { request, _ in
            let status = request.uri.queryParameters.get("status") ?? "new"
            let pending = Int(simulation.seconds) % 13
            let orders: [[String: Any]] = (0..<pending).map { offset in
                ["id": "WEB-\(880_000 + Int(simulation.seconds) - offset)", "status": status, "lines": 1 + offset % 3]
            }
            return Reply.json(["orders": orders, "count": pending])
        }
        router.get("/api/pricelist/status") { _, _ in
            Reply.json([
                "status": "CURRENT", "valid_from": "2025-11-22", "items": 14_302,
                "imported_at": DemoFixtures.timestamp(-1_800), "source": "ERP via MFT",
            ])
        }
        router.get("/api/catalog/products") { _, _ in
            let products = DemoFixtures.materials.map { ["sku": $0.0, "name": $0.1] }
            return Reply.json(["items": products, "total": products.count])
        }
    }
}
