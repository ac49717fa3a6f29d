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

extension Array where Element == FeedChange {
    /// The changes in document order, a person's later change after the earlier; as they are when
    /// already in that order (the sync's fetching thread sorts each page, so the applying thread need not).
    public func inDocumentOrder() -> [FeedChange] {
        if zip(self, dropFirst()).allSatisfy({ $0.record.document <= $1.record.document }) { return self }
        return indices.sorted { (self[$0].record.document, $0) < (self[$1].record.document, $1) }.map { self[$0] }
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

/// The JSON form of events kept in the outbox and sent to central: the object `JSONEncoder` makes of
/// a `GateEvent` (keys sorted, times in milliseconds, absent fields left out), written by hand since
/// every scan writes one and the reflective encoder took half of a scan's write.
public enum EventCoding {
    public static func encode(_ event: GateEvent) -> String {
        var json = JSONObjectWriter()
        json.number("at", event.at.timeIntervalSince1970 * 1000)
        json.string("checkpointID", event.checkpointID)
        json.string("colour", event.colour?.rawValue)
        json.raw("complete", event.complete ? "true" : "false")
        json.string("decision", event.decision?.rawValue)
        json.string("document", event.document)
        json.string("id", event.id.uuidString)
        json.string("kind", event.kind.rawValue)
        json.string("note", event.note)
        json.string("operatorName", event.operatorName)
        json.raw("readings", "[" + event.readings.map { "\(Double($0.tenths) / 10)" }.joined(separator: ",") + "]")
        json.raw("reasons", "[" + event.reasons.map { reason in
            var item = JSONObjectWriter()
            item.string("code", reason.code.rawValue)
            if let value = reason.value { item.raw("value", String(value)) }
            return item.text
        }.joined(separator: ",") + "]")
        json.string("voids", event.voids?.uuidString)
        return json.text
    }

    /// The event in `text`: read by hand in the shape `encode` writes, by `JSONDecoder` otherwise.
    public static func decode(_ text: String) throws -> GateEvent {
        if let event = EventReading.event(text) { return event }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(GateEvent.self, from: Data(text.utf8))
    }
}

/// Writes one JSON object, member by member in the order given; a nil value leaves its member out.
struct JSONObjectWriter {
    private var body = ""

    var text: String { "{" + body + "}" }

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        raw(key, Self.quoted(value))
    }

    mutating func number(_ key: String, _ value: Double) {
        raw(key, "\(value)")
    }

    mutating func raw(_ key: String, _ json: String) {
        if !body.isEmpty { body += "," }
        body += Self.quoted(key)
        body += ":"
        body += json
    }

    static func quoted(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
