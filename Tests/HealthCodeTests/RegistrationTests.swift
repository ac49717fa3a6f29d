import Foundation
import Testing
import HealthCode

/// Tests of abnormal registration (异常登记) and its correction (纠错转码).
@Suite("Abnormal registration (异常登记) and its correction (纠错转码)")
struct RegistrationTests {
    let registration = UUID()

    @Test("voiding the registration that made the last change restores the colour before it",
          arguments: [CodeColour.green, .yellow, .red])
    func voidRestoresWhenLast(before: CodeColour) {
        #expect(Registration.colourAfterVoid(lastChangedBy: registration, registration: registration,
                                             colourBefore: before) == before)
    }

    @Test("voiding a registration leaves the colour alone when something changed it since")
    func voidLeavesLaterChange() {
        // e.g. the authority turned the code red after the registration: the void must not undo that.
        #expect(Registration.colourAfterVoid(lastChangedBy: UUID(), registration: registration,
                                             colourBefore: .green) == nil)
    }

    @Test("voiding leaves the colour alone when no change is on record")
    func voidWithoutKnownChange() {
        #expect(Registration.colourAfterVoid(lastChangedBy: nil, registration: registration,
                                             colourBefore: .green) == nil)
    }
}
