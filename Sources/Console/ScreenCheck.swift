import Foundation
import HealthCode

/// The person on screen: what the cache says, the readings taken, the verdict, and whether it is logged.
struct ScreenCheck: Equatable, Sendable {
    /// The document key scanned or found; nil for a phone lookup that found nobody.
    var document: String?
    /// Nil when no code was found (未查询到).
    var record: PersonRecord?
    var sex: Sex?
    var age: Int?
    /// The colour shown: the record's, or yellow at once after a registration.
    var colour: CodeColour
    var readings: [Temperature] = []
    var verdict: Verdict
    /// No record while the sync status says offline: the cache may simply not know the person yet.
    var offline = false
    /// The log entry handed to the store when the check was closed; a closed check takes no more readings.
    var sent: CheckLog?
    /// The store confirmed it recorded `sent`.
    var logged = false
    /// As sent: false when the next person was scanned while a reading was awaited.
    var complete = true
    /// This person's registration was voided while on screen.
    var voided = false
    /// Set when the person showed a dynamic code: refused, or who issued it.
    var code: CodeMark?

    /// Closed and handed to the store (whether or not the store has confirmed it yet).
    var closed: Bool { sent != nil }

    /// Whether the check still waits for a required reading or a re-measure.
    var awaitsReading: Bool {
        !closed && (verdict.decision == .measure || verdict.decision == .remeasure)
    }

    /// Whether the check is a pass on out-of-date data that the operator has not confirmed yet.
    var awaitsConfirmation: Bool {
        !closed && verdict.decision == .pass && verdict.needsConfirmation
    }

    /// Whether the verdict can no longer change under `policy`, so the check is logged now.
    /// A pass that needs confirming is not: it waits for the operator's Enter.
    func isFinal(under policy: CheckpointRules.TemperaturePolicy) -> Bool {
        if verdict.registers { return true }
        switch verdict.decision {
        case .refuse: return true
        case .pass: return !verdict.needsConfirmation && (policy != .optional || !readings.isEmpty)
        case .measure, .remeasure: return false
        }
    }

    /// The log entry for this check.
    func log(at now: Date, complete: Bool) -> CheckLog {
        CheckLog(at: now, document: document, colour: record?.colour ?? .unknown, verdict: verdict,
                 readings: readings, complete: complete)
    }
}

/// What a dynamic code said about the check on screen.
enum CodeMark: Equatable, Sendable {
    /// The code was refused for this reason: no person is identified.
    case refused(Reason.Code)
    /// Verified, from `issuer`; `foreign` when the holder is not in this cache (外地码), so the code's
    /// colour alone is judged.
    case verified(issuer: String, foreign: Bool)
}

/// One line of the recent-checks panel.
struct RecentCheck: Equatable, Sendable {
    var at: Date
    var name: String
    var colour: CodeColour
    var decision: Verdict.Decision
    var complete: Bool
    /// A dynamic code refused before anyone was looked up: the panel says so instead of a colour.
    var codeRefused = false
}

/// A check handed to the store and not yet confirmed recorded, with the recent-panel line it adds once it is.
struct PendingRecord: Equatable, Sendable {
    var log: CheckLog
    var line: RecentCheck
    /// The store threw; the next action sends it again.
    var failed = false
}

/// The people registered under one proxy phone (代申领), waiting for the operator to pick one.
struct PickList: Equatable, Sendable {
    var phone: String
    var people: [PersonRecord]
    var selected = 0

    /// What a line entered while the list is open does.
    enum Choice: Equatable {
        /// Pick the person at this index.
        case pick(Int)
        /// A lone digit that numbers nobody on the list: the list stays.
        case stay
        /// Anything else: the list closes and the line is a new scan.
        case scan
    }

    /// An empty line picks the highlighted person, a lone digit 1–9 the one it numbers.
    func choice(for line: String) -> Choice {
        let text = Normalization.halfWidth(line).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .pick(selected) }
        guard text.count == 1, let ascii = text.first?.asciiValue,
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) else { return .scan }
        let digit = Int(ascii - UInt8(ascii: "0"))
        return digit >= 1 && digit <= min(9, people.count) ? .pick(digit - 1) : .stay
    }
}

/// A correction (纠错) being prepared: the registration to void and the reason typed so far.
struct Correction: Equatable, Sendable {
    var registration: GateEvent
    var person: PersonRecord?
    var note = ""
}

/// What the keys currently act on.
enum Mode: Equatable, Sendable {
    case scan
    case pick(PickList)
    case correction(Correction)
}
