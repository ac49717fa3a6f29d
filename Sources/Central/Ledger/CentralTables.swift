import Foundation
import HealthCode
import LocalStore

/// The rows a central store keeps, read and written in its own SQL; `CentralLedger` applies the
/// trade's rules over them. Calls run inside a transaction. The embedded store implements it;
/// PostgreSQL applies the same rules in its own trigger and import functions, so that a
/// checkpoint's role never writes a colour, and the contract tests hold both to one behaviour.
protocol CentralTables {
    /// A person, locked for the rest of the transaction where the store locks rows.
    func person(_ document: String) throws -> StoredPerson?
    /// Writes a person at a new feed version; `authorityAt`, when given, records the authority's time.
    func write(_ person: FeedChange, authorityAt: Date?) throws
    /// Records the authority's time for a person whose row did not otherwise change.
    func setAuthorityTime(_ document: String, _ time: Date) throws
    func setColourBefore(registration: UUID, _ colour: CodeColour) throws
    /// The newest registration of a person, not voided, received after `time`.
    func latestRegistration(of document: String, receivedAfter time: Date) throws -> (id: UUID, receivedAt: Date)?
    /// When an event was received, if it was.
    func receivedAt(event: UUID) throws -> Date?
    /// Stores an event with the store's receipt time and, for a registration, the colour before it.
    func insert(_ event: GateEvent, receivedAt: Date, colourBefore: CodeColour?) throws
    /// A registration: the checkpoint that made it and the colour it found at this store.
    func registration(_ id: UUID) throws -> (checkpoint: String, colourBefore: CodeColour?)?
    func markVoided(registration: UUID, by void: UUID) throws
}

/// A person as a central store keeps them: the feed row and when the authority last set the colour.
struct StoredPerson {
    var change: FeedChange
    var authorityAt: Date
}
