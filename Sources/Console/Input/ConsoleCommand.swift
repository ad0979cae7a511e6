import Foundation

/// A `:` command, parsed: `:if erp`, `:topo`, `:theme mono`, `:q`.
enum ConsoleCommand: Sendable, Equatable {
    case show(Route)
    /// `:if TEXT`: the interfaces view filtered by TEXT.
    case interfaces(filter: String)
    case theme(String)
    /// `:group LABEL` (or `none`): the alert queue grouped by that label.
    case group(String?)
    case help
    case pause
    case resume
    case quit

    /// Every command word and its aliases, for parsing and completion.
    static let words: [(names: [String], make: @Sendable (String) -> ConsoleCommand?)] = [
        (["overview", "ov", "o", "1"], { _ in .show(.overview) }),
        (["topology", "topo", "t", "2"], { _ in .show(.topology) }),
        (["interfaces", "if", "i", "3"], { $0.isEmpty ? .show(.interfaces) : .interfaces(filter: $0) }),
        (["alerts", "a", "4"], { _ in .show(.alerts) }),
        (["jobs", "j", "5"], { _ in .show(.jobs) }),
        (["logs", "l", "6"], { _ in .show(.logs) }),
        (["theme"], { $0.isEmpty ? nil : .theme($0) }),
        (["group"], { $0.isEmpty ? nil : .group($0 == "none" ? nil : $0) }),
        (["help", "h", "?"], { _ in .help }),
        (["pause"], { _ in .pause }),
        (["resume"], { _ in .resume }),
        (["quit", "q", "q!", "exit"], { _ in .quit }),
    ]

    /// The command a line means, or why it means none.
    static func parse(_ line: String) -> Result<ConsoleCommand, CommandLineError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(CommandLineError(message: "empty command")) }
        let word = trimmed.prefix { $0 != " " }.lowercased()
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard let entry = words.first(where: { $0.names.contains(word) }) else {
            return .failure(CommandLineError(message: "unknown command :\(word) (try :help)"))
        }
        guard let command = entry.make(argument) else {
            return .failure(CommandLineError(message: ":\(word) needs an argument, e.g. :\(word) mono"))
        }
        return .success(command)
    }

    /// Tab on a partly typed command word: the completed line, or the candidates when several fit.
    static func complete(_ line: String) -> (line: String, candidates: [String]) {
        guard !line.contains(" ") else { return (line, []) }
        let prefix = line.lowercased()
        let candidates = words.compactMap { $0.names.first }.filter { $0.hasPrefix(prefix) }
        switch candidates.count {
        case 0: return (line, [])
        case 1: return (candidates[0] + " ", [])
        default:
            var common = candidates[0]
            for candidate in candidates.dropFirst() {
                while !candidate.hasPrefix(common) { common.removeLast() }
            }
            return (common, candidates)
        }
    }
}

/// Why a `:` line was not understood.
struct CommandLineError: Error, Sendable, Equatable {
    var message: String
}
