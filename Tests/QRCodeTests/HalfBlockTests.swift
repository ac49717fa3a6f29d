import Testing
@testable import QRCode

/// Tests of drawing QR matrices as terminal text with half blocks.
@Suite("Drawing QR matrices with half blocks")
struct HalfBlockTests {
    /// `#` dark, `.` light.
    static func matrix(_ rows: [String]) -> QRMatrix {
        QRMatrix(size: rows.count, modules: rows.flatMap { $0.map { $0 == "#" } })
    }

    /// 3 by 3, so with a quiet zone of 1 there are 5 module rows: the last line's lower half is padding.
    static let tiny = matrix([
        "#.#",
        ".#.",
        "##.",
    ])

    @Test("by default the light modules and the quiet zone are blocks; the padding half is left blank")
    func lightModulesAsBlocks() {
        #expect(Self.tiny.halfBlockLines(quietZone: 1) == [
            "█▀█▀█",
            "█▀ ██",
            "▀▀▀▀▀",
        ])
    }

    @Test("the other polarity draws the dark modules; quiet zone and padding stay blank")
    func darkModulesAsBlocks() {
        #expect(Self.tiny.halfBlockLines(quietZone: 1, blocks: .darkModules) == [
            " ▄ ▄ ",
            " ▄█  ",
            "     ",
        ])
    }

    @Test("without a quiet zone an odd last row fills only the upper halves")
    func noQuietZone() {
        #expect(Self.tiny.halfBlockLines(quietZone: 0) == ["▄▀▄", "  ▀"])
        #expect(Self.tiny.halfBlockLines(quietZone: 0, blocks: .darkModules) == ["▀▄▀", "▀▀ "])
    }

    @Test("an even number of module rows takes exactly half as many lines, with no padding")
    func evenRows() {
        let matrix = Self.matrix(["#.", ".#"])
        #expect(matrix.halfBlockLines(quietZone: 0) == ["▄▀"])
        #expect(matrix.halfBlockLines(quietZone: 1, blocks: .darkModules) == [" ▄  ", "  ▀ "])
    }

    @Test("a real symbol: a 4-module quiet zone by default, every line size + 8 columns wide")
    func realSymbol() throws {
        let matrix = try QRMatrix.encode("HG1:test")
        let lines = matrix.halfBlockLines()
        #expect(lines.count == 15)  // (21 + 8) rows, two to a line, the last one half padding
        #expect(lines.allSatisfy { $0.count == 29 && $0.unicodeScalars.count == 29 })
        #expect(lines.prefix(2) == [String(repeating: "█", count: 29), String(repeating: "█", count: 29)])
        #expect(lines.last == String(repeating: "▀", count: 29))
        // Rows 4 and 5: the top finder rows are dark over a light gap inside the ring.
        #expect(lines[2].hasPrefix("████" + " " + "▄▄▄▄▄" + " " + "█"))
        let dark = matrix.halfBlockLines(quietZone: 2, blocks: .darkModules)
        #expect(dark.count == 13)
        #expect(dark.allSatisfy { $0.count == 25 })
        #expect(dark[0] == String(repeating: " ", count: 25))
        #expect(dark[1].hasPrefix("  " + "█▀▀▀▀▀█" + " "))
    }

    @Test("every line of a real symbol reproduces its two module rows in both polarities")
    func roundTrip() throws {
        let matrix = try QRMatrix.encode(Payload.dynamicCode)
        for blocks in [QRMatrix.Blocks.lightModules, .darkModules] {
            let lines = matrix.halfBlockLines(quietZone: 4, blocks: blocks).map(Array.init)
            for row in 0..<matrix.size {
                for column in 0..<matrix.size {
                    let cell = lines[(row + 4) / 2][column + 4]
                    let upper = (row + 4).isMultiple(of: 2)
                    let drawn = upper ? "█▀".contains(cell) : "█▄".contains(cell)
                    #expect(drawn == (matrix.isDark(row: row, column: column) == (blocks == .darkModules)),
                            "\(blocks) module (\(row), \(column))")
                }
            }
        }
    }
}
