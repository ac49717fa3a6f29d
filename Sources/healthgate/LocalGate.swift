import Console
import Foundation
import HealthCode
import LocalStore
import Sync

/// The console's view of the stores: the local cache for everything, the sync service for status.
final class LocalGate: GateService {
    let cache: LocalCache
    let sync: SyncService?
    let timeZone: TimeZone

    init(cache: LocalCache, sync: SyncService?, timeZone: TimeZone = .current) {
        self.cache = cache
        self.sync = sync
        self.timeZone = timeZone
    }

    func lookup(_ input: ScanInput) throws -> [PersonRecord] {
        switch input {
        case .document(let document): try cache.person(document: document.key).map { [$0] } ?? []
        case .phone(let phone): try cache.people(phone: phone)
        case .invalid: []
        }
    }

    func record(check: GateEvent, registration: GateEvent?) throws {
        try cache.record(check: check, registration: registration)
        sync?.syncNow()
    }

    func lastRegistration() throws -> GateEvent? {
        try cache.lastRegistration()
    }

    func void(_ event: GateEvent) throws {
        try cache.void(event)
        sync?.syncNow()
    }

    func todayCounts(at now: Date) throws -> TodayCounts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let counts = try cache.counts(since: calendar.startOfDay(for: now))
        return TodayCounts(passed: counts.passed, refused: counts.refused, registered: counts.registered)
    }

    func syncStatus() -> SyncStatus {
        var status = sync?.status() ?? SyncStatus()
        if let backlog = try? cache.backlog() { status.backlog = backlog }
        return status
    }
}
