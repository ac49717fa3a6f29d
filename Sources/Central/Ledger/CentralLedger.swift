import Foundation
import HealthCode
import LocalStore

/// The central store's rules, written once for every store: event intake, registrations and their
/// voids, and the authority's feeds.
enum CentralLedger {
    /// The reason a registration gives for the colour it sets.
    static let registrationReason = "检查点体温异常登记"

    /// Stores an event once (a repeat is a no-op with the first receipt) and applies its colour rule.
    static func intake(_ event: GateEvent, into tables: CentralTables, at now: Date) throws -> EventReceipt {
        if let known = try tables.receivedAt(event: event.id) {
            return EventReceipt(eventID: event.id, receivedAt: known)
        }
        let receivedAt = Date(timeIntervalSince1970: Double(SQLValue.milliseconds(now)) / 1000)
        var colourBefore: CodeColour?
        switch event.kind {
        case .check: break
        case .registration: colourBefore = try register(event, tables, receivedAt)
        case .void: try void(event, tables, receivedAt)
        }
        try tables.insert(event, receivedAt: receivedAt, colourBefore: colourBefore)
        return EventReceipt(eventID: event.id, receivedAt: receivedAt)
    }

    /// Green turns yellow; any other colour stays. Returns the colour the store had before.
    private static func register(_ event: GateEvent, _ tables: CentralTables, _ receivedAt: Date) throws -> CodeColour? {
        guard let document = event.document, var person = try tables.person(document)?.change else { return nil }
        let before = person.record.colour
        let colour = Registration.colour(after: before)
        if colour != before {
            person.record.colour = colour
            person.record.reason = registrationReason
            person.record.colourChangedAt = receivedAt
            person.changedBy = event.id
            try tables.write(person, authorityAt: nil)
        }
        return before
    }

    /// Restores the colour a registration of the same checkpoint changed, unless a later change intervened.
    private static func void(_ event: GateEvent, _ tables: CentralTables, _ receivedAt: Date) throws {
        guard let registration = event.voids, let stored = try tables.registration(registration),
              stored.checkpoint == event.checkpointID else { return }
        try tables.markVoided(registration: registration, by: event.id)
        guard let document = event.document, var person = try tables.person(document)?.change,
              let before = stored.colourBefore,
              let restored = Registration.colourAfterVoid(
                  lastChangedBy: person.changedBy, registration: registration, colourBefore: before)
        else { return }
        person.record.colour = restored
        person.record.reason = "异常登记已撤销：\(event.note ?? "")"
        person.record.colourChangedAt = receivedAt
        person.changedBy = event.id
        try tables.write(person, authorityAt: nil)
    }

    /// Imports the authority's code rows; call inside one transaction.
    static func importCodes(_ rows: [CodeRow], into tables: CentralTables) throws -> ImportSummary {
        var summary = ImportSummary()
        for row in rows { summary.count(try importCode(row, into: tables)) }
        return summary
    }

    /// Imports test results; call inside one transaction.
    static func importTests(_ rows: [NATRow], into tables: CentralTables) throws -> ImportSummary {
        var summary = ImportSummary()
        for row in rows { summary.count(try importTest(row, into: tables)) }
        return summary
    }

    /// An authority row replaces the colour unless the authority already said something newer; a
    /// registration received after the row's time still applies on top of it.
    static func importCode(_ row: CodeRow, into tables: CentralTables) throws -> ImportOutcome {
        let current = try tables.person(row.document)
        if let current, row.updatedAt < current.authorityAt { return .stale }
        var next = current?.change ?? FeedChange(seq: 0, record: PersonRecord(
            document: row.document, nameMasked: row.nameMasked, colour: row.colour, colourChangedAt: row.updatedAt))
        next.record.nameMasked = row.nameMasked
        next.record.phone = row.phone
        next.record.colour = row.colour
        next.record.reason = row.reason
        next.record.colourChangedAt = row.updatedAt
        next.changedBy = nil
        if let registration = try tables.latestRegistration(of: row.document, receivedAfter: row.updatedAt) {
            try tables.setColourBefore(registration: registration.id, row.colour)
            let colour = Registration.colour(after: row.colour)
            if colour != row.colour {
                next.record.colour = colour
                next.record.reason = registrationReason
                next.record.colourChangedAt = registration.receivedAt
                next.changedBy = registration.id
            }
        }
        if let current, current.change.record == next.record, current.change.changedBy == next.changedBy {
            try tables.setAuthorityTime(row.document, row.updatedAt)
            return .unchanged
        }
        try tables.write(next, authorityAt: row.updatedAt)
        return .changed
    }

    /// Keeps each person's latest sample; for the same sample, a reported result beats a pending one.
    static func importTest(_ row: NATRow, into tables: CentralTables) throws -> ImportOutcome {
        guard var person = try tables.person(row.document)?.change else { return .unknownPerson }
        if let existing = person.record.nat, existing.sampledAt > row.nat.sampledAt
            || existing.sampledAt == row.nat.sampledAt && existing.outcome != .pending && row.nat.outcome == .pending {
            return .stale
        }
        if person.record.nat == row.nat { return .unchanged }
        person.record.nat = row.nat
        try tables.write(person, authorityAt: nil)
        return .changed
    }
}

/// What one imported row did.
enum ImportOutcome {
    case changed, unchanged, stale, unknownPerson
}

extension ImportSummary {
    mutating func count(_ outcome: ImportOutcome) {
        switch outcome {
        case .changed: changed += 1
        case .unchanged: unchanged += 1
        case .stale: stale += 1
        case .unknownPerson: unknownPeople += 1
        }
    }
}
