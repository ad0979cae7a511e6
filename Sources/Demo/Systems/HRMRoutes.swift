import Hummingbird

/// The HRM (人力资源): payroll runs posted to the ERP, shift plans for the MES.
enum HRMRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/payroll/runs/latest") { _, _ in
            Reply.json(payrollRun(simulation))
        }
        router.get("/api/payroll/runs") { _, _ in
            Reply.json(["items": [payrollRun(simulation)], "total": 143])
        }
        router.get("/api/shifts") { request, _ in
            let plant = request.uri.queryParameters.get("plant") ?? "1000"
            let shifts: [[String: Any]] = [("EARLY", "06:00", 41), ("LATE", "14:00", 38), ("NIGHT", "22:00", 17)]
                .map { ["shift": $0.0, "starts": $0.1, "staffed": $0.2, "plant": plant] }
            return Reply.json(["date": "2025-11-22", "shifts": shifts])
        }
        router.get("/api/employees/count") { _, _ in
            Reply.json(["active": 2_318, "on_leave": 74])
        }
    }

    static func payrollRun(_ simulation: SimulationContext) -> [String: Any] {
        [
            "id": "PR-2025-11", "period": "2025-11", "status": "POSTED_TO_ERP", "employees": 2_318,
            "gross_eur": 11_942_310.55, "posted_at": DemoFixtures.timestamp(-3_600),
        ]
    }
}
