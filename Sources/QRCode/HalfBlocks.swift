extension QRMatrix {
    /// Which modules the block characters draw in the terminal's text colour; the others show its background.
    public enum Blocks: Sendable {
        /// Light modules and the quiet zone: dark-on-light on the usual light-on-dark terminal (the default).
        case lightModules
        /// Dark modules: for a terminal that draws dark text on a light background.
        case darkModules
    }

    /// The symbol as text lines, two module rows per line with `▀`, `▄`, `█` and space, one column per module.
    ///
    /// `quietZone` light modules surround the symbol (scanners want 4). Every line is
    /// `size + 2 * quietZone` columns wide. When the rows with the quiet zone are odd in number, the
    /// lower half of the last line is left to the terminal's background, whatever `blocks` says.
    public func halfBlockLines(quietZone: Int = 4, blocks: Blocks = .lightModules) -> [String] {
        precondition(quietZone >= 0, "a quiet zone cannot be negative")
        let side = size + 2 * quietZone
        /// Whether the module at (row, column), quiet zone included, is drawn as a block.
        func drawn(_ row: Int, _ column: Int) -> Bool {
            let (r, c) = (row - quietZone, column - quietZone)
            let dark = (0..<size).contains(r) && (0..<size).contains(c) && isDark(row: r, column: c)
            return dark == (blocks == .darkModules)
        }
        return stride(from: 0, to: side, by: 2).map { top in
            String((0..<side).map { column -> Character in
                let upper = drawn(top, column)
                let lower = top + 1 < side && drawn(top + 1, column)
                switch (upper, lower) {
                case (true, true): return "█"
                case (true, false): return "▀"
                case (false, true): return "▄"
                case (false, false): return " "
                }
            })
        }
    }
}
