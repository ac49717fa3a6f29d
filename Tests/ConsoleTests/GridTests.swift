import Testing
@testable import Console

/// The cell grid: wide characters take two columns, and clipping never splits one.
@Suite struct GridTests {
    @Test func characterWidths() {
        #expect(CharacterWidth.of(Character("A")) == 1)
        #expect(CharacterWidth.of(Character("绿")) == 2)
        #expect(CharacterWidth.of(Character("３")) == 2)
        #expect(CharacterWidth.of(Character("，")) == 2)
        #expect(CharacterWidth.of(Character("✔")) == 1)
        #expect(CharacterWidth.of(Character("℃")) == 1)
        #expect(CharacterWidth.of("黄码 OK") == 7)
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(size: Size(rows: 2, cols: 8))
        let end = grid.put("绿码A", row: 0, col: 1)
        #expect(end == 6)
        #expect(grid[0, 1].character == "绿")
        #expect(grid[0, 2].isContinuation)
        #expect(grid[0, 3].character == "码")
        #expect(grid[0, 4].isContinuation)
        #expect(grid[0, 5].character == "A")
        #expect(grid.text(row: 0) == " 绿码A  ")
        #expect(grid.lines.count == 2)
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
        var grid = Grid(size: Size(rows: 1, cols: 4))
        grid.put("A绿码", row: 0, col: 0)
        #expect(grid.text(row: 0) == "A绿 ")
        #expect(!grid[0, 3].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(size: Size(rows: 1, cols: 6))
        grid.put("红码", row: 0, col: 0)
        grid.put("x", row: 0, col: 1)
        #expect(grid.text(row: 0) == " x码  ")
        grid.put("y", row: 0, col: 2)
        #expect(grid.text(row: 0) == " xy   ")
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var grid = Grid(size: Size(rows: 1, cols: 4))
        grid.put("a\u{1B}b", row: 0, col: 0)
        #expect(grid.text(row: 0) == "a b ")
    }

    @Test func centringAndClipping() {
        var grid = Grid(size: Size(rows: 1, cols: 10))
        grid.centre("放行", row: 0, col: 0, width: 10, style: CellStyle(.greenBlock))
        #expect(grid.text(row: 0) == "   放行   ")
        #expect(CharacterWidth.clip("不予放行", to: 5) == "不予")
        #expect(Painter.padded("张*", to: 6) == "张*   ")
    }

    @Test("an empty, negative or off-grid rectangle paints nothing and does not trap", arguments: [
        (0, 0, 0, 0), (1, 1, 0, 3), (1, 1, 2, 0), (1, 1, -2, 3), (1, 1, 2, -3), (-5, 0, 2, 4), (0, -9, 1, 4),
        (3, 0, 1, 4), (0, 6, 1, 4), (-1, -1, -1, -1), (5, 5, -10, -10),
    ])
    func emptyFills(row: Int, col: Int, rows: Int, cols: Int) {
        var grid = Grid(size: Size(rows: 3, cols: 6))
        grid.fill(row: row, col: col, rows: rows, cols: cols, style: CellStyle(.highlight))
        #expect(grid.cells.allSatisfy { $0.style == .plain })
    }

    @Test func aFillIsClippedToTheGrid() {
        var grid = Grid(size: Size(rows: 3, cols: 6))
        grid.fill(row: -1, col: 4, rows: 2, cols: 9, style: CellStyle(.highlight))
        #expect(grid.cells.filter { $0.style == CellStyle(.highlight) }.count == 2)
        #expect(grid[0, 4].style == CellStyle(.highlight))
        #expect(grid[0, 5].style == CellStyle(.highlight))
    }

    @Test func aGridOfNoSizeDrawsNothing() {
        var grid = Grid(size: Size(rows: -2, cols: -3))
        grid.fill(row: 0, col: 0, rows: 5, cols: 5, style: CellStyle(.highlight))
        grid.put("x", row: 0, col: 0)
        #expect(grid.cells.isEmpty)
        #expect(grid.lines.isEmpty)
    }
}
