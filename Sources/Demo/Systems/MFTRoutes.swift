import Hummingbird

/// The managed-file-transfer gateway: SFTP drops between partners and systems.
enum MFTRoutes {
    static func add(to router: Router<BasicRequestContext>, _ simulation: SimulationContext) {
        router.get("/api/transfers/status") { _, _ in
            let transfers = 6_100 + Int(simulation.seconds / 9)
            return Reply.json([
                "status": "OK", "backlog": Int(simulation.seconds) % 6,
                "sessions": ["sftp": 4, "ftps": 1],
                "last_transfer": [
                    "id": "T-\(transfers)", "file": "ASN_\(transfers).xml", "direction": "inbound",
                    "partner": "WMS", "bytes": 48_213, "completed_at": DemoFixtures.timestamp(simulation.seconds - 4),
                ],
            ])
        }
        router.get("/api/transfers/bank-statements") { _, _ in
            Reply.json([
                "last_status": "OK", "format": "camt.053", "bank": "Demo Landesbank",
                "last_file": "CAMT053_20251122_0600.xml", "received_at": DemoFixtures.timestamp(-7_200),
            ])
        }
        router.get("/api/transfers") { _, _ in
            Reply.json(["channels": ["asn-to-wms", "bank-statements-to-erp", "pricelist-to-shop"], "active": 3])
        }
    }
}
