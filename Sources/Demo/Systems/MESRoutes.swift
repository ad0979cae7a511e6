import Hummingbird

/// The MES (生产执行): production orders from the ERP, machines and their OEE.
enum MESRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/production-orders") { _, _ in
            var random = simulation.random("mes-orders")
            let released = 1_200 + Int(simulation.seconds / 20)
            let items: [[String: Any]] = (0..<5).map { offset in
                let (material, text) = DemoFixtures.materials.randomElement(using: &random)!
                return [
                    "id": "PO-\(1_000_000 + released - offset)", "material": material, "description": text,
                    "quantity": Int.random(in: 10...500, using: &random), "work_center": "WC-\(10 + offset % 4)",
                    "status": ["RELEASED", "IN_PROGRESS", "CONFIRMED"].randomElement(using: &random)!,
                ]
            }
            return Reply.json(["items": items, "released_total": released])
        }
        router.get("/api/machines") { _, _ in
            var random = simulation.random("mes-machines")
            let machines: [[String: Any]] = (1...6).map { number in
                [
                    "id": "M-\(number)", "state": number == 4 ? "SETUP" : "RUNNING",
                    "oee": Double(Int.random(in: 610...920, using: &random)) / 1000,
                ]
            }
            return Reply.json(["plant": "1000", "machines": machines])
        }
    }
}
