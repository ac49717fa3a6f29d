/// One key the operator (or the scanner) pressed, as the reducer sees it.
public enum Key: Equatable, Sendable {
    /// A printable character, wide ones included.
    case character(Character)
    /// Enter, CR, LF or Tab: the end of a scanned or typed line.
    case submit
    case backspace
    case escape
    case up
    case down
    /// F1 … F12.
    case function(Int)
    /// Ctrl-Q.
    case quit
}
