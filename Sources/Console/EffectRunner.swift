import Foundation
import HealthCode
import LocalStore

/// Carries the reducer's effects out through the `GateService` and turns answers and errors into events.
///
/// This is where gate events get their ids, checkpoint and operator, so the reducer stays deterministic.
final class EffectRunner {
    private let service: GateService
    private let checkpoint: Checkpoint
    private let operatorName: String
    private let timeZone: TimeZone
    private let newID: () -> UUID

    init(service: GateService, checkpoint: Checkpoint, operatorName: String, timeZone: TimeZone,
         newID: @escaping () -> UUID = UUID.newEventID) {
        self.service = service
        self.checkpoint = checkpoint
        self.operatorName = operatorName
        self.timeZone = timeZone
        self.newID = newID
    }

    /// Runs one effect; an error thrown by the service becomes a `.failed` event. `.quit` is the runtime's.
    func perform(_ effect: ConsoleEffect) -> [ConsoleEvent] {
        switch effect {
        case .lookup(let input):
            return attempt(.lookup) { [.lookedUp(input, try service.lookup(input))] }
        case .verify(let code, let at):
            return attempt(.lookup) { [try verify(code, at: at)] }
        case .record(let log):
            let (check, registration) = events(for: log)
            do {
                try service.record(check: check, registration: registration)
            } catch {
                return [.recordFailed(log, ServiceFailure(.record, error: error))]
            }
            return [.recorded(log)] + perform(.refreshCounts(at: log.at))
        case .loadLastRegistration:
            return attempt(.lastRegistration) {
                let registration = try service.lastRegistration()
                return [.lastRegistration(registration, person: registration.flatMap(person))]
            }
        case .void(let registration, let note, let at):
            let void = GateEvent.void(id: newID(), at: at, checkpoint: checkpoint, operatorName: operatorName,
                                      registration: registration, note: note)
            let voided = attempt(.void) {
                try service.void(void)
                return [.voided(registration: registration, person: person(registration))]
            }
            guard case .voided = voided.first else { return voided }
            return voided + perform(.refreshCounts(at: at))
        case .loadRejectedEvents(let limit):
            return attempt(.rejectedEvents) { [.rejectedEvents(try service.rejectedEvents(limit: limit))] }
        case .refreshSyncStatus:
            return [.syncStatus(service.syncStatus())]
        case .refreshCounts(let at):
            return attempt(.counts) { [.counts(try service.todayCounts(at: at))] }
        case .quit:
            return []
        }
    }

    /// The check event, and the registration event when the verdict calls for one: recorded together.
    /// Both carry the colour the code had before any registration.
    func events(for log: CheckLog) -> (check: GateEvent, registration: GateEvent?) {
        let check = GateEvent.check(id: newID(), at: log.at, checkpoint: checkpoint, operatorName: operatorName,
                                    document: log.document, colour: log.colour, verdict: log.verdict,
                                    readings: log.readings, complete: log.complete)
        guard log.verdict.registers, let document = log.document else { return (check, nil) }
        let registration = GateEvent.registration(id: newID(), at: log.at, checkpoint: checkpoint,
                                                  operatorName: operatorName, document: document,
                                                  colourBefore: log.colour, readings: log.readings)
        return (check, registration)
    }

    /// A dynamic code checked against the trust list as of `at`; a verified one with the record to judge
    /// its holder by: the cache's merged with the code, or the code's colour alone when the cache has no one.
    private func verify(_ code: SignedCode, at: Date) throws -> ConsoleEvent {
        let check = checkpoint.rules.verify(code, trust: try service.codeTrust(), at: at)
        guard case .verified(let verified) = check else { return .codeChecked(check, record: nil, cached: false) }
        let holder = try verified.record(person: { key in
            guard case .document(let document) = ScanInput.classify(key, today: CivilDate(at, in: timeZone)) else { return nil }
            return try service.lookup(.document(document)).first
        }, hasUnsentRegistration: { try service.hasUnsentRegistration(document: $0) })
        return .codeChecked(check, record: holder.record, cached: holder.cached)
    }

    /// The person a registration concerns, as the cache has them now; nil when not found or on error.
    private func person(_ registration: GateEvent) -> PersonRecord? {
        guard let key = registration.document,
              case .document(let document) = ScanInput.classify(key, today: CivilDate(registration.at, in: timeZone))
        else { return nil }
        return (try? service.lookup(.document(document)))?.first
    }

    /// Runs a service call, turning a thrown error into one `.failed` event.
    private func attempt(_ operation: ServiceFailure.Operation, _ body: () throws -> [ConsoleEvent]) -> [ConsoleEvent] {
        do {
            return try body()
        } catch {
            return [.failed(ServiceFailure(operation, error: error))]
        }
    }
}
