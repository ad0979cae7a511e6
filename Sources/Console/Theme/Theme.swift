/// Text attributes a terminal can show without colour.
struct TextAttributes: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let bold = TextAttributes(rawValue: 1 << 0)
    static let reverse = TextAttributes(rawValue: 1 << 1)
    static let underline = TextAttributes(rawValue: 1 << 2)
    static let dim = TextAttributes(rawValue: 1 << 3)

    static let names: [String: TextAttributes] = [
        "bold": .bold, "reverse": .reverse, "underline": .underline, "dim": .dim, "none": [],
    ]
}

/// How a theme wants one role to look.
struct RoleStyle: Sendable, Equatable {
    var foreground: ThemeColor = .terminalDefault
    var background: ThemeColor = .terminalDefault
    var attributes: TextAttributes = []
    /// Attributes to use instead on a terminal without colours; `attributes` when nil.
    var monochromeAttributes: TextAttributes?
}

/// How a role comes out on one terminal: palette indices (-1 for the terminal's default, nil
/// without colours) and attributes.
struct TerminalStyle: Sendable, Equatable {
    var foreground: Int?
    var background: Int?
    var attributes: TextAttributes
}

/// The look of the console: a style per semantic role, loaded from a YAML file in `themes/`.
struct Theme: Sendable, Equatable {
    var name: String
    var styles: [StyleRole: RoleStyle]

    /// The style of a role; roles the theme leaves out look like `normal`, title-bar states like
    /// their state on the title's background.
    func style(for role: StyleRole) -> RoleStyle {
        if let style = styles[role] { return style }
        if let state = role.onTitle { return onTitle(style(for: state)) }
        return styles[.normal] ?? RoleStyle()
    }

    /// A state's style on the title bar: its colour and attributes on the title's background.
    /// Without colours, where the title is reversed, a reversed state comes out unreversed, so the
    /// badge still stands out from the bar.
    private func onTitle(_ state: RoleStyle) -> RoleStyle {
        let title = style(for: .title)
        let titleMono = title.monochromeAttributes ?? title.attributes
        let stateMono = state.monochromeAttributes ?? state.attributes
        var mono = titleMono.union(stateMono)
        if titleMono.contains(.reverse), stateMono.contains(.reverse) { mono.remove(.reverse) }
        return RoleStyle(
            foreground: state.foreground == .terminalDefault ? title.foreground : state.foreground,
            background: title.background, attributes: title.attributes.union(state.attributes),
            monochromeAttributes: mono)
    }

    /// Every role as it comes out at a colour depth: colours mapped to the nearest the terminal
    /// has, and attributes only (the theme's `mono` ones where given) without colours.
    func resolved(for depth: ColorDepth) -> [StyleRole: TerminalStyle] {
        var result: [StyleRole: TerminalStyle] = [:]
        for role in StyleRole.allCases {
            let style = style(for: role)
            guard depth != .monochrome else {
                result[role] = TerminalStyle(
                    foreground: nil, background: nil,
                    attributes: style.monochromeAttributes ?? style.attributes)
                continue
            }
            var foreground = ColorPalette.index(of: style.foreground, depth: depth)
            let background = ColorPalette.index(of: style.background, depth: depth)
            var attributes = style.attributes
            if let fg = foreground, fg >= 0, fg == background {  // collapsed into one colour
                foreground = fg == 0 ? 7 : 0
            } else if foreground == 0, background == -1, style.foreground != .ansi(0) {
                // A dark grey that became black would vanish on a dark terminal: dim text instead.
                foreground = -1
                attributes.insert(.dim)
            }
            result[role] = TerminalStyle(foreground: foreground, background: background, attributes: attributes)
        }
        return result
    }

    /// The theme used when no theme file can be read: attributes only, safe on any terminal.
    static let builtInMonochrome = Theme(
        name: "built-in monochrome",
        styles: [
            .normal: RoleStyle(),
            .ok: RoleStyle(),
            .degraded: RoleStyle(attributes: [.bold]),
            .down: RoleStyle(attributes: [.bold, .reverse]),
            .unknown: RoleStyle(attributes: [.dim]),
            .muted: RoleStyle(attributes: [.dim]),
            .accent: RoleStyle(attributes: [.bold]),
            .selection: RoleStyle(attributes: [.reverse]),
            .border: RoleStyle(attributes: [.dim]),
            .title: RoleStyle(attributes: [.bold, .reverse]),
            .header: RoleStyle(attributes: [.bold, .underline]),
            .footer: RoleStyle(attributes: [.reverse]),
            .flash: RoleStyle(attributes: [.bold]),
            .error: RoleStyle(attributes: [.bold, .reverse]),
        ])
}
