import Hummingbird

/// The WMS: stock per site for the ERP, shipments and goods receipts.
enum WMSRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/stock") { request, _ in
            let site = request.uri.queryParameters.get("site") ?? "DC-NORTH"
            var random = simulation.random("wms-stock-\(site)")
            let items: [[String: Any]] = DemoFixtures.materials.map { material, text in
                [
                    "material": material, "description": text, "site": site,
                    "available": Int.random(in: 0...2_400, using: &random),
                    "reserved": Int.random(in: 0...300, using: &random),
                ]
            }
            return Reply.json(["site": site, "items": items, "as_of": DemoFixtures.timestamp(simulation.seconds)])
        }
        router.get("/api/shipments") { _, _ in
            let shipped = 9_100 + Int(simulation.seconds / 7)
            return Reply.json(["shipped_today": shipped % 2_000, "open_deliveries": 143, "last_id": "DLV-\(shipped)"])
        }
        router.get("/api/goods-receipts") { _, _ in
            Reply.json(["pending": 4 + Int(simulation.seconds) % 9, "posted_today": 221])
        }
    }
}
