import Testing
@testable import QRCode

/// Tests of encoding texts into QR matrices with libqrencode.
@Suite("Encoding texts into QR matrices")
struct QRMatrixTests {
    @Test("a short text gives a version-1 symbol of 21 by 21 modules")
    func shortTextIsVersionOne() throws {
        let matrix = try QRMatrix.encode("HG1:test")
        #expect(matrix.size == 21)
    }

    @Test("the three finder patterns sit in the corners, each with its light separator",
          arguments: ["HG1:test", Payload.dynamicCode])
    func finderPatterns(text: String) throws {
        let matrix = try QRMatrix.encode(text)
        let far = matrix.size - 7
        for (top, left) in [(0, 0), (0, far), (far, 0)] {
            for row in 0..<7 {
                for column in 0..<7 {
                    let ring = row == 0 || row == 6 || column == 0 || column == 6
                    let core = (2...4).contains(row) && (2...4).contains(column)
                    #expect(matrix.isDark(row: top + row, column: left + column) == (ring || core),
                            "finder at (\(top), \(left)), module (\(row), \(column))")
                }
            }
            let separatorRow = top == 0 ? 7 : far - 1
            let separatorColumn = left == 0 ? 7 : far - 1
            for step in 0..<8 {
                let column = left == 0 ? step : far - 1 + step
                let row = top == 0 ? step : far - 1 + step
                #expect(!matrix.isDark(row: separatorRow, column: column), "separator row of (\(top), \(left))")
                #expect(!matrix.isDark(row: row, column: separatorColumn), "separator column of (\(top), \(left))")
            }
        }
    }

    @Test("the timing patterns on row 6 and column 6 alternate dark and light between the finders",
          arguments: ["HG1:test", Payload.dynamicCode])
    func timingPatterns(text: String) throws {
        let matrix = try QRMatrix.encode(text)
        for index in 8..<(matrix.size - 8) {
            #expect(matrix.isDark(row: 6, column: index) == index.isMultiple(of: 2), "row 6, column \(index)")
            #expect(matrix.isDark(row: index, column: 6) == index.isMultiple(of: 2), "column 6, row \(index)")
        }
    }

    @Test("the module above the lower-left finder's separator is always dark: the matrix is not transposed",
          arguments: ["HG1:test", Payload.dynamicCode])
    func darkModule(text: String) throws {
        let matrix = try QRMatrix.encode(text)
        #expect(matrix.isDark(row: matrix.size - 8, column: 8))
    }

    @Test("both copies of the format information agree and name the level asked for (M by default)",
          arguments: [(nil, "M"), (QRMatrix.ErrorCorrection.low, "L"), (.medium, "M"), (.quartile, "Q"), (.high, "H")])
    func formatInformation(level: QRMatrix.ErrorCorrection?, name: String) throws {
        let matrix = try level.map { try QRMatrix.encode(Payload.dynamicCode, level: $0) }
            ?? QRMatrix.encode(Payload.dynamicCode)
        let format = FormatInformation(matrix)
        #expect(format.first == format.second)
        #expect(format.level == name)
    }

    @Test("a 200-character dynamic code encodes at level M in a version-10 symbol of 57 modules")
    func longestPayload() throws {
        #expect(Payload.dynamicCode.count == 200)
        #expect(Payload.dynamicCode.allSatisfy { $0.isASCII && !$0.isWhitespace })
        let matrix = try QRMatrix.encode(Payload.dynamicCode)
        #expect(matrix.size == 57)
        #expect(try QRMatrix.encode(Payload.dynamicCode, level: .low).size < matrix.size)
        #expect(try QRMatrix.encode(Payload.dynamicCode, level: .high).size > matrix.size)
    }

    @Test("the matrix depends on every character, case included")
    func caseSensitive() throws {
        #expect(try QRMatrix.encode("HG1:abc") != QRMatrix.encode("HG1:ABC"))
        #expect(try QRMatrix.encode("HG1:abc") == QRMatrix.encode("HG1:abc"))
    }

    @Test("a NUL character is refused, not cut off")
    func nulCharacter() {
        #expect(throws: QRCodeError.nulCharacter(offset: 2)) { try QRMatrix.encode("HG\u{0}1:abc") }
    }

    @Test("an empty text is refused")
    func emptyText() {
        #expect(throws: QRCodeError.empty) { try QRMatrix.encode("") }
    }

    @Test("a text too long for version 40 at its level is refused with one line")
    func tooLong() throws {
        let text = String(repeating: "a", count: 2_000)
        #expect(try QRMatrix.encode(text, level: .low).size == 149)  // version 33
        let error = #expect(throws: QRCodeError.self) { try QRMatrix.encode(text, level: .high) }
        #expect(error == .tooLong(bytes: 2_000, level: .high))
        let line = try #require(error).description
        #expect(line == "the text is too long for a QR code at error correction level H (2000 bytes)")
        #expect(!line.contains("\n"))
    }
}

/// A failing expectation names the matrix's size rather than listing every module.
extension QRMatrix: CustomTestStringConvertible {
    public var testDescription: String { "QRMatrix(size: \(size))" }
}

/// Sample texts shaped like the dynamic codes a person shows.
enum Payload {
    /// `HG1:` with region, key id, document hash, colour, issue and expiry times and a signature,
    /// the signature stretched to the 200 characters a dynamic code may take.
    static let dynamicCode = "HG1:GD.1a2b3c4d.\(base64url(46, seed: 3)).G.1764201600.1764201655.\(base64url(113, seed: 11))"

    /// `count` base64url characters in a fixed scrambled order.
    static func base64url(_ count: Int, seed: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<count).map { alphabet[($0 * 37 + seed) % alphabet.count] })
    }
}

/// The two 15-bit copies of a symbol's format information, read as ISO/IEC 18004 places them.
struct FormatInformation {
    let first: Int
    let second: Int

    init(_ matrix: QRMatrix) {
        let size = matrix.size
        // Bit i of the first copy: column 8 going down (skipping the timing row), then row 8 going left.
        let firstPlaces = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8),
                           (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
        // The second copy: row 8 from the right edge leftwards, then column 8 near the bottom going down.
        let secondPlaces = (0..<8).map { (8, size - 1 - $0) } + (8..<15).map { (size - 15 + $0, 8) }
        func word(_ places: [(Int, Int)]) -> Int {
            places.enumerated().reduce(0) { $0 | (matrix.isDark(row: $1.element.0, column: $1.element.1) ? 1 << $1.offset : 0) }
        }
        first = word(firstPlaces)
        second = word(secondPlaces)
    }

    /// The error correction level in the two top bits, after the spec's mask 0x5412.
    var level: String {
        ["M", "L", "H", "Q"][((first ^ 0x5412) >> 13) & 3]
    }
}
