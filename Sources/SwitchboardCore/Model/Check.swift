/// One thing to poll on a schedule, with what its answer must satisfy.
public struct Check: Sendable, Equatable, Identifiable {
    public var id: String
    public var probe: ProbeSettings
    public var interval: Duration
    public var timeout: Duration
    public var expect: Expectations

    public static let defaultInterval: Duration = .seconds(30)
    public static let defaultTimeout: Duration = .seconds(10)

    public init(
        id: String, probe: ProbeSettings, interval: Duration = Check.defaultInterval,
        timeout: Duration = Check.defaultTimeout, expect: Expectations = Expectations()
    ) {
        self.id = id
        self.probe = probe
        self.interval = interval
        self.timeout = timeout
        self.expect = expect
    }
}

/// The probe a check runs; the config key that holds its settings names the kind.
public enum ProbeSettings: Sendable, Equatable {
    case http(HTTPProbeSettings)
    case tcp(TCPProbeSettings)
    case tls(TLSProbeSettings)
    case dns(DNSProbeSettings)
    case scrape(ScrapeProbeSettings)
    case command(CommandProbeSettings)
    case graphql(GraphQLProbeSettings)
    case flow(FlowProbeSettings)
    case reconcile(ReconcileProbeSettings)

    /// The config key of this kind (`http`, `tcp`, …), also the `kind` label of its samples.
    public var kind: String {
        switch self {
        case .http: "http"
        case .tcp: "tcp"
        case .tls: "tls"
        case .dns: "dns"
        case .scrape: "scrape"
        case .command: "command"
        case .graphql: "graphql"
        case .flow: "flow"
        case .reconcile: "reconcile"
        }
    }

    /// The HTTP request an `http` or `graphql` check sends; nil for the other kinds.
    public var httpRequest: HTTPProbeSettings? {
        switch self {
        case .http(let s): s
        case .graphql(let s): s.http
        default: nil
        }
    }

    /// What the probe talks to, for display (a URL, an address, a command line).
    public var target: String {
        switch self {
        case .http(let s): s.url
        case .tcp(let s): s.address
        case .tls(let s): s.address
        case .dns(let s): s.name
        case .scrape(let s): s.url
        case .command(let s): s.arguments.joined(separator: " ")
        case .graphql(let s): s.http.url
        case .flow(let s): s.arrive.request.url
        case .reconcile(let s): s.target.url
        }
    }
}

/// Settings of an HTTP(S) request.
public struct HTTPProbeSettings: Sendable, Equatable {
    public var url: String
    public var method: String
    public var headers: [(String, String)]
    public var body: String?
    public var followRedirects: Bool
    /// TLS certificate verification; on unless switched off explicitly.
    public var verifyTLS: Bool
    public var caFile: String?
    public var maxBodyBytes: Int

    public static let defaultMaxBodyBytes = 1 << 20

    public init(
        url: String, method: String = "GET", headers: [(String, String)] = [], body: String? = nil,
        followRedirects: Bool = true, verifyTLS: Bool = true, caFile: String? = nil,
        maxBodyBytes: Int = HTTPProbeSettings.defaultMaxBodyBytes
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.verifyTLS = verifyTLS
        self.caFile = caFile
        self.maxBodyBytes = maxBodyBytes
    }

    public static func == (lhs: HTTPProbeSettings, rhs: HTTPProbeSettings) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.body == rhs.body
            && lhs.headers.map { [$0.0, $0.1] } == rhs.headers.map { [$0.0, $0.1] }
            && lhs.followRedirects == rhs.followRedirects && lhs.verifyTLS == rhs.verifyTLS
            && lhs.caFile == rhs.caFile && lhs.maxBodyBytes == rhs.maxBodyBytes
    }
}

/// Settings of a TCP connect, optionally sending a line and expecting a banner.
public struct TCPProbeSettings: Sendable, Equatable {
    public var address: String
    public var send: String?
    public var expect: String?

    public init(address: String, send: String? = nil, expect: String? = nil) {
        self.address = address
        self.send = send
        self.expect = expect
    }
}

/// Settings of a TLS handshake that inspects the certificate chain.
public struct TLSProbeSettings: Sendable, Equatable {
    public var address: String
    public var serverName: String?
    /// A PEM file of trusted certificates to verify against instead of the system's.
    public var caFile: String?

    public init(address: String, serverName: String? = nil, caFile: String? = nil) {
        self.address = address
        self.serverName = serverName
        self.caFile = caFile
    }
}

/// Settings of a DNS lookup.
public struct DNSProbeSettings: Sendable, Equatable {
    public var name: String
    public var expectAddresses: [String]
    public var expectCount: Int?

    public init(name: String, expectAddresses: [String] = [], expectCount: Int? = nil) {
        self.name = name
        self.expectAddresses = expectAddresses
        self.expectCount = expectCount
    }
}

/// Settings of a Prometheus `/metrics` scrape.
public struct ScrapeProbeSettings: Sendable, Equatable {
    public var url: String
    public var labels: [String: String]

    public init(url: String, labels: [String: String] = [:]) {
        self.url = url
        self.labels = labels
    }
}

/// Settings of a program run without a shell; exit code 0 means up.
public struct CommandProbeSettings: Sendable, Equatable {
    public var arguments: [String]

    public init(arguments: [String]) {
        self.arguments = arguments
    }
}
