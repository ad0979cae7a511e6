import ArgumentParser
import Console
import Foundation

/// Options of the console itself.
struct ConsoleFlags: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A theme name from themes/ (default, light, high-contrast, colorblind, mono) or the path of a theme file.",
            valueName: "name"))
    var theme: String?

    @Flag(help: "Refuse every write (acknowledge, silence, note): for consoles on shared jump hosts.")
    var readOnly = false

    @Flag(help: "Ring the terminal bell when a new critical alert fires (not acknowledged, silenced or suppressed).")
    var bell = false

    @Option(help: ArgumentHelp("The name acknowledgements and silences are made under. Default: the login name."))
    var user: String?

    var options: ConsoleOptions {
        ConsoleOptions(
            themePath: theme, readOnly: readOnly,
            user: user ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName(), bell: bell)
    }
}
