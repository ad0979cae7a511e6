/// A theme file that cannot be used, and where in it the problem is.
struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    var line: Int?
    var column: Int?
    var message: String

    var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
