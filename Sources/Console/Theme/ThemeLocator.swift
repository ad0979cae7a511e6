import Foundation

/// Finds a theme file from a name (`default`, looked up in the theme directories) or a path.
///
/// The themes ship as a SwiftPM resource of the Console target (`Sources/Console/Resources/themes`,
/// a link to the top-level `themes/`), whose files SwiftPM copies into a `*_Console.resources`
/// folder beside the built binary. The folder is searched for here rather than through
/// `Bundle.module`, whose generated accessor stops the program when the folder is missing.
enum ThemeLocator {
    static let defaultName = "default"

    /// Where theme names are looked up, in order: `$SWITCHBOARD_THEMES`, the resource folder
    /// beside the executable, `../share/switchboard/themes` from it, and `./themes`.
    static func searchDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectory: String? = executableDirectory(),
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [String] {
        var directories: [String] = []
        if let custom = environment["SWITCHBOARD_THEMES"], !custom.isEmpty {
            directories.append(custom)
        }
        if let executableDirectory {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: executableDirectory)) ?? []
            for entry in entries.sorted() where entry.hasSuffix("_Console.resources") {
                // `.process` flattens the themes into the folder itself; `.copy` would keep `themes/`.
                directories.append(executableDirectory + "/" + entry)
                directories.append(executableDirectory + "/" + entry + "/themes")
            }
            directories.append(executableDirectory + "/../share/switchboard/themes")
        }
        directories.append(currentDirectory + "/themes")
        return directories
    }

    /// The path of a theme given as a path (it contains `/` or ends in `.yaml`/`.yml`) or as a
    /// name (or a unique prefix of one) looked up in `directories`.
    static func locate(_ nameOrPath: String, in directories: [String]) throws -> String {
        let fileManager = FileManager.default
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            guard fileManager.isReadableFile(atPath: nameOrPath) else {
                throw ThemeError(file: nameOrPath, message: "no such theme file")
            }
            return nameOrPath
        }
        if let path = file(named: nameOrPath, in: directories) { return path }
        // A unique prefix of a name selects it (`:theme l` is `light`).
        let names = availableNames(in: directories)
        let candidates = names.filter { $0.hasPrefix(nameOrPath) }
        if candidates.count == 1, let path = file(named: candidates[0], in: directories) { return path }
        guard candidates.isEmpty else {
            throw ThemeError(
                file: nameOrPath,
                message: "`\(nameOrPath)` could be \(candidates.joined(separator: ", ")): type more of the name")
        }
        let hint = names.isEmpty ? "no theme directory found" : "available: " + names.joined(separator: ", ")
        throw ThemeError(file: nameOrPath, message: "no theme named `\(nameOrPath)` (\(hint))")
    }

    /// The file of the theme called exactly `name` in the first directory that has one.
    private static func file(named name: String, in directories: [String]) -> String? {
        for directory in directories {
            for suffix in [".yaml", ".yml"] {
                let candidate = directory + "/" + name + suffix
                if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Theme names found in the directories.
    static func availableNames(in directories: [String]) -> [String] {
        var names = Set<String>()
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for entry in entries where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                names.insert(URL(fileURLWithPath: entry).deletingPathExtension().lastPathComponent)
            }
        }
        return names.sorted()
    }

    /// The folder of the running binary, symlinks resolved.
    static func executableDirectory() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent().path
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
