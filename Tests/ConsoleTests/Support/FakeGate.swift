import Foundation
import HealthCode
import Sync
@testable import Console

/// An in-memory `GateService` that remembers every call, and throws on demand.
final class FakeGate: GateService {
    /// What a test makes the next calls throw.
    struct Broken: Error, CustomStringConvertible {
        var description: String { "disk I/O error" }
    }

    var people: [PersonRecord] = []
    var status = SyncStatus(online: true, lastSuccessAt: Fixtures.noon.addingTimeInterval(-120), backlog: 0)
    var counts = TodayCounts()
    var latestRegistration: GateEvent?
    /// The dead-letter list, newest first.
    var rejected: [RejectedEvent] = []
    var failing = false
    /// The trust list and skew the last sync left.
    var trust = CodeTrust()
    /// Documents with a registration not yet sent.
    var unsentRegistrations: Set<String> = []
    private(set) var records: [(check: GateEvent, registration: GateEvent?)] = []
    private(set) var voids: [GateEvent] = []
    private(set) var lookups: [ScanInput] = []
    /// The `limit` of every dead-letter read.
    private(set) var rejectedLimits: [Int] = []

    func lookup(_ input: ScanInput) throws -> [PersonRecord] {
        if failing { throw Broken() }
        lookups.append(input)
        switch input {
        case .document(let document): return people.filter { $0.document == document.key }
        case .phone(let phone): return people.filter { $0.phone == phone }
        case .code, .invalid: return []
        }
    }

    func codeTrust() throws -> CodeTrust {
        if failing { throw Broken() }
        return trust
    }

    func hasUnsentRegistration(document: String) throws -> Bool {
        if failing { throw Broken() }
        return unsentRegistrations.contains(document)
    }

    func record(check: GateEvent, registration: GateEvent?) throws {
        if failing { throw Broken() }
        records.append((check, registration))
        if let registration {
            latestRegistration = registration
            people = people.map { person in
                var person = person
                if person.document == registration.document { person.colour = Registration.colour(after: person.colour) }
                return person
            }
        }
    }

    func lastRegistration() throws -> GateEvent? {
        if failing { throw Broken() }
        return latestRegistration
    }

    func void(_ event: GateEvent) throws {
        if failing { throw Broken() }
        voids.append(event)
        if let registration = latestRegistration, registration.id == event.voids {
            people = people.map { person in
                var person = person
                if person.document == registration.document { person.colour = registration.colour ?? person.colour }
                return person
            }
            latestRegistration = nil
        }
    }

    func todayCounts(at now: Date) throws -> TodayCounts {
        if failing { throw Broken() }
        return counts
    }

    func rejectedEvents(limit: Int) throws -> [RejectedEvent] {
        if failing { throw Broken() }
        rejectedLimits.append(limit)
        return Array(rejected.prefix(limit))
    }

    func syncStatus() -> SyncStatus { status }

    /// The checks recorded so far.
    var checks: [GateEvent] { records.map(\.check) }
}
