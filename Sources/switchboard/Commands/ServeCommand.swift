import ArgumentParser
import Dispatch
import Foundation
import Logging
import Monitor
import Server
import SwitchboardCore

/// `switchboard serve`: the engine without a console, for a team's consoles to attach to.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the engine headless: probes, rules, alerts, jobs and the API, for consoles to attach to.",
        discussion: """
            Takes the state directory's lock (one engine per state directory) and serves the API on its \
            socket (<state-dir>/switchboard.sock, mode 0660: its group decides who may attach). --listen adds \
            TCP; a non-loopback address needs server.tokens in the config. SIGTERM or SIGINT stop it cleanly; \
            SIGHUP (or POST /-/reload) re-reads the config and rule files, keeping the running ones when the \
            new ones are invalid.
            """)

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case logfmt, json
    }

    @OptionGroup var common: CommonOptions
    @Option(
        help: ArgumentHelp(
            "Also serve the API on TCP at HOST:PORT (default port \(EngineServer.defaultPort)).", valueName: "host:port"
        ))
    var listen: String?
    @Option(help: ArgumentHelp("The Unix socket to serve. Default: <state-dir>/switchboard.sock.", valueName: "path"))
    var socket: String?
    @Option(help: "How log lines are written to stderr: logfmt or json.") var logFormat: LogFormat = .logfmt
    @Option(help: ArgumentHelp("Serve --listen over HTTPS with this certificate chain (PEM).", valueName: "file"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The private key of --tls-cert (PEM).", valueName: "file")) var tlsKey: String?

    func run() async throws {
        StandardErrorLogHandler.bootstrap(json: logFormat == .json)
        let logger = Logger(label: "switchboard.serve")
        let tcp = try listen.map(Self.hostAndPort)
        guard (tlsCert == nil) == (tlsKey == nil) else {
            StandardError.write("error: --tls-cert and --tls-key go together")
            throw ExitStatus.badInput
        }
        let tls = tlsCert.flatMap { certificate in tlsKey.map { (certificate: certificate, key: $0) } }
        if let tcp, !EngineServer.isLoopback(tcp.host), tls == nil {
            logger.warning(
                "serving \(tcp.host) without TLS: tokens cross the network in clear; use --tls-cert and --tls-key")
        }
        let configFile = try common.configFile()
        let stateDirectory = common.stateDirectory
        let directory = URL(fileURLWithPath: stateDirectory)
        guard let lock = try ConsoleRunner.lock(directory) else {
            let pid = StateDirectoryLock.holder(directory: directory).map { "pid \($0)" } ?? "another process"
            StandardError.write(
                "error: an engine already runs on \(stateDirectory) (\(pid)); attach a console to it instead")
            throw ExitStatus.stateUnusable
        }
        let replan: @Sendable () throws -> EnginePlan = {
            let landscape = try ConfigLoading.load(configFile)
            return try EngineFactory.plan(landscape: landscape, configFile: configFile)
        }
        let socketPath =
            socket.map { URL(fileURLWithPath: $0).path }
            ?? directory.appending(path: StateDirectoryLock.socketName).path
        if socket != nil {
            do {
                try lock.announce(socket: socketPath)
            } catch {
                StandardError.write("error: \(error)")
                throw ExitStatus.stateUnusable
            }
        }
        let served: ServedEngine
        do {
            served = try await ServedEngine.start(
                plan: try replan(), stateDirectory: stateDirectory, lock: lock,
                listeners: EngineServer.Listeners(socketPath: socketPath, tcp: tcp, tls: tls), logger: logger,
                replan: replan)
        } catch let error as ServerError {
            StandardError.write("error: \(error)")
            throw ExitStatus.badInput
        }
        let landscape = served.host.info.landscape
        var addresses = "unix:\(socketPath)"
        if let tcp {
            addresses += ", \(tls == nil ? "http" : "https")://\(tcp.host):\(served.server.tcpPort ?? tcp.port)"
        }
        logger.info(
            "serving \(landscape) on \(addresses)", metadata: ["pid": "\(getpid())", "state_dir": "\(stateDirectory)"])
        await Self.serveUntilTerminated(served, logger: logger)
        logger.info("stopping: closing listeners, cancelling probes, writing state")
        await served.stop()
        logger.info("stopped")
    }

    /// Reloads on every SIGHUP until SIGINT or SIGTERM.
    private static func serveUntilTerminated(_ served: ServedEngine, logger: Logger) async {
        let hangups = DispatchSource.makeSignalSource(signal: SIGHUP)
        signal(SIGHUP, SIG_IGN)
        hangups.setEventHandler {
            Task {
                logger.info("SIGHUP: reloading the config")
                let outcome = await served.host.reload()
                if outcome.succeeded { logger.info("\(outcome.message)") }
            }
        }
        hangups.resume()
        await TerminationSignal.wait()
        hangups.cancel()
    }

    /// `HOST:PORT`, `:PORT` (loopback) or `HOST` (port 9470); `[::1]:9470` for IPv6.
    static func hostAndPort(_ text: String) throws -> (host: String, port: Int) {
        var host = text
        var port = EngineServer.defaultPort
        if let colon = text.lastIndex(of: ":"), !text.hasSuffix("]") {
            host = String(text[..<colon])
            guard let number = Int(text[text.index(after: colon)...]), (0...65535).contains(number) else {
                StandardError.write("error: --listen \(text): expected HOST:PORT with a port from 0 to 65535")
                throw ExitStatus.badInput
            }
            port = number
        }
        host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }
}
