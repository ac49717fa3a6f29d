import Foundation
import Testing
import HealthCode

/// Tests of the three colours (一码三色).
@Suite("The three colours (一码三色)")
struct CodeColourTests {
    @Test("colours are read in English and Chinese", arguments: [
        ("green", CodeColour.green), ("Green", .green), (" GREEN ", .green), ("绿", .green), ("绿码", .green),
        ("yellow", .yellow), ("YELLOW", .yellow), ("黄", .yellow), ("黄码", .yellow),
        ("red", .red), ("Red", .red), ("红", .red), ("红码", .red),
    ])
    func readsText(text: String, colour: CodeColour) {
        #expect(CodeColour(text: text) == colour)
    }

    @Test("other text is no colour, and a single letter is too easy a typo to trust", arguments: ["", "blue", "橙码", "greenish", "绿黄", "g", "y", "R"])
    func unreadable(text: String) {
        #expect(CodeColour(text: text) == nil)
    }

    @Test("an abnormal registration turns green yellow; yellow stays yellow; red stays red", arguments: [
        (CodeColour.green, CodeColour.yellow), (.yellow, .yellow), (.red, .red),
    ])
    func afterRegistration(before: CodeColour, after: CodeColour) {
        #expect(Registration.colour(after: before) == after)
    }

    @Test("severity order: green, yellow, red, then unknown")
    func severity() {
        #expect(CodeColour.green < .yellow)
        #expect(CodeColour.yellow < .red)
        #expect(CodeColour.red < .unknown)
        #expect([CodeColour.red, .unknown, .green, .yellow].sorted() == [.green, .yellow, .red, .unknown])
    }

    @Test("colours are stored by their English names")
    func codable() throws {
        let data = try JSONEncoder().encode([CodeColour.green, .yellow, .red, .unknown])
        #expect(String(decoding: data, as: UTF8.self) == #"["green","yellow","red","unknown"]"#)
        #expect(try JSONDecoder().decode([CodeColour].self, from: data) == [.green, .yellow, .red, .unknown])
    }
}
