import Foundation
import HealthCode

/// One person's state as the central store's change feed hands it out, at its feed position.
public struct FeedChange: Equatable, Sendable {
    /// The feed position: every change to a person takes a new, higher number.
    public var seq: Int64
    public var record: PersonRecord
    /// The registration or void that made the last colour change, if a console's event did.
    public var changedBy: UUID?

    public init(seq: Int64, record: PersonRecord, changedBy: UUID? = nil) {
        self.seq = seq
        self.record = record
        self.changedBy = changedBy
    }
}

/// The central store's answer to an uploaded event: stored, now or earlier, at the store's own time;
/// or refused for good, with the reason.
public struct EventReceipt: Equatable, Sendable {
    public var eventID: UUID
    /// When the central store received the event first; a feed row changed at or after it reflects the event.
    public var receivedAt: Date?
    /// Why the store refused the event; it will refuse it again, so it leaves the queue.
    public var rejection: String?

    public init(eventID: UUID, receivedAt: Date) {
        self.eventID = eventID
        self.receivedAt = receivedAt
    }

    public init(eventID: UUID, rejection: String) {
        self.eventID = eventID
        self.rejection = rejection
    }
}

/// A position in a central store's change feed, in the store's own form; the cache keeps it as text.
public struct FeedCursor: Hashable, Sendable {
    public var token: String

    public init(_ token: String) { self.token = token }

    /// Before the first change: a first, full sync.
    public static let start = FeedCursor("")
}

/// One page of the change feed.
public struct FeedPage: Equatable, Sendable {
    public var changes: [FeedChange]
    /// Where the next page starts; it may move even when `changes` is empty.
    public var next: FeedCursor
    /// True when the page reached what the store has now: the pass may stop.
    public var atEnd: Bool

    public init(changes: [FeedChange], next: FeedCursor, atEnd: Bool) {
        self.changes = changes
        self.next = next
        self.atEnd = atEnd
    }
}

/// The JSON form of events kept in the outbox and sent to central.
public enum EventCoding {
    public static func encode(_ event: GateEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    public static func decode(_ text: String) throws -> GateEvent {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(GateEvent.self, from: Data(text.utf8))
    }
}
