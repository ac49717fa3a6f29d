import Foundation
import HealthCode

/// The correction (纠错) flow: find this console's last registration, take a reason, void it.
extension ConsoleState {
    /// The answer to F2: nothing to void, or the registration to confirm.
    mutating func beginCorrection(_ registration: GateEvent?, person: PersonRecord?) {
        guard let registration else {
            notice = .nothingToVoid
            return
        }
        notice = nil
        mode = .correction(Correction(registration: registration, person: person))
    }

    /// Keys while the reason is typed: Enter confirms a non-empty reason, Esc cancels. A "reason" that is a
    /// document or phone number is the next person's scan: the correction is cancelled and the line looked up,
    /// so no ID ever goes into a note.
    mutating func pressInCorrection(_ key: Key, correction: Correction) -> [ConsoleEffect] {
        var correction = correction
        switch key {
        case .character(let character):
            correction.note = ConsoleState.appending(character, to: correction.note)
        case .backspace:
            if !correction.note.isEmpty { correction.note.removeLast() }
        case .escape:
            mode = .scan
            notice = .correctionCancelled
            return []
        case .submit:
            let note = correction.note.trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else {
                notice = .correctionNoteRequired
                return []
            }
            mode = .scan
            if case .invalid = ScanInput.classify(note, today: today) {
                notice = nil
                return [.void(registration: correction.registration, note: note, at: now)]
            }
            input = note
            let effects = submit()
            notice = .correctionCancelledByScan
            return effects
        case .up, .down, .function, .quit:
            return []
        }
        mode = .correction(correction)
        return []
    }

    /// The void is stored: say so, and give the person on screen their colour back.
    mutating func voided(_ registration: GateEvent, person: PersonRecord?) {
        notice = .voided(document: registration.document.map(Masking.document) ?? "")
        guard var check, let document = check.document, document == registration.document else { return }
        check.colour = person?.colour ?? registration.colour ?? check.colour
        check.voided = true
        self.check = check
    }
}
