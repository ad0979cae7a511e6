/// A colour as a theme names it: the terminal's own default, one of the 16 ANSI colours, an
/// index of the 256-colour palette, or an RGB value (`#rrggbb`).
enum ThemeColor: Sendable, Equatable {
    case terminalDefault
    case ansi(Int)
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "brightblack": 8, "brightred": 9, "brightgreen": 10, "brightyellow": 11,
        "brightblue": 12, "brightmagenta": 13, "brightcyan": 14, "brightwhite": 15,
    ]

    /// Parses `default`, a colour name (`red`, `bright-blue`), a palette index (`208`) or `#rrggbb`.
    init?(parsing text: String) {
        let name = text.lowercased().replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: "_", with: "")
        if name == "default" || name.isEmpty {
            self = .terminalDefault
        } else if let index = Self.names[name] {
            self = .ansi(index)
        } else if let index = Int(name), (0...255).contains(index) {
            self = index < 16 ? .ansi(index) : .indexed(index)
        } else if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }
}

/// How many colours a terminal can show.
enum ColorDepth: Int, Sendable, Comparable {
    case monochrome = 0
    case colors8 = 8
    case colors16 = 16
    case colors256 = 256

    /// The depth for what ncurses reports (`has_colors()`, `COLORS`).
    init(hasColors: Bool, colors: Int) {
        switch colors {
        case _ where !hasColors: self = .monochrome
        case 256...: self = .colors256
        case 16...: self = .colors16
        case 8...: self = .colors8
        default: self = .monochrome
        }
    }

    static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Maps theme colours onto what a terminal has, by nearest colour.
enum ColorPalette {
    /// xterm's values for the 16 ANSI colours.
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
        (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
        (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
        (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
    ]
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The terminal colour index for a theme colour at a depth: -1 for the terminal default,
    /// nil in monochrome.
    static func index(of color: ThemeColor, depth: ColorDepth) -> Int? {
        if depth == .monochrome { return nil }
        let limit = depth == .colors8 ? 8 : 16
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let index):
            return index < limit ? index : index - 8
        case .indexed(let index):
            return depth == .colors256 ? index : nearestANSI(rgb(ofIndex: index), limit: limit)
        case .rgb(let r, let g, let b):
            return depth == .colors256 ? nearest256((r, g, b)) : nearestANSI((r, g, b), limit: limit)
        }
    }

    static func nearestANSI(_ color: (UInt8, UInt8, UInt8), limit: Int) -> Int {
        (0..<limit).min { distance(ansi[$0], color) < distance(ansi[$1], color) } ?? 7
    }

    /// The nearest entry of the 6x6x6 cube or the grey ramp of the 256-colour palette.
    static func nearest256(_ color: (UInt8, UInt8, UInt8)) -> Int {
        func level(_ value: UInt8) -> Int {
            (0..<6).min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) } ?? 0
        }
        let (r, g, b) = (level(color.0), level(color.1), level(color.2))
        let cube = 16 + 36 * r + 6 * g + b
        let average = (Int(color.0) + Int(color.1) + Int(color.2)) / 3
        let grey = 232 + min(23, max(0, (average - 8 + 5) / 10))
        return distance(rgb(ofIndex: grey), color) < distance(rgb(ofIndex: cube), color) ? grey : cube
    }

    static func rgb(ofIndex index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansi[index]
        case 16..<232:
            let cube = index - 16
            return (
                UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6])
            )
        default:
            let value = UInt8(8 + 10 * (min(index, 255) - 232))
            return (value, value, value)
        }
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0)
        let dg = Int(a.1) - Int(b.1)
        let db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
