import Foundation
import HealthCode
import LocalStore

/// Checks with abnormal registrations queued in a console's outbox, as a busy gate leaves them while offline.
public enum QueuedEvents {
    public static let checkpoint = Checkpoint(id: "CP-FAULT", name: "西门")

    /// Queues a fever check and its registration for each document, in one transaction; returns every event's id.
    public static func queue(in cache: LocalCache, documents: [String]) throws -> [UUID] {
        let readings = [Temperature(tenths: 385), Temperature(tenths: 386)]
        let verdict = Verdict(decision: .refuse, reasons: [Reason(.feverConfirmed, value: 386)], registers: true)
        let at = Date()
        return try cache.events.transaction {
            try documents.flatMap { document in
                let check = GateEvent.check(
                    id: UUID(), at: at, checkpoint: checkpoint, operatorName: "王", document: document, colour: .green,
                    verdict: verdict, readings: readings, complete: true)
                let registration = GateEvent.registration(
                    id: UUID(), at: at, checkpoint: checkpoint, operatorName: "王", document: document,
                    colourBefore: .green, readings: readings)
                try cache.record(check: check, registration: registration)
                return [check.id, registration.id]
            }
        }
    }
}
