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

/// The central store's answer to an uploaded event: stored (now or earlier), and where its effect stands in the feed.
public struct EventReceipt: Equatable, Sendable {
    public var eventID: UUID
    /// The feed position of the person's row once the event was applied; nil when it touched no person.
    public var feedSeq: Int64?
    /// When the central store received the event first.
    public var receivedAt: Date

    public init(eventID: UUID, feedSeq: Int64?, receivedAt: Date) {
        self.eventID = eventID
        self.feedSeq = feedSeq
        self.receivedAt = receivedAt
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
