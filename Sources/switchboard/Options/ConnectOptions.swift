import ArgumentParser
import Foundation
import Remote

/// `--connect` and `--token-file`: use an engine that runs elsewhere instead of the state directory's.
struct ConnectOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Attach to a running engine: `switchboard serve`'s http(s)://HOST:PORT, or unix:PATH of a state directory's socket.",
            valueName: "url"))
    var connect: String?

    @Option(
        help: ArgumentHelp(
            "A file holding the API token for --connect (default: $SWITCHBOARD_TOKEN).", valueName: "file"))
    var tokenFile: String?

    @Option(
        help: ArgumentHelp(
            "A PEM file of the certificate (or CA) an https engine shows, when no system root signed it.",
            valueName: "file"))
    var caFile: String?

    /// The endpoint named by `--connect`, or nil without it; a malformed one is bad input.
    func endpoint() throws -> EngineEndpoint? {
        guard let connect else { return nil }
        guard let endpoint = EngineEndpoint(connect) else {
            StandardError.write(
                "error: --connect \(connect): expected http://HOST:PORT, https://HOST:PORT or unix:/path/to/switchboard.sock"
            )
            throw ExitStatus.badInput
        }
        return endpoint
    }

    /// The token from `--token-file` or `$SWITCHBOARD_TOKEN`; an unreadable file is bad input.
    func token() throws -> String? {
        guard let tokenFile else { return ProcessInfo.processInfo.environment["SWITCHBOARD_TOKEN"] }
        guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
            StandardError.write("error: --token-file \(tokenFile): cannot be read")
            throw ExitStatus.badInput
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
