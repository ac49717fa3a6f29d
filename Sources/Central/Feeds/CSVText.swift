import Foundation

/// The bytes of a CSV file checked to be UTF-8, without a leading byte order mark.
enum CSVText {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The file's bytes, or a problem naming the line of the first byte that is not UTF-8.
    static func bytes(of data: Data) -> Result<[UInt8], FeedProblem> {
        var bytes = [UInt8](data)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(byteOrderMark.count) }
        if let bad = firstInvalidOffset(bytes) {
            let line = 1 + bytes[..<bad].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            return .failure(FeedProblem(line: line, message: "the file is not valid UTF-8; save it as UTF-8"))
        }
        return .success(bytes)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
