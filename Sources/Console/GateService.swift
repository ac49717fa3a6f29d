import Foundation
import HealthCode
import Sync

/// What the console asks of the stores; the runtime carries the reducer's effects out through it.
///
/// Every call reads or writes the local cache only, and returns in well under a millisecond:
/// the console never waits on the network.
public protocol GateService: AnyObject {
    /// The people a scan finds: one for a document, everyone registered under a proxy phone,
    /// none when there is no record. Colours already include this console's unsent registrations.
    func lookup(_ input: ScanInput) throws -> [PersonRecord]
    /// Stores a check in the scan log and the outbox; with a registration, all in one transaction.
    func record(check: GateEvent, registration: GateEvent?) throws
    /// This console's latest registration that has not been voided.
    func lastRegistration() throws -> GateEvent?
    /// Stores a void of a registration and queues it; the registration's colour change is withdrawn locally.
    func void(_ event: GateEvent) throws
    /// Today's passes, refusals and registrations at this checkpoint.
    func todayCounts(at now: Date) throws -> TodayCounts
    /// The dead-letter list: at most `limit` events the central store refused for good, newest first.
    func rejectedEvents(limit: Int) throws -> [RejectedEvent]
    /// The trust list and the clock skew as of the last sync, to verify dynamic codes offline.
    func codeTrust() throws -> CodeTrust
    /// Whether this console holds a registration of `document` that the central store has not received yet.
    func hasUnsentRegistration(document: String) throws -> Bool
    /// The latest sync status; never blocks.
    func syncStatus() -> SyncStatus
}

/// Counts for the status line.
public struct TodayCounts: Equatable, Sendable {
    public var passed: Int
    public var refused: Int
    public var registered: Int

    public init(passed: Int = 0, refused: Int = 0, registered: Int = 0) {
        self.passed = passed
        self.refused = refused
        self.registered = registered
    }
}
