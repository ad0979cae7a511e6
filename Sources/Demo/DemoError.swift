/// What can go wrong when the demo starts or looks for its files.
public enum DemoError: Error, Equatable, CustomStringConvertible {
    /// A system's server stopped before it reported its port (for example: no loopback interface).
    case serverDidNotStart(system: String, reason: String)
    /// `demo.yaml` is in none of the places the demo looks for it.
    case configFileNotFound(searched: [String])

    public var description: String {
        switch self {
        case .serverDidNotStart(let system, let reason):
            "the demo server of `\(system)` did not start: \(reason)"
        case .configFileNotFound(let searched):
            "the demo config demo.yaml was not found; looked in:\n"
                + searched.map { "  " + $0 }.joined(separator: "\n")
                + "\nset SWITCHBOARD_DEMO_CONFIG to its path, or keep the Switchboard_Demo.resources folder beside "
                + "the switchboard binary"
        }
    }
}
