/// Reads RFC 4180 records from UTF-8 bytes, one at a time, with the line each starts on.
///
/// Records end at CRLF, LF or a lone CR; a quoted field may hold commas, doubled quotes and
/// line breaks. A record with broken quoting is reported and skipped to the end of its line.
struct CSVReader: Sequence, IteratorProtocol {
    /// A record's fields and its first physical line, or why the record could not be read.
    enum Item: Equatable {
        case record(line: Int, fields: [String])
        case malformed(FeedProblem)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Item? {
        guard position < bytes.count else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            if let problem = readField(into: &field) {
                skipToLineEnd()
                return .malformed(FeedProblem(line: start, message: problem))
            }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            guard position < bytes.count else { return .record(line: start, fields: fields) }
            if bytes[position] == Self.comma {
                position += 1
                continue
            }
            consumeLineBreak()
            return .record(line: start, fields: fields)
        }
    }

    /// Reads one field up to (not past) the comma or line break after it; returns a problem if the quoting is broken.
    private mutating func readField(into field: inout [UInt8]) -> String? {
        guard position < bytes.count, bytes[position] == Self.quote else {
            while position < bytes.count, !isSeparator(bytes[position]) {
                if bytes[position] == Self.quote {
                    return "a quote inside a field that does not start with one (quote the field and double the quote)"
                }
                field.append(bytes[position])
                position += 1
            }
            return nil
        }
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    field.append(Self.quote)
                    position += 2
                    continue
                }
                position += 1
                guard position == bytes.count || isSeparator(bytes[position]) else {
                    return "text after the closing quote of a field"
                }
                return nil
            }
            if isLineBreak(at: position) { line += 1 }
            field.append(byte)
            position += 1
        }
        return "a quoted field is not closed before the end of the file"
    }

    private func isSeparator(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.cr || byte == Self.lf
    }

    /// Whether the byte at `index` ends a physical line (an LF, or a CR not followed by LF).
    private func isLineBreak(at index: Int) -> Bool {
        switch bytes[index] {
        case Self.lf: true
        case Self.cr: index + 1 == bytes.count || bytes[index + 1] != Self.lf
        default: false
        }
    }

    /// Steps over the CRLF, LF or CR at the current position, if any.
    private mutating func consumeLineBreak() {
        guard position < bytes.count else { return }
        let crlf = bytes[position] == Self.cr && position + 1 < bytes.count && bytes[position + 1] == Self.lf
        position += crlf ? 2 : 1
        line += 1
    }

    private mutating func skipToLineEnd() {
        while position < bytes.count, bytes[position] != Self.cr, bytes[position] != Self.lf {
            position += 1
        }
        consumeLineBreak()
    }
}
