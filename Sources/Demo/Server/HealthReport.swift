import Hummingbird

/// The `/health` answer of a simulated system, shaped like Spring Boot Actuator's.
enum HealthReport {
    static func response(for context: SimulationContext, down: Bool) -> Response {
        let dependency =
            down
            ? [
                "status": "DOWN",
                "details": ["error": "HikariPool-1 - Connection is not available, request timed out after 30000ms."],
            ] as [String: Any]
            : ["status": "UP", "details": ["database": "PostgreSQL", "validationQuery": "isValid()"]]
        return Reply.json([
            "status": down ? "DOWN" : "UP",
            "system": context.system.id,
            "name": context.system.name,
            "version": context.system.version,
            "uptime_seconds": Int(context.seconds),
            "components": [
                "db": dependency,
                "diskSpace": ["status": "UP", "details": ["free": 41_203_826_688, "threshold": 10_485_760]],
                "ping": ["status": "UP"],
            ],
        ])
    }
}
