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

    /// One command: its word and aliases, how the help writes it, and what it makes of its argument.
    struct Word: Sendable {
        var names: [String]
        /// The help's left column: `:theme NAME`.
        var usage: String
        var summary: String
        var make: @Sendable (String) -> ConsoleCommand?
    }

    /// Every command, for parsing, completion and the `?` overlay.
    static let words: [Word] = [
        Word(
            names: ["overview", "ov", "o", "1"], usage: ":overview :o", summary: "view 1",
            make: { _ in .show(.overview) }),
        Word(
            names: ["topology", "topo", "t", "2"], usage: ":topology :topo :t", summary: "view 2",
            make: { _ in .show(.topology) }),
        Word(
            names: ["interfaces", "if", "i", "3"], usage: ":if [TEXT]", summary: "view 3, filtered by TEXT (a regex)",
            make: { $0.isEmpty ? .show(.interfaces) : .interfaces(filter: $0) }),
        Word(names: ["alerts", "a", "4"], usage: ":alerts :a", summary: "view 4", make: { _ in .show(.alerts) }),
        Word(names: ["jobs", "j", "5"], usage: ":jobs :j", summary: "view 5", make: { _ in .show(.jobs) }),
        Word(names: ["logs", "l", "6"], usage: ":logs :l", summary: "view 6", make: { _ in .show(.logs) }),
        Word(
            names: ["theme"], usage: ":theme NAME", summary: "another theme, e.g. light or mono (Tab completes)",
            make: { $0.isEmpty ? nil : .theme($0) }),
        Word(
            names: ["group"], usage: ":group LABEL", summary: "group the alerts by LABEL, or none (Tab completes)",
            make: { $0.isEmpty ? nil : .group($0 == "none" ? nil : $0) }),
        Word(names: ["help", "h", "?"], usage: ":help", summary: "this help", make: { _ in .help }),
        Word(names: ["pause"], usage: ":pause", summary: "hold the screen still", make: { _ in .pause }),
        Word(names: ["resume"], usage: ":resume", summary: "updates again", make: { _ in .resume }),
        Word(names: ["quit", "q", "q!", "exit"], usage: ":quit :q", summary: "quit", make: { _ in .quit }),
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

    /// Tab on a partly typed line: the command word, or the argument of `:theme` (one of `themes`)
    /// or `:group` (`none` or one of `labels`). The completed line, and the candidates when several
    /// fit (every choice when an argument fits none).
    static func complete(
        _ line: String, themes: [String] = [], labels: [String] = []
    ) -> (line: String, candidates: [String]) {
        guard let space = line.firstIndex(of: " ") else {
            let candidates = words.compactMap { $0.names.first }.filter { $0.hasPrefix(line.lowercased()) }
            switch candidates.count {
            case 0: return (line, [])
            case 1: return (candidates[0] + " ", [])
            default: return (commonPrefix(candidates), candidates)
            }
        }
        let word = line[..<space].lowercased()
        let argument = line[space...].trimmingCharacters(in: .whitespaces)
        let choices: [String]
        switch words.first(where: { $0.names.contains(word) })?.names.first {
        case "theme": choices = themes.sorted()
        case "group": choices = ["none"] + Set(labels).subtracting(["none"]).sorted()
        default: return (line, [])
        }
        let candidates = choices.filter { $0.hasPrefix(argument) }
        switch candidates.count {
        case 0: return (line, choices)
        case 1: return (word + " " + candidates[0], [])
        default: return (word + " " + commonPrefix(candidates), candidates)
        }
    }

    /// The longest start every one of `texts` shares.
    private static func commonPrefix(_ texts: [String]) -> String {
        var common = texts.first ?? ""
        for text in texts.dropFirst() {
            while !text.hasPrefix(common) { common.removeLast() }
        }
        return common
    }
}

/// Why a `:` line was not understood.
struct CommandLineError: Error, Sendable, Equatable {
    var message: String
}
