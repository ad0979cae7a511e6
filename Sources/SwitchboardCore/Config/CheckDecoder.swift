import Foundation
import Yams

/// Reads the `checks:` of a system or interface: the probe kind, schedule and `expect:` block.
struct CheckDecoder {
    let reader: ConfigReader
    let defaults: CheckDefaults

    static let probeKinds = ["http", "graphql", "tcp", "tls", "dns", "scrape", "command", "flow", "reconcile"]
    static let checkKeys = ["id", "interval", "timeout", "expect"] + probeKinds

    func checks(_ node: Node, owner: String) -> [(Check, Node)] {
        guard let items = reader.sequence(node, of: "checks") else { return [] }
        return items.compactMap { item in check(item, owner: owner).map { ($0, item) } }
    }

    func check(_ node: Node, owner: String) -> Check? {
        let context = "check of \(owner)"
        guard let fields = reader.mapping(node, context: context, keys: Self.checkKeys) else { return nil }
        let id = reader.required("id", in: fields).flatMap { reader.string($0) }
        let kinds = Self.probeKinds.filter { fields[$0] != nil }
        var probe: ProbeSettings?
        if kinds.count > 1 {
            reader.fail(.conflictingKeys(kinds, in: "a check"), at: fields.keyNodes[kinds[1]]!)
        } else if let kind = kinds.first, let settings = fields[kind] {
            probe = self.probe(kind: kind, settings)
        } else {
            reader.fail(
                .missingKey(
                    "http, graphql, tcp, tls, dns, scrape, command, flow or reconcile",
                    in: id.map { "check `\($0)`" } ?? context),
                at: node)
        }
        let interval = fields["interval"].flatMap(reader.duration) ?? defaults.interval
        let timeout = fields["timeout"].flatMap(reader.duration) ?? min(defaults.timeout, interval)
        if timeout > interval, let timeoutNode = fields["timeout"] {
            reader.fail(
                .invalidValue(
                    DurationParser.format(timeout),
                    expected: "a timeout no longer than the interval (\(DurationParser.format(interval)))"),
                at: timeoutNode)
        }
        if let kind = kinds.first, ["flow", "reconcile"].contains(kind), let expectNode = fields.keyNodes["expect"] {
            reader.fail(
                .invalidValue("expect", expected: "no `expect` beside `\(kind)` (a flow's goes under `arrive`)"),
                at: expectNode)
        }
        let expect = fields["expect"].flatMap(expectations) ?? Expectations()
        if expect.certMinDays != nil, let http = probe?.httpRequest, !http.url.lowercased().hasPrefix("https:"),
            let certNode = fields["expect"]?.mapping?["cert_min_days"]
        {
            reader.fail(
                .invalidValue(http.url, expected: "an https URL, since cert_min_days reads its certificate"),
                at: certNode)
        }
        guard let id, let probe else { return nil }
        return Check(id: id, probe: probe, interval: interval, timeout: timeout, expect: expect)
    }

    private func probe(kind: String, _ node: Node) -> ProbeSettings? {
        switch kind {
        case "http": return http(node).map(ProbeSettings.http)
        case "graphql": return graphql(node).map(ProbeSettings.graphql)
        case "tcp": return tcp(node).map(ProbeSettings.tcp)
        case "tls": return tls(node).map(ProbeSettings.tls)
        case "dns": return dns(node).map(ProbeSettings.dns)
        case "scrape": return scrape(node).map { ProbeSettings.scrape($0) }
        case "flow": return flow(node).map(ProbeSettings.flow)
        case "reconcile": return reconcile(node).map(ProbeSettings.reconcile)
        default: return reader.stringList(node, expand: true).map { .command(CommandProbeSettings(arguments: $0)) }
        }
    }

    func http(_ node: Node) -> HTTPProbeSettings? {
        let keys = ["url", "method", "headers", "body", "follow_redirects", "verify_tls", "ca_file", "max_body_bytes"]
        guard let fields = reader.mapping(node, context: "http", keys: keys), var settings = request(fields) else {
            return nil
        }
        if let method = fields["method"].flatMap({ reader.string($0) }) { settings.method = method.uppercased() }
        settings.body = fields["body"].flatMap(reader.expandedString)
        settings.followRedirects = fields["follow_redirects"].flatMap(reader.bool) ?? true
        return settings
    }

    private func graphql(_ node: Node) -> GraphQLProbeSettings? {
        let keys = ["url", "query", "variables", "headers", "verify_tls", "ca_file", "max_body_bytes"]
        guard let fields = reader.mapping(node, context: "graphql", keys: keys), let request = request(fields),
            let query = reader.required("query", in: fields).flatMap(reader.expandedString)
        else { return nil }
        var variables: String?
        if let node = fields["variables"] {
            guard let json = jsonObject(node) else { return nil }
            variables = json
        }
        return GraphQLProbeSettings(http: request, query: query, variables: variables)
    }

    /// The URL, headers, TLS settings and body limit an `http` and a `graphql` check share.
    private func request(_ fields: Fields) -> HTTPProbeSettings? {
        guard let urlNode = reader.required("url", in: fields), let url = reader.expandedString(urlNode) else {
            return nil
        }
        // A flow step's `{{ name }}` is filled in per run: check the URL with a stand-in value.
        guard let parsed = URL(string: FlowTemplate.render(url, [:], placeholder: "x")),
            ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host != nil
        else {
            reader.fail(.invalidValue(url, expected: "an http:// or https:// URL"), at: urlNode)
            return nil
        }
        var settings = HTTPProbeSettings(url: url)
        if let headers = fields["headers"].flatMap({ reader.stringPairs($0, context: "headers", expand: true) }) {
            settings.headers = headers
        }
        settings.verifyTLS = fields["verify_tls"].flatMap(reader.bool) ?? true
        settings.caFile = fields["ca_file"].flatMap(reader.expandedString)
        settings.maxBodyBytes =
            fields["max_body_bytes"].flatMap {
                reader.int($0, in: 1...(1 << 30), what: "a byte count between 1 and 1073741824")
            } ?? HTTPProbeSettings.defaultMaxBodyBytes
        return settings
    }

    /// GraphQL `variables`: a YAML mapping, or a string holding a JSON object, as compact JSON text.
    private func jsonObject(_ node: Node) -> String? {
        let object: Any?
        if node.scalar != nil, let text = reader.expandedString(node) {
            object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        } else {
            object = node.mapping.map { Constructor.default.any(from: Node.mapping($0)) }
        }
        guard let object = object as? [String: Any], JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else {
            reader.fail(
                .invalidValue(reader.describe(node), expected: "variables as a mapping or a JSON object"), at: node)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func tcp(_ node: Node) -> TCPProbeSettings? {
        guard let fields = reader.mapping(node, context: "tcp", keys: ["address", "send", "expect"]),
            let address = address(in: fields)
        else { return nil }
        return TCPProbeSettings(
            address: address, send: fields["send"].flatMap(reader.expandedString),
            expect: fields["expect"].flatMap { reader.string($0) })
    }

    private func tls(_ node: Node) -> TLSProbeSettings? {
        guard let fields = reader.mapping(node, context: "tls", keys: ["address", "server_name", "ca_file"]),
            let address = address(in: fields)
        else { return nil }
        return TLSProbeSettings(
            address: address, serverName: fields["server_name"].flatMap(reader.expandedString),
            caFile: fields["ca_file"].flatMap(reader.expandedString))
    }

    private func dns(_ node: Node) -> DNSProbeSettings? {
        guard let fields = reader.mapping(node, context: "dns", keys: ["name", "expect_addresses", "expect_count"]),
            let name = reader.required("name", in: fields).flatMap(reader.expandedString)
        else { return nil }
        return DNSProbeSettings(
            name: name, expectAddresses: fields["expect_addresses"].flatMap { reader.stringList($0) } ?? [],
            expectCount: fields["expect_count"].flatMap { reader.int($0, in: 0...10_000, what: "a count") })
    }

    /// A `scrape` check's settings; a reconcile side's take no `labels` (it reads the page's own).
    func scrape(_ node: Node, withLabels: Bool = true) -> ScrapeProbeSettings? {
        let keys = withLabels ? ["url", "labels"] : ["url"]
        guard let fields = reader.mapping(node, context: "scrape", keys: keys),
            let url = reader.required("url", in: fields).flatMap(reader.expandedString)
        else { return nil }
        let labels = fields["labels"].flatMap { reader.stringPairs($0, context: "labels") } ?? []
        return ScrapeProbeSettings(url: url, labels: Dictionary(labels, uniquingKeysWith: { $1 }))
    }

    /// A `host:port` address, checked for its shape.
    private func address(in fields: Fields) -> String? {
        guard let node = reader.required("address", in: fields), let address = reader.expandedString(node) else {
            return nil
        }
        guard let colon = address.lastIndex(of: ":"), !address[..<colon].isEmpty,
            let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port)
        else {
            reader.fail(.invalidValue(address, expected: "an address as host:port"), at: node)
            return nil
        }
        return address
    }

    func expectations(_ node: Node) -> Expectations? {
        let keys = ["status", "latency_below", "json", "xpath", "body_regex", "header_regex", "cert_min_days"]
        guard let fields = reader.mapping(node, context: "expect", keys: keys) else { return nil }
        var expect = Expectations()
        if let statusNode = fields["status"] {
            let items = reader.sequence(statusNode, of: "HTTP status codes") ?? []
            expect.status = items.compactMap { reader.int($0, in: 100...599, what: "an HTTP status code (100-599)") }
        }
        expect.latencyBelow = fields["latency_below"].flatMap(reader.duration)
        if let jsonNode = fields["json"] {
            expect.json = (reader.sequence(jsonNode, of: "JSON path assertions") ?? []).compactMap(jsonAssertion)
        }
        if let xpathNode = fields["xpath"] {
            expect.xpath = (reader.sequence(xpathNode, of: "XPath assertions") ?? []).compactMap(xpathAssertion)
        }
        expect.bodyRegex = fields["body_regex"].flatMap(bodyPatterns) ?? []
        expect.headerRegex = fields["header_regex"].flatMap(headerPatterns) ?? []
        expect.certMinDays = fields["cert_min_days"].flatMap { reader.int($0, in: 0...3650, what: "a number of days") }
        return expect
    }

    func xpathAssertion(_ node: Node) -> String? {
        guard let text = reader.string(node) else { return nil }
        do {
            _ = try XPathAssertion(text)
            return text
        } catch {
            var location = reader.location(of: node)
            if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
                location.column += 1
            }
            location.column += error.offset
            let problem = error.message.replacing(#/\s+at character \d+$/#, with: "")
            reader.fail(.invalidExpression(text, language: "xpath", problem: problem), at: location)
            return nil
        }
    }

    func jsonAssertion(_ node: Node) -> JSONAssertion? {
        guard let text = reader.string(node) else { return nil }
        switch JSONAssertionParser.parse(text) {
        case .success(let assertion):
            return assertion
        case .failure(let failure):
            var location = reader.location(of: node)
            if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
                location.column += 1
            }
            location.column += failure.offset
            reader.fail(.invalidValue(text, expected: failure.expected), at: location)
            return nil
        }
    }

    /// `body_regex`: each compiled here, once, for every run of the probe.
    private func bodyPatterns(_ node: Node) -> [TextPattern]? {
        guard let items = reader.sequence(node, of: "regular expressions") else { return nil }
        return items.compactMap { item in
            guard let pattern = reader.string(item) else { return nil }
            do {
                return try TextPattern(pattern)
            } catch {
                reader.fail(.invalidValue(pattern, expected: "a valid regular expression"), at: item)
                return nil
            }
        }
    }

    /// `header_regex`: `Name: regex`, the regex compiled here.
    private func headerPatterns(_ node: Node) -> [HeaderPattern]? {
        guard let items = reader.sequence(node, of: "header assertions such as 'Content-Type: ^application/json'")
        else { return nil }
        return items.compactMap { item in
            guard let assertion = reader.string(item) else { return nil }
            do {
                guard let header = try HeaderPattern(assertion) else {
                    reader.fail(.invalidValue(assertion, expected: "Name: regex"), at: item)
                    return nil
                }
                return header
            } catch {
                reader.fail(.invalidValue(assertion, expected: "a valid regular expression after the name"), at: item)
                return nil
            }
        }
    }
}

/// Interval and timeout for checks that do not set their own (the `defaults:` block).
struct CheckDefaults {
    var interval: Duration = Check.defaultInterval
    var timeout: Duration = Check.defaultTimeout
}
