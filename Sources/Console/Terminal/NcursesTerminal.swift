import CNcurses
import Foundation

/// The real terminal, through ncursesw.
///
/// Started with `newterm` (which returns NULL on an unusable terminal, where `initscr` would
/// call `exit(1)`), in cbreak mode without echo, keypad on, cursor hidden and a 25 ms Esc delay.
/// `draw` copies only the cells that changed into ncurses' screen and calls `doupdate`, so
/// ncurses sends the terminal only the difference; the screen is never cleared per frame.
final class NcursesTerminal: Terminal {
    let supportsUnicode: Bool
    let colorDepth: ColorDepth
    private let screen: OpaquePointer
    private var window: UnsafeMutablePointer<WINDOW>
    private var styles: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    private var lastDrawn: Canvas?
    private var isShutDown = false

    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        sb_setlocale_from_environment()
        let codeset = String(cString: sb_codeset()).uppercased()
        supportsUnicode = codeset == "UTF-8" || codeset == "UTF8"
        guard let screen = newterm(nil, sb_stdout(), sb_stdin()) else {
            throw ConsoleError("switchboard: ncurses could not start on TERM=\(environment["TERM"] ?? "")")
        }
        self.screen = screen
        set_term(screen)
        window = sb_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        _ = sb_set_escdelay(25)

        var depth = ColorDepth.monochrome
        if environment["NO_COLOR"].map({ !$0.isEmpty }) != true, has_colors() {
            start_color()
            let hasDefaults = use_default_colors() == OK
            depth = ColorDepth(hasColors: true, colors: Int(sb_colors()))
            // Every role needs a pair, and -1 (the terminal's default) needs use_default_colors.
            if Int(sb_color_pairs()) <= StyleRole.allCases.count || !hasDefaults { depth = .monochrome }
        }
        colorDepth = depth
    }

    var size: TerminalSize {
        TerminalSize(columns: Int(sb_getmaxx(window)), rows: Int(sb_getmaxy(window)))
    }

    func apply(_ theme: Theme) {
        let resolved = theme.resolved(for: colorDepth)
        styles.removeAll()
        for (offset, role) in StyleRole.allCases.enumerated() {
            guard let style = resolved[role] else { continue }
            var pair: Int16 = 0
            if let foreground = style.foreground, let background = style.background {
                pair = Int16(offset + 1)
                init_pair(pair, Int16(foreground), Int16(background))
            }
            styles[role] = (attributes(style.attributes), pair)
        }
        lastDrawn = nil
    }

    func draw(_ canvas: Canvas) {
        let current = size
        let sameShape = lastDrawn.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        for y in 0..<min(canvas.height, current.rows) {
            for x in 0..<min(canvas.width, current.columns) {
                let cell = canvas[x, y]
                if sameShape, let lastDrawn, lastDrawn[x, y] == cell { continue }
                if cell.isContinuation {
                    if !supportsUnicode { put(" ", role: cell.role, x: x, y: y) }
                    continue
                }
                put(cell.text, role: cell.role, x: x, y: y)
            }
        }
        lastDrawn = canvas
        wnoutrefresh(window)
        doupdate()
    }

    func invalidate() {
        clearok(window, true)
        lastDrawn = nil
    }

    func bell() {
        beep()
    }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == sb_key_code_yes() { return Self.functionKey(Int32(character)) }
        return Key(code: UInt32(character))
    }

    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        if sb_has_alternate_screen() == 0 {
            // Leave a clean screen rather than the last frame with the shell prompt drawn over it.
            werase(sb_stdscr())
            wrefresh(sb_stdscr())
        }
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    private func put(_ text: String, role: StyleRole, x: Int, y: Int) {
        let style = styles[role] ?? (sb_a_normal(), 0)
        var characters: [wchar_t]
        if supportsUnicode {
            characters = text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        } else {
            characters = text.unicodeScalars.map { $0.isASCII ? wchar_t($0.value) : wchar_t(63) }.prefix(1).map { $0 }
        }
        if characters.isEmpty { characters = [32] }
        characters.append(0)
        var cell = cchar_t()
        setcchar(&cell, characters, style.attributes, style.pair, nil)
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but does write.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = sb_a_normal()
        if attributes.contains(.bold) { result |= sb_a_bold() }
        if attributes.contains(.reverse) { result |= sb_a_reverse() }
        if attributes.contains(.underline) { result |= sb_a_underline() }
        if attributes.contains(.dim) { result |= sb_a_dim() }
        return result
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case sb_key_up(): .up
        case sb_key_down(): .down
        case sb_key_left(): .left
        case sb_key_right(): .right
        case sb_key_ppage(): .pageUp
        case sb_key_npage(): .pageDown
        case sb_key_home(): .home
        case sb_key_end(): .end
        case sb_key_enter(): .enter
        case sb_key_backspace(): .backspace
        case sb_key_btab(): .backTab
        case sb_key_resize(): .resize
        case sb_key_f(1)...sb_key_f(24): .function(Int(code - sb_key_f(0)))
        default: nil
        }
    }
}
