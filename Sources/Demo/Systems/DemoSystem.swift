/// One simulated system of the demo landscape: its id, display name and environment names.
public struct DemoSystem: Sendable, Equatable, Identifiable {
    /// Id as used in `examples/demo.yaml` and in fault targets (`erp`, `crm`…).
    public var id: String
    /// Display name, as the console shows it.
    public var name: String
    /// What the system is, for the `/` info page.
    public var product: String
    public var version: String

    /// Name of the variable holding the system's base URL, `DEMO_ERP_URL`.
    public var urlVariable: String { "DEMO_\(id.uppercased())_URL" }
    /// Name of the variable holding the system's `host:port`, `DEMO_ERP_ADDR`.
    public var addressVariable: String { "DEMO_\(id.uppercased())_ADDR" }

    /// The systems of the demo, one HTTP server each.
    public static let all: [DemoSystem] = [
        DemoSystem(id: "erp", name: "财务系统 (ERP)", product: "S/4-like finance and logistics", version: "2023 FPS02"),
        DemoSystem(id: "crm", name: "CRM Sales Cloud", product: "customer relationship management", version: "24.3.1"),
        DemoSystem(id: "mes", name: "生产执行 (MES)", product: "manufacturing execution, plant 1000", version: "8.2.0"),
        DemoSystem(id: "wms", name: "WMS Central Warehouse", product: "warehouse management", version: "5.11.4"),
        DemoSystem(id: "hrm", name: "人力资源 (HRM)", product: "HR, payroll and shift planning", version: "2024.2"),
        DemoSystem(id: "pay", name: "Payment Gateway", product: "payment service provider gateway", version: "3.7.0"),
        DemoSystem(id: "broker", name: "Kafka Event Bus", product: "event streaming, 3 brokers", version: "3.7.1"),
        DemoSystem(id: "mft", name: "MFT / SFTP Gateway", product: "managed file transfer", version: "10.4"),
        DemoSystem(id: "shop", name: "Webshop B2C", product: "e-commerce storefront", version: "6.5.2"),
    ]

    public static func named(_ id: String) -> DemoSystem? {
        all.first { $0.id == id }
    }
}
