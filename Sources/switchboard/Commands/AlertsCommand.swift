import ArgumentParser
import Foundation
import Monitor
import SwitchboardCore

/// `switchboard alerts …`: the alert queue from the state directory.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List and acknowledge alerts.",
        subcommands: [List.self, Ack.self, Unack.self, Note.self])

    /// `switchboard alerts list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the alerts in the queue, most urgent first.",
            discussion: """
                Without --state, lists pending and firing alerts. STATE is the word the console shows (what \
                mutes an alert or who has it wins over firing or pending); OPERATOR gives every reason: the \
                acknowledgement, silences, maintenance windows, the inhibiting alert and the root cause a \
                suppressed alert is folded under (as the engine last computed them).
                """)

        enum StateFilter: String, ExpressibleByArgument, CaseIterable {
            case firing, pending, acked, silenced, maintenance, inhibited, suppressed, resolved, all
        }

        @OptionGroup var common: CommonOptions
        @Option(
            help: """
                Which alerts: firing, pending, acked, silenced, maintenance, inhibited, suppressed, resolved or all.
                """) var state: StateFilter?
        @Option(help: OutputFormat.help) var format: OutputFormat = .text
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            let entries: [AlertEntrySnapshot]
            if let endpoint = try remote.endpoint() {
                entries = try await RemoteEngine.snapshot(on: endpoint, connect: remote).alerts.entries
            } else {
                AlertCommandSupport.warnIfConfigIsInvalid(common)
                entries = try AlertCommandSupport.queue(common, now: Date()).entries
            }
            let listed = entries.filter(matches)
            switch format {
            case .json: print(AlertListRendering.json(listed))
            case .text, .csv:
                print(
                    AlertListRendering.render(AlertListRendering.table(listed), as: format, empty: "no alerts"),
                    terminator: "")
            }
        }

        func matches(_ entry: AlertEntrySnapshot) -> Bool {
            let resolved = entry.state == .resolved
            return switch state {
            case nil: !resolved
            case .firing: entry.state == .firing
            case .pending: entry.state == .pending
            case .acked: entry.acknowledgement != nil
            case .silenced: entry.muting.contains { if case .silenced = $0 { true } else { false } }
            case .maintenance: entry.muting.contains { if case .maintenance = $0 { true } else { false } }
            case .inhibited: entry.muting.contains { if case .inhibited = $0 { true } else { false } }
            case .suppressed: entry.muting.contains { if case .suppressed = $0 { true } else { false } }
            case .resolved: resolved
            case .all: true
            }
        }
    }

    /// `switchboard alerts ack ID --note TEXT`
    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge an alert: you have it.",
            discussion: """
                The acknowledgement holds until the alert resolves, its severity rises (unless --sticky) or \
                --expires passes. Prints the acknowledgement once it is safely on disk.
                """)

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The alert's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Option(help: "Why, or what you are doing about it.") var note: String
        @Option(help: "Who acknowledges. Default: your login name.") var by: String?
        @Option(help: ArgumentHelp("Let the acknowledgement lapse after this long (30m, 2h).", valueName: "duration"))
        var expires: String?
        @Flag(help: "Keep the acknowledgement when the alert's severity rises.") var sticky = false
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                try RemoteEngine.refuse("--expires", given: expires != nil)
                try RemoteEngine.refuse("--sticky", given: sticky)
                let user = by ?? AlertCommandSupport.loginName
                return try await RemoteEngine.perform(
                    .acknowledge(alertID: id, note: note, by: user), on: endpoint, connect: remote, user: user)
            }
            let now = Date()
            let expiry = try expires.map {
                now.addingTimeInterval(try AlertCommandSupport.duration($0, option: "--expires").seconds)
            }
            let store = try AlertCommandSupport.store(common)
            let ack = try AlertCommandSupport.reporting {
                try store.acknowledge(
                    id, by: by ?? AlertCommandSupport.loginName, note: note, expiresAt: expiry, sticky: sticky, now: now
                )
            }
            let until = ack.expiresAt.map { " until \(AlertCommandSupport.format($0))" } ?? ""
            print("acknowledged \(ack.alertID) by \(ack.by)\(until)")
        }
    }

    /// `switchboard alerts unack ID`
    struct Unack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an alert's acknowledgement.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The alert's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Option(help: "Who removes it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                let user = by ?? AlertCommandSupport.loginName
                return try await RemoteEngine.perform(
                    .unacknowledge(alertID: id, by: user), on: endpoint, connect: remote, user: user)
            }
            let store = try AlertCommandSupport.store(common)
            let alert = try AlertCommandSupport.reporting {
                try store.unacknowledge(id, by: by ?? AlertCommandSupport.loginName, now: Date())
            }
            print("unacknowledged \(alert)")
        }
    }

    /// `switchboard alerts note ID TEXT`
    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to an alert.")

        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp("The alert's id, or a unique prefix of at least 4 characters.", valueName: "id"))
        var id: String
        @Argument(help: "The note.") var text: String
        @Option(help: "Who writes it. Default: your login name.") var by: String?
        @OptionGroup var remote: ConnectOptions

        func run() async throws {
            if let endpoint = try remote.endpoint() {
                let user = by ?? AlertCommandSupport.loginName
                return try await RemoteEngine.perform(
                    .note(alertID: id, text: text, by: user), on: endpoint, connect: remote, user: user)
            }
            let store = try AlertCommandSupport.store(common)
            let note = try AlertCommandSupport.reporting {
                try store.addNote(id, by: by ?? AlertCommandSupport.loginName, text: text, now: Date())
            }
            print("noted on \(note.alertID) by \(note.by)")
        }
    }
}
