import Foundation
import Yams

/// Reads a theme from YAML, k9s-skin style:
///
/// ```yaml
/// name: default
/// roles:
///   normal: { fg: "#d0d0d0", bg: default }
///   down:   { fg: red, attrs: [bold], mono: [bold, reverse] }
/// ```
///
/// Colours are `default`, a name (`red`, `bright-blue`), a palette index or a quoted `#rrggbb`;
/// `attrs` and `mono` (the attributes used without colours) list bold, reverse, underline, dim.
/// Every error names the file, line and column.
enum ThemeLoader {
    static func load(contentsOf path: String) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, message: "the theme file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.error(from: error, file: file)
        }
        guard let root, let mapping = root.mapping else {
            throw ThemeError(file: file, line: 1, column: 1, message: "a theme is a mapping with `name` and `roles`")
        }
        var theme = Theme(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, styles: [:])
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "name":
                theme.name = try string(value, file: file)
            case "description":
                continue
            case "roles":
                theme.styles = try roles(value, file: file)
            default:
                throw failure(
                    key, file, "unknown key `\(key.scalar?.string ?? "?")`; expected name, description, roles")
            }
        }
        return theme
    }

    private static func roles(_ node: Node, file: String) throws -> [StyleRole: RoleStyle] {
        guard let mapping = node.mapping else { throw failure(node, file, "`roles` must map role names to styles") }
        var styles: [StyleRole: RoleStyle] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard let role = StyleRole(rawValue: name) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw failure(key, file, "unknown role `\(name)`; roles are \(known)")
            }
            styles[role] = try style(value, file: file)
        }
        return styles
    }

    private static func style(_ node: Node, file: String) throws -> RoleStyle {
        guard let mapping = node.mapping else {
            throw failure(node, file, "a role's style is a mapping of fg, bg, attrs, mono")
        }
        var style = RoleStyle()
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "fg": style.foreground = try color(value, file: file)
            case "bg": style.background = try color(value, file: file)
            case "attrs": style.attributes = try attributes(value, file: file)
            case "mono": style.monochromeAttributes = try attributes(value, file: file)
            default:
                throw failure(key, file, "unknown key `\(key.scalar?.string ?? "?")`; expected fg, bg, attrs, mono")
            }
        }
        return style
    }

    private static func color(_ node: Node, file: String) throws -> ThemeColor {
        let text = node.scalar?.string ?? ""
        if text.isEmpty || text == "~" || text == "null" {
            throw failure(
                node, file, "colour is empty; quote hex colours (\"#rrggbb\"): an unquoted # starts a comment")
        }
        guard let color = ThemeColor(parsing: text) else {
            throw failure(node, file, "unknown colour `\(text)`; use default, a name such as red, 0-255 or \"#rrggbb\"")
        }
        return color
    }

    private static func attributes(_ node: Node, file: String) throws -> TextAttributes {
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else {
            items = [node]
        }
        var result: TextAttributes = []
        for item in items {
            let words = (item.scalar?.string ?? "").split { $0 == " " || $0 == "," }
            for word in words {
                guard let attribute = TextAttributes.names[word.lowercased()] else {
                    throw failure(item, file, "unknown attribute `\(word)`; use bold, reverse, underline, dim")
                }
                result.formUnion(attribute)
            }
        }
        return result
    }

    private static func string(_ node: Node, file: String) throws -> String {
        guard let text = node.scalar?.string else { throw failure(node, file, "expected a string") }
        return text
    }

    private static func failure(_ node: Node, _ file: String, _ message: String) -> ThemeError {
        ThemeError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    private static func error(from error: YamlError, file: String) -> ThemeError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ThemeError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            return ThemeError(file: file, message: "invalid YAML: \(error)")
        }
    }
}
