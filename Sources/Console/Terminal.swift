import CNcursesw
import Foundation
import Glibc

/// The only code that talks to ncurses: opens the screen, reads keys, copies a `Grid` to it, and closes it.
final class Terminal {
    /// What one read brought: a key, a resize, or nothing before the timeout.
    enum Input: Equatable {
        case key(Key)
        case resize
        case idle
    }

    /// How long a read waits before the loop refreshes the clock and sync status.
    static let inputTimeoutMilliseconds: Int32 = 200

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// The streams handed to `newterm`, closed after `delscreen`.
    private let streams: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
    private let colours: Bool
    private var closed = false

    /// `setlocale(LC_ALL, "")`, then refuses anything but a UTF-8 codeset: CJK would come out garbled.
    static func requireUTF8Locale() throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset.uppercased().filter({ $0 != "-" }) == "UTF8" else { throw ConsoleError.locale(codeset) }
    }

    /// Opens a screen on `output`/`input` (the controlling terminal by default) with a full-size window.
    init(type: String? = nil, output: Int32 = STDOUT_FILENO, input: Int32 = STDIN_FILENO,
         colours wanted: Bool = ProcessInfo.processInfo.environment["NO_COLOR", default: ""].isEmpty) throws {
        let name = type ?? ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard let out = fdopen(dup(output), "w") else { throw ConsoleError.terminal(name) }
        guard let inp = fdopen(dup(input), "r") else {
            fclose(out)
            throw ConsoleError.terminal(name)
        }
        guard let screen = newterm(type, out, inp) else {
            fclose(out)
            fclose(inp)
            throw ConsoleError.terminal(name)
        }
        guard let window = newwin(0, 0, 0, 0) else {
            endwin()
            delscreen(screen)
            fclose(out)
            fclose(inp)
            throw ConsoleError.terminal(name)
        }
        self.screen = screen
        self.window = window
        streams = (out, inp)
        colours = wanted && has_colors()
        cbreak()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, Terminal.inputTimeoutMilliseconds)
        Terminal.allowControlQ(input)
        def_prog_mode()
        if colours { Terminal.startColours() }
    }

    deinit { close() }

    /// Restores the terminal; safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        delwin(window)
        endwin()
        delscreen(screen)
        fclose(streams.output)
        fclose(streams.input)
    }

    /// The window's size now (ncurses resizes it with the terminal).
    var size: Size { Size(rows: Int(getmaxy(window)), cols: Int(getmaxx(window))) }

    /// Forces a size, as a resize would: for headless screens.
    func resize(to size: Size) {
        resizeterm(Int32(size.rows), Int32(size.cols))
        wresize(window, Int32(size.rows), Int32(size.cols))
    }

    /// The next key only if one is already waiting, as in a scanner's burst; `.idle` at once otherwise.
    func readWaiting() -> Input {
        wtimeout(window, 0)
        defer { wtimeout(window, Terminal.inputTimeoutMilliseconds) }
        return read()
    }

    /// Waits up to the input timeout for one key (wide characters included).
    func read() -> Input {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return .idle }
        if status == KEY_CODE_YES { return Terminal.functionKey(Int32(code)) }
        switch code {
        case 9, 10, 13: return .key(.submit)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 17: return .key(.quit)
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return .idle }
            let character = Character(scalar)
            return character.isControlCharacter ? .idle : .key(.character(character))
        }
    }

    /// Copies every cell to the window with the wide-character calls, then places the cursor.
    func draw(_ grid: Grid) {
        let rows = min(grid.size.rows, Int(getmaxy(window)))
        let cols = min(grid.size.cols, Int(getmaxx(window)))
        for row in 0..<rows {
            for col in 0..<cols where !grid[row, col].isContinuation {
                let cell = grid[row, col]
                if CharacterWidth.of(cell.character) == 2 && col + 1 >= cols { continue }
                var text = cell.character.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
                text.append(0)
                var wide = cchar_t()
                setcchar(&wide, text, attributes(cell.style), pair(cell.style.role), nil)
                mvwadd_wch(window, Int32(row), Int32(col), &wide)
            }
        }
        if let cursor = grid.cursor, cursor.row < rows, cursor.col < cols {
            wmove(window, Int32(cursor.row), Int32(cursor.col))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Reads back the text of one row (wide characters once): for the headless smoke test.
    func text(row: Int) -> String {
        let cols = Int(getmaxx(window))
        var cells = [cchar_t](repeating: cchar_t(), count: cols + 1)
        guard mvwin_wchnstr(window, Int32(row), 0, &cells, Int32(cols)) != ERR else { return "" }
        var line = ""
        for index in 0..<cols {
            var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            getcchar(&cells[index], &text, &attrs, &pair, nil)
            for value in text.prefix(while: { $0 != 0 }) {
                if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { line.unicodeScalars.append(scalar) }
            }
        }
        return line
    }

    /// ncurses attributes for a style: colours by role, or bold/reverse/dim alone under NO_COLOR.
    private func attributes(_ style: CellStyle) -> attr_t {
        var attributes: UInt = 0
        if style.bold { attributes |= hg_attr_bold() }
        if style.reverse { attributes |= hg_attr_reverse() }
        switch style.role {
        case .dim: attributes |= hg_attr_dim()
        case .idleBlock: attributes |= hg_attr_reverse() | hg_attr_dim()
        case .warning, .error: attributes |= colours ? 0 : hg_attr_bold()
        case .greenBlock, .yellowBlock, .redBlock, .unknownBlock:
            attributes |= colours ? 0 : hg_attr_reverse() | hg_attr_bold()
        case .statusBar, .highlight: attributes |= colours ? 0 : hg_attr_reverse()
        case .plain: break
        }
        return attr_t(truncatingIfNeeded: attributes)
    }

    /// The colour pair for a role; 0 (the terminal's own colours) under NO_COLOR.
    private func pair(_ role: ColourRole) -> Int16 {
        guard colours else { return 0 }
        return Terminal.pairs.firstIndex { $0.role == role }.map { Int16($0 + 1) } ?? 0
    }

    /// Foreground and background for each coloured role; pair n is index n - 1.
    private static let pairs: [(role: ColourRole, foreground: Int32, background: Int32)] = [
        (.greenBlock, COLOR_BLACK, COLOR_GREEN),
        (.yellowBlock, COLOR_BLACK, COLOR_YELLOW),
        (.redBlock, COLOR_WHITE, COLOR_RED),
        (.unknownBlock, COLOR_BLACK, COLOR_WHITE),
        (.statusBar, COLOR_WHITE, COLOR_BLUE),
        (.warning, COLOR_YELLOW, -1),
        (.error, COLOR_RED, -1),
        (.highlight, COLOR_BLACK, COLOR_CYAN),
    ]

    private static func startColours() {
        start_color()
        use_default_colors()
        for (index, pair) in pairs.enumerated() {
            init_pair(Int16(index + 1), Int16(pair.foreground), Int16(pair.background))
        }
    }

    /// Turns off XON/XOFF flow control so Ctrl-Q reaches the console instead of the tty driver
    /// (`def_prog_mode` afterwards keeps it across a suspend and resume).
    private static func allowControlQ(_ descriptor: Int32) {
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(descriptor, TCSANOW, &modes)
    }

    /// Keys ncurses decodes itself: Enter on the keypad, Backspace, arrows, F-keys, resize.
    private static func functionKey(_ code: Int32) -> Input {
        switch code {
        case hg_key_resize(): return .resize
        case KEY_ENTER: return .key(.submit)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        default:
            let function = (1...12).first { hg_key_f(Int32($0)) == code }
            return function.map { .key(.function($0)) } ?? .idle
        }
    }
}

/// Why the console cannot start; one line, in plain ASCII so it reads under any locale.
public enum ConsoleError: Error, Equatable, CustomStringConvertible {
    case locale(String)
    case terminal(String)

    public var description: String {
        switch self {
        case .locale(let codeset):
            "the console needs a UTF-8 locale, but the codeset is \(codeset.isEmpty ? "unknown" : codeset); set LANG, e.g. LANG=C.UTF-8"
        case .terminal(let name):
            "cannot open the terminal (TERM=\(name.isEmpty ? "unset" : name))"
        }
    }
}
