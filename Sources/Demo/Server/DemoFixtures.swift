import Foundation

/// Small helpers for plausible data: timestamps, document numbers, names.
enum DemoFixtures {
    /// The demo's calendar starts at a fixed morning so that generated data is reproducible.
    static let epoch = Date(timeIntervalSince1970: 1_763_798_400)  // 2025-11-22 08:00:00 UTC

    static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: epoch.addingTimeInterval(seconds))
    }

    static let customers = [
        "Müller Maschinenbau GmbH", "Nordwind Logistics A/S", "上海华东精密制造有限公司", "Atelier Dupont SARL",
        "Bergström Components AB", "Rossi Alimentari S.p.A.", "深圳远航电子科技有限公司", "Kowalski Stal Sp. z o.o.",
    ]

    static let materials = [
        ("MAT-100234", "Hydraulic pump HP-40"), ("MAT-100871", "Gear housing GH-12"),
        ("MAT-200415", "Control unit CU-7"), ("MAT-300002", "Sealing kit SK-3"),
        ("MAT-300118", "Bearing 6204-2RS"), ("MAT-410009", "Cable harness CH-220"),
    ]
}
