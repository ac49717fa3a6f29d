/// A terminal size in rows and columns.
public struct Size: Equatable, Hashable, Sendable {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }

    /// The smallest screen the console lays out on.
    public static let minimum = Size(rows: 24, cols: 80)

    /// Whether this screen is big enough for the layout.
    var fits: Bool { rows >= Size.minimum.rows && cols >= Size.minimum.cols }
}

/// What a cell means, which the terminal turns into colours (or bold/reverse under NO_COLOR).
public enum ColourRole: Hashable, Sendable {
    case plain, dim, statusBar, warning, error, highlight
    case greenBlock, yellowBlock, redBlock, unknownBlock, idleBlock
}

/// How a cell is drawn: its colour role plus bold and reverse.
public struct CellStyle: Hashable, Sendable {
    public var role: ColourRole
    public var bold: Bool
    public var reverse: Bool

    public init(_ role: ColourRole = .plain, bold: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    public static let plain = CellStyle()
}

/// A cell position on the screen.
public struct Position: Equatable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// One screen cell: a character and its style, or the right half of a wide character.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: CellStyle
    /// True for the second column of a wide character; the terminal skips it.
    public var isContinuation: Bool

    static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A screen's worth of cells, drawn by the renderer and copied to the terminal.
public struct Grid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (the end of the input field), if anywhere.
    public var cursor: Position?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.rows) * max(0, size.cols))
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * size.cols + col]
    }

    /// Writes `text` from (row, col), clipped at `limit` columns and at the right edge.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: CellStyle = .plain,
                             limit: Int? = nil) -> Int {
        guard row >= 0, row < size.rows, col >= 0 else { return col }
        let end = min(size.cols, limit.map { col + max(0, $0) } ?? size.cols)
        var column = col
        for character in text {
            let visible = character.isControlCharacter ? " " : character
            let width = CharacterWidth.of(visible)
            guard column + width <= end else { break }
            set(Cell(character: visible, style: style, isContinuation: false), row: row, col: column)
            if width == 2 {
                set(Cell(character: " ", style: style, isContinuation: true), row: row, col: column + 1)
            }
            column += width
        }
        return column
    }

    /// Paints a rectangle with spaces in `style`, clipped to the grid; an empty or off-grid one paints nothing.
    public mutating func fill(row: Int, col: Int, rows: Int, cols: Int, style: CellStyle) {
        let top = max(0, row), bottom = min(size.rows, row + rows)
        let left = max(0, col), right = min(size.cols, col + cols)
        guard top < bottom, left < right else { return }
        for r in top..<bottom {
            for c in left..<right {
                set(Cell(character: " ", style: style, isContinuation: false), row: r, col: c)
            }
        }
    }

    /// Writes `text` centred between `col` and `col + width`.
    public mutating func centre(_ text: String, row: Int, col: Int, width: Int, style: CellStyle) {
        let clipped = CharacterWidth.clip(text, to: width)
        let offset = (width - CharacterWidth.of(clipped)) / 2
        put(clipped, row: row, col: col + offset, style: style, limit: width - offset)
    }

    /// Places one cell, first blanking any wide character it cuts in half.
    private mutating func set(_ cell: Cell, row: Int, col: Int) {
        let index = row * size.cols + col
        if cells[index].isContinuation, col > 0 {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style, isContinuation: false)
        }
        if col + 1 < size.cols, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style, isContinuation: false)
        }
        cells[index] = cell
    }

    /// The text of one row as it would look on screen (wide characters once, trailing spaces kept).
    public func text(row: Int) -> String {
        var line = ""
        for col in 0..<max(0, size.cols) where !self[row, col].isContinuation {
            line.append(self[row, col].character)
        }
        return line
    }

    /// Every row's text.
    public var lines: [String] { (0..<max(0, size.rows)).map { text(row: $0) } }
}

extension Character {
    /// C0/C1 controls and DEL, which must never reach the terminal.
    var isControlCharacter: Bool {
        unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
