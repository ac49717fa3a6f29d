import Foundation
import HealthCode

/// Draws one frame: holds the grid being filled, the state and the strings.
struct Painter {
    var grid: Grid
    let state: ConsoleState
    let strings: Strings
    let time: TimeText

    init(size: Size, state: ConsoleState, strings: Strings) {
        grid = Grid(size: size)
        self.state = state
        self.strings = strings
        time = TimeText(timeZone: state.timeZone)
    }

    /// Writes pieces one after another on a row, two columns apart; returns the column after the last.
    @discardableResult
    mutating func segments(_ pieces: [(String, CellStyle)], row: Int, col: Int, limit: Int) -> Int {
        var column = col
        for (index, piece) in pieces.enumerated() where !piece.0.isEmpty {
            if index > 0 && column > col { column += 2 }
            column = grid.put(piece.0, row: row, col: column, style: piece.1, limit: col + limit - column)
        }
        return column
    }

    /// `text` padded with spaces (or clipped) to exactly `width` columns.
    static func padded(_ text: String, to width: Int) -> String {
        let clipped = CharacterWidth.clip(text, to: width)
        return clipped + String(repeating: " ", count: width - CharacterWidth.of(clipped))
    }
}

/// The block role that shows a colour.
extension CodeColour {
    var blockRole: ColourRole {
        switch self {
        case .green: .greenBlock
        case .yellow: .yellowBlock
        case .red: .redBlock
        case .unknown: .unknownBlock
        }
    }

    /// The symbol that says the colour without colour: ✔ ! ✖ ?.
    var symbol: String {
        switch self {
        case .green: "✔"
        case .yellow: "!"
        case .red: "✖"
        case .unknown: "?"
        }
    }
}
