import Foundation
import HealthCode
import Sync

/// Everything that can happen to the console: keys, the clock, the screen, and the results of effects.
public enum ConsoleEvent: Equatable, Sendable {
    case key(Key)
    /// The clock, sent by the runtime on every turn of its loop (at least every ~200 ms).
    case tick(Date)
    case resize(Size)
    /// The people a scan found (effect `.lookup`).
    case lookedUp(ScanInput, [PersonRecord])
    /// A dynamic code's check (effect `.verify`) and, once verified, the record to judge its holder by,
    /// and whether the cache had the holder.
    case codeChecked(CodeCheck, record: PersonRecord?, cached: Bool)
    /// This console's latest registration, with the person it concerns when the cache has them.
    case lastRegistration(GateEvent?, person: PersonRecord?)
    /// A registration was voided; `person` is the person as the cache now has them.
    case voided(registration: GateEvent, person: PersonRecord?)
    /// The store recorded a check (effect `.record`).
    case recorded(CheckLog)
    /// The store threw while recording a check: nothing of it was stored.
    case recordFailed(CheckLog, ServiceFailure)
    /// The dead-letter list, newest first (effect `.loadRejectedEvents`): opens the F3 overlay.
    case rejectedEvents([RejectedEvent])
    case counts(TodayCounts)
    case syncStatus(SyncStatus)
    /// The service threw: shown as one line, nothing else changes.
    case failed(ServiceFailure)
}

/// A service call that threw, for the one-line message.
public struct ServiceFailure: Equatable, Sendable {
    /// Which call failed, in the operator's terms.
    public enum Operation: String, Sendable {
        case lookup, record, lastRegistration = "last_registration", void, counts
        case rejectedEvents = "rejected_events"
    }

    public var operation: Operation
    /// The error's own description, on one line.
    public var detail: String

    public init(_ operation: Operation, error: any Error) {
        self.operation = operation
        detail = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
