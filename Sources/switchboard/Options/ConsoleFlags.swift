import ArgumentParser
import Console

/// Options of the console itself.
struct ConsoleFlags: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("A theme name from themes/ (default, mono) or the path of a theme file.", valueName: "name"))
    var theme: String?

    var options: ConsoleOptions {
        ConsoleOptions(themePath: theme)
    }
}
