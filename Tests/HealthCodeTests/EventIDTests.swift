import Foundation
import Testing
import HealthCode

/// Event identifiers are random version 4 UUIDs.
@Suite("Event identifiers")
struct EventIDTests {
    /// A generator that repeats one word, to show which bits the identifier sets whatever it draws.
    struct Constant: RandomNumberGenerator {
        let word: UInt64
        mutating func next() -> UInt64 { word }
    }

    @Test("an identifier carries version 4 and the RFC 4122 variant, whatever the random bits",
          arguments: [UInt64.min, UInt64.max, 0x0123_4567_89AB_CDEF])
    func versionAndVariant(word: UInt64) {
        var generator = Constant(word: word)
        let text = UUID.version4(using: &generator).uuidString
        let characters = Array(text)
        #expect(characters[14] == "4", "\(text)")
        #expect("89AB".contains(characters[19]), "\(text)")
        let kept = text.replacingOccurrences(of: "-", with: "")
        let drawn = String(format: "%016llX", word)
        #expect(kept.prefix(12) == drawn.prefix(12), "the other bits are the ones drawn")
    }

    @Test("identifiers from the system's random source differ and parse back")
    func fresh() {
        var random = SystemRandomNumberGenerator()
        let ids = (0..<1_000).map { _ in UUID.version4(using: &random) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { UUID(uuidString: $0.uuidString) == $0 })
    }
}
