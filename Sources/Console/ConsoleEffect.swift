import Foundation
import HealthCode

/// Work the reducer asks the runtime to do through the `GateService`; results come back as events.
public enum ConsoleEffect: Equatable, Sendable {
    case lookup(ScanInput)
    /// Verify a scanned dynamic code as of `at` against the synced trust list, then look its holder up.
    case verify(SignedCode, at: Date)
    /// Log a finished (or abandoned) check, with its abnormal registration if it made one.
    case record(CheckLog)
    case loadLastRegistration
    /// Void `registration` for the reason the operator gave.
    case void(registration: GateEvent, note: String, at: Date)
    /// Read the dead-letter list for the F3 overlay, at most `limit` entries.
    case loadRejectedEvents(limit: Int)
    case refreshSyncStatus
    case refreshCounts(at: Date)
    case quit
}

/// A check as the reducer closed it; the effect layer stamps ids, checkpoint and operator on it.
public struct CheckLog: Equatable, Sendable {
    public var at: Date
    /// The document key; nil for a phone lookup that found nobody.
    public var document: String?
    /// The colour the code had when scanned (before any registration).
    public var colour: CodeColour
    public var verdict: Verdict
    public var readings: [Temperature]
    /// False when the next person was scanned while a reading was still awaited.
    public var complete: Bool

    public init(at: Date, document: String?, colour: CodeColour, verdict: Verdict,
                readings: [Temperature], complete: Bool) {
        self.at = at
        self.document = document
        self.colour = colour
        self.verdict = verdict
        self.readings = readings
        self.complete = complete
    }
}
