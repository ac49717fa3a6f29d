import Foundation
import HealthCode

/// Reads an outbox event's JSON by hand: every sync pass reads back each queued event, and Foundation's
/// reflective decoder took half of a push. Reads exactly what `JSONDecoder` would; anything it does not
/// expect, it leaves to `JSONDecoder` (see `EventCoding.decode`).
enum EventReading {
    /// The event in `text`, or nil when the text is not the plain shape `EventCoding.encode` writes.
    static func event(_ text: String) -> GateEvent? {
        var parser = JSONParser(Array(text.utf8))
        guard case .object(let members)? = parser.document(),
              let id = members["id"]?.string.flatMap(UUID.init(uuidString:)),
              let kind = members["kind"]?.string.flatMap(GateEvent.Kind.init(rawValue:)),
              let checkpoint = members["checkpointID"]?.string,
              let operatorName = members["operatorName"]?.string,
              let at = members["at"]?.number,
              case .bool(let complete)? = members["complete"],
              case .array(let readings)? = members["readings"],
              case .array(let reasons)? = members["reasons"]
        else { return nil }
        var event = GateEvent(id: id, kind: kind, checkpointID: checkpoint, operatorName: operatorName,
                              at: Date(timeIntervalSince1970: at / 1000), complete: complete)
        guard optional(members["document"], \.string, into: &event.document),
              optional(members["colour"], { $0.string.flatMap(CodeColour.init(rawValue:)) }, into: &event.colour),
              optional(members["decision"], { $0.string.flatMap(Verdict.Decision.init(rawValue:)) }, into: &event.decision),
              optional(members["note"], \.string, into: &event.note),
              optional(members["voids"], { $0.string.flatMap(UUID.init(uuidString:)) }, into: &event.voids)
        else { return nil }
        for reading in readings {
            guard let degrees = reading.number else { return nil }
            event.readings.append(Temperature(tenths: Int((degrees * 10).rounded())))
        }
        for reason in reasons {
            guard case .object(let fields) = reason, fields.keys.allSatisfy(["code", "value"].contains),
                  let code = fields["code"]?.string.flatMap(Reason.Code.init(rawValue:)) else { return nil }
            var value: Int?
            if let number = fields["value"], number != .null {
                guard let figure = number.number, let whole = Int(exactly: figure) else { return nil }
                value = whole
            }
            event.reasons.append(Reason(code, value: value))
        }
        return event
    }

    /// Reads an optional member into `field`: true when absent, null or read; false when present but unreadable.
    private static func optional<T>(_ value: JSONValue?, _ read: (JSONValue) -> T?, into field: inout T?) -> Bool {
        guard let value, value != .null else { return true }
        guard let read = read(value) else { return false }
        field = read
        return true
    }
}

/// A JSON value, as far as an outbox event needs one.
enum JSONValue: Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
}

/// A strict, small JSON parser over UTF-8 bytes (RFC 8259); nil for anything malformed.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The one value the text holds, with nothing but whitespace after it.
    mutating func document() -> JSONValue? {
        guard let value = value() else { return nil }
        skipSpace()
        return index == bytes.count ? value : nil
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object() -> JSONValue? {
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")), let value = value(), members[key] == nil else { return nil }
            members[key] = value
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(members) : nil
    }

    private mutating func array() -> JSONValue? {
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            guard let element = value() else { return nil }
            elements.append(element)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(elements) : nil
    }

    private mutating func string() -> String? {
        index += 1
        var text = ""
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                guard let escaped = escape() else { return nil }
                text.unicodeScalars.append(escaped)
                start = index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The scalar a backslash escape stands for, with a surrogate pair read as one.
    private mutating func escape() -> Unicode.Scalar? {
        index += 1
        guard index < bytes.count else { return nil }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let high = hex4() else { return nil }
            guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return value
    }

    private mutating func number() -> JSONValue? {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
        return .number(value)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            return nil
        }
        index += expected.count
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }
}
