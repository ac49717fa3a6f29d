import Foundation
import Testing
import HealthCode

@Suite("Temperatures typed from an infrared thermometer")
struct TemperatureTests {
    @Test("readings are read as staff type them", arguments: [
        ("36.5", 365),
        ("365", 365),        // keypad without the point
        ("37", 370),
        ("37.0", 370),
        ("３６．５", 365),    // full-width from an input method
        ("３６５", 365),
        ("36。5", 365),       // 。 typed for the point
        ("36.5℃", 365),
        ("36.5C", 365),
        ("36.5c", 365),
        ("36.5°C", 365),
        ("36.5°", 365),
        ("３６．５℃", 365),
        (" 36.5 ℃ ", 365),
        ("36.45", 365),      // hundredths round half up
        ("36.44", 364),
        ("37.25", 373),
    ])
    func readable(raw: String, tenths: Int) {
        #expect(Temperature.parse(raw) == .success(Temperature(tenths: tenths)))
    }

    @Test("the plausible range is 34.0 to 43.0 inclusive", arguments: [
        ("34.0", 340), ("34", 340), ("340", 340), ("43.0", 430), ("43", 430),
    ])
    func rangeBoundsAreInside(raw: String, tenths: Int) {
        #expect(Temperature.parse(raw) == .success(Temperature(tenths: tenths)))
    }

    @Test("a reading outside 34.0–43.0 is implausible", arguments: [
        ("45.0", 450), ("33.9", 339), ("43.1", 431), ("339", 339), ("431", 431),
        ("30", 300), ("100", 100), ("0", 0), ("99.9", 999),
    ])
    func implausible(raw: String, tenths: Int) {
        #expect(Temperature.parse(raw) == .failure(.implausible(Temperature(tenths: tenths))))
    }

    @Test("what is not a reading is unreadable", arguments: [
        "", "   ", "abc", "3650", "36.5.1", "36..5", ".5", "36.", "36.555", "-36.5",
        "℃", "36,5", "3 6 . 5 x", "1e2", "37.3F",
        "3\u{301}6.5", "36.5\u{301}", "٣٦.٥", "36.5\u{20DD}",  // combining marks and non-ASCII digits
    ])
    func unreadable(raw: String) {
        #expect(Temperature.parse(raw) == .failure(.unreadable))
    }

    @Test("the unit suffix comes off once, after half-width folding and without spaces", arguments: [
        ("36.5℃", "36.5"), ("３６．５ °c", "36.5"), ("37C", "37"), ("37°", "37"), ("37", "37"), ("37CC", "37C"), ("℃", ""),
    ])
    func withoutUnit(raw: String, text: String) {
        #expect(Temperature.withoutUnit(raw) == text)
    }

    @Test("a temperature prints with one decimal", arguments: [(373, "37.3"), (360, "36.0"), (340, "34.0"), (430, "43.0")])
    func description(tenths: Int, text: String) {
        #expect(Temperature(tenths: tenths).description == text)
    }

    @Test("temperatures order by value")
    func ordering() {
        #expect(t(37.2) < t(37.3))
        #expect(!(t(37.3) < t(37.3)))
        #expect([t(38.0), t(36.5), t(37.3)].max() == t(38.0))
    }

    @Test("a temperature is stored as a number of degrees and reads back the same")
    func codable() throws {
        let data = try JSONEncoder().encode([t(37.3), t(36.0), t(40.1)])
        #expect(String(decoding: data, as: UTF8.self) == "[37.3,36,40.1]")
        #expect(try JSONDecoder().decode([Temperature].self, from: data) == [t(37.3), t(36.0), t(40.1)])
        #expect(try JSONDecoder().decode(Temperature.self, from: Data("37.3".utf8)) == Temperature(tenths: 373))
    }

    @Test("problem codes")
    func problemCodes() {
        #expect(TemperatureProblem.unreadable.code == "temperature_unreadable")
        #expect(TemperatureProblem.implausible(t(45)).code == "temperature_implausible")
    }
}
