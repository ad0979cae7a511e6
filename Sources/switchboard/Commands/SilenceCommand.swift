import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard silence …`: Alertmanager-style silences in the state directory.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence", abstract: "Mute alerts that match label matchers for a while.",
        subcommands: [Add.self, List.self, Expire.self])

    /// `switchboard silence add MATCHER... --duration 2h --comment TEXT`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a silence.",
            discussion: """
                Matchers are name=value, name!="value", name=~regex or name!~regex (regexes match the whole \
                value), one per argument or several in one as {a="b", c=~"d"}; an alert is silenced when all \
                of them hold. Example:
                  switchboard silence add alertname=InterfaceDown 'system=~"erp|crm"' --duration 2h --comment "ERP upgrade"
                """)

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("Label matchers, all of which must hold.", valueName: "matcher"))
        var matchers: [String]
        @Option(help: ArgumentHelp("How long the silence lasts (30m, 2h, 1d).", valueName: "duration"))
        var duration: String
        @Option(
            help: ArgumentHelp("When it starts, as ISO 8601 (2026-05-01T22:00:00Z). Default: now.", valueName: "time"))
        var start: String?
        @Option(help: "Why.") var comment: String
        @Option(help: "Who creates it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                try RemoteEngine.refuse("--start", given: start != nil)
                let user = by ?? AlertCommandSupport.loginName
                let length = try AlertCommandSupport.duration(duration, option: "--duration")
                let parsed: [AlertMatcher]
                do {
                    parsed = try AlertMatcher.parseAll(matchers)
                } catch {
                    StandardError.write("error: \(error)")
                    throw ExitStatus.badInput
                }
                return try await RemoteEngine.perform(
                    .silence(matchers: parsed, duration: length, comment: comment, by: user), on: endpoint,
                    connect: remote, user: user)
            }
            let now = Date()
            let startsAt = try start.map(Self.parseTime) ?? now
            let length = try AlertCommandSupport.duration(duration, option: "--duration").seconds
            let store = try AlertCommandSupport.store(common)
            let silence = try AlertCommandSupport.reporting {
                let silence = try Silence(
                    matchers: try AlertCommandSupport.matchers(matchers), startsAt: startsAt,
                    endsAt: startsAt.addingTimeInterval(length), createdBy: by ?? AlertCommandSupport.loginName,
                    comment: comment)
                try store.addSilence(silence, now: now)
                return silence
            }
            print("\(silence.id)")
            StandardError.write(
                "silenced \(silence.matchersDescription) until \(AlertCommandSupport.format(silence.endsAt))")
        }

        static func parseTime(_ text: String) throws -> Date {
            guard let date = try? Date(text, strategy: .iso8601) else {
                StandardError.write("error: --start \(text): expected an ISO 8601 time such as 2026-05-01T22:00:00Z")
                throw ExitStatus.badInput
            }
            return date
        }
    }

    /// `switchboard silence list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List silences.", discussion: "Without --expired, lists pending and active silences.")

        @OptionGroup var common: CommonOptions
        @Flag(help: "Include expired silences.") var expired = false
        @Option(help: OutputFormat.help) var format: OutputFormat = .text
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let queue =
                if let endpoint = try remote.endpoint() {
                    try await RemoteEngine.snapshot(on: endpoint, connect: remote).alerts
                } else {
                    try AlertCommandSupport.queue(common, now: Date())
                }
            let silences = queue.silences.filter { expired || $0.state != "expired" }
                .sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }
            switch format {
            case .json: print(AlertListRendering.silencesJSON(silences))
            case .text, .csv:
                let table = AlertListRendering.silenceTable(silences)
                print(AlertListRendering.render(table, as: format, empty: "no silences"), terminator: "")
            }
        }
    }

    /// `switchboard silence expire ID`
    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a silence now.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The silence's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Option(help: "Who ends it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                let user = by ?? AlertCommandSupport.loginName
                return try await RemoteEngine.perform(
                    .expireSilence(id: id, by: user), on: endpoint, connect: remote, user: user)
            }
            let store = try AlertCommandSupport.store(common)
            let silence = try AlertCommandSupport.reporting {
                try store.expireSilence(id, by: by ?? AlertCommandSupport.loginName, now: Date())
            }
            print("expired \(silence.id)")
        }
    }
}
