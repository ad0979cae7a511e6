import Hummingbird
import Logging
import NIOCore

/// Builds the Hummingbird application of one simulated system on 127.0.0.1, port 0.
enum SystemServer {
    static func application(
        _ simulation: SimulationContext, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: FaultInjection(simulation: simulation))
        router.get("/health") { _, _ in HealthReport.response(for: simulation, down: false) }
        router.get("/") { _, _ in
            Reply.json([
                "system": simulation.system.id, "name": simulation.system.name,
                "product": simulation.system.product, "version": simulation.system.version,
            ])
        }
        routes(for: simulation.system.id)(router, simulation)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname("127.0.0.1", port: 0), serverName: "switchboard-demo-\(simulation.system.id)"),
            onServerRunning: { channel in
                await onRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
    }

    private static func routes(
        for system: String
    ) -> (Router<BasicRequestContext>, SimulationContext) -> Void {
        switch system {
        case "erp": ERPRoutes.add
        case "crm": CRMRoutes.add
        case "mes": MESRoutes.add
        case "wms": WMSRoutes.add
        case "hrm": HRMRoutes.add
        case "pay": PaymentRoutes.add
        case "broker": BrokerRoutes.add
        case "mft": MFTRoutes.add
        case "shop": ShopRoutes.add
        default: { _, _ in }
        }
    }
}
