import Console
import Foundation
import HealthCode
import LocalStore
import Sync

/// The console's view of the stores: the local cache for everything, the sync service for status.
final class LocalGate: GateService {
    let cache: LocalCache
    let sync: SyncService?
    let online: OnlineLookup?
    let timeZone: TimeZone

    /// How long a scan may wait for the central store on a cache miss.
    static let onlineTimeout: TimeInterval = 0.3

    init(cache: LocalCache, sync: SyncService?, online: OnlineLookup? = nil, timeZone: TimeZone = .current) {
        self.cache = cache
        self.sync = sync
        self.online = online
        self.timeZone = timeZone
    }

    func lookup(_ input: ScanInput) throws -> [PersonRecord] {
        switch input {
        case .document(let document):
            if let cached = try cache.person(document: document.key) { return [cached] }
            return try centralPerson(document.key).map { [$0] } ?? []
        case .phone(let phone):
            if let people = try cache.people(phone: phone) { return people }
            return online?.people(phone: phone, timeout: Self.onlineTimeout) ?? []
        case .code, .invalid:
            return []
        }
    }

    func codeTrust() throws -> CodeTrust {
        try cache.codeTrust()
    }

    func hasUnsentRegistration(document: String) throws -> Bool {
        try cache.hasUnsentRegistration(document: document)
    }

    /// On a cache miss while online, the central store's answer within the deadline, kept in the cache.
    private func centralPerson(_ document: String) throws -> PersonRecord? {
        guard let online, sync?.status().online == true,
              let record = online.person(document: document, timeout: Self.onlineTimeout) else { return nil }
        try cache.adopt(record)
        return try cache.person(document: document)
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

    func rejectedEvents(limit: Int) throws -> [RejectedEvent] {
        try cache.rejectedEvents(limit: limit).map { RejectedEvent(event: $0.event, reason: $0.reason, at: $0.at) }
    }

    func syncStatus() -> SyncStatus {
        var status = sync?.status() ?? SyncStatus()
        if let backlog = try? cache.backlog() { status.backlog = backlog }
        if let rejected = try? cache.rejectedCount() { status.rejected = rejected }
        return status
    }
}
