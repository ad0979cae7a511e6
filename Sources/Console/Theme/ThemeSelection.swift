/// Picks the theme the console starts with.
enum ThemeSelection {
    /// The theme named by the options (`default` when none), or the built-in monochrome theme
    /// and a message saying why when that theme cannot be used.
    static func resolve(
        _ nameOrPath: String?, directories: [String] = ThemeLocator.searchDirectories()
    ) -> (theme: Theme, problem: String?) {
        do {
            return (try load(nameOrPath, directories: directories), nil)
        } catch let error as ThemeError {
            return (.builtInMonochrome, "theme \(error); using the built-in monochrome theme")
        } catch {
            return (.builtInMonochrome, "theme: \(error); using the built-in monochrome theme")
        }
    }

    static func load(_ nameOrPath: String?, directories: [String] = ThemeLocator.searchDirectories()) throws -> Theme {
        let path = try ThemeLocator.locate(nameOrPath ?? ThemeLocator.defaultName, in: directories)
        return try ThemeLoader.load(contentsOf: path)
    }
}
