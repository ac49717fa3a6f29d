import Foundation

/// A parameter sent to PostgreSQL in text format, or a field of a `COPY` row.
public enum PostgresValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    case null
    /// Sent untyped, so the server gives it the type the statement needs (text, uuid, jsonb, …).
    case text(String)
    /// Sent as `bigint`.
    case integer(Int64)
    /// Sent as `boolean`.
    case bool(Bool)
    /// Sent as `timestamptz` in ISO 8601 with an explicit UTC offset, to the millisecond.
    case date(Date)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }

    public init(_ value: String?) { self = value.map(PostgresValue.text) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map(PostgresValue.integer) ?? .null }
    public init(_ value: Bool?) { self = value.map(PostgresValue.bool) ?? .null }
    public init(_ value: Date?) { self = value.map(PostgresValue.date) ?? .null }

    /// A one-dimensional array in PostgreSQL's text form, each element quoted; nil elements are NULL.
    /// The statement casts it (`$1::uuid[]`).
    public static func array(_ items: [String?]) -> PostgresValue {
        var text: [UInt8] = [UInt8(ascii: "{")]
        text.reserveCapacity(items.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (position, item) in items.enumerated() {
            if position > 0 { text.append(UInt8(ascii: ",")) }
            guard let item else {
                text.append(contentsOf: "NULL".utf8)
                continue
            }
            // One pass over the bytes: `"` and `\` never occur inside a multi-byte UTF-8 sequence.
            text.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { text.append(UInt8(ascii: "\\")) }
                text.append(byte)
            }
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: "}"))
        return .text(String(decoding: text, as: UTF8.self))
    }

    /// The text PostgreSQL parses, or nil for NULL.
    var text: String? {
        switch self {
        case .null: nil
        case .text(let text): text
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): PostgresTime.text(date)
        }
    }

    /// The type OID announced for the parameter; 0 lets the server infer it.
    var typeOID: UInt32 {
        switch self {
        case .null, .text: 0
        case .integer: 20
        case .bool: 16
        case .date: 1184
        }
    }
}
