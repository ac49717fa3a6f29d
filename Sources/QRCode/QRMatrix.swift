import CQRencode
import Glibc

/// A QR code symbol as a square of dark and light modules, row by row, without its quiet zone.
public struct QRMatrix: Equatable, Sendable {
    /// How much of the symbol may be damaged and still read: more correction makes a larger symbol.
    public enum ErrorCorrection: String, Sendable {
        /// About 7 % of the codewords.
        case low = "L"
        /// About 15 %: the usual choice for codes shown on a screen.
        case medium = "M"
        /// About 25 %.
        case quartile = "Q"
        /// About 30 %.
        case high = "H"
    }

    /// Modules per side: 21 for version 1, four more for every version up to 177 for version 40.
    public let size: Int
    /// `size * size` modules, row by row; true is dark.
    private let modules: [Bool]

    /// A matrix from its modules, row by row; `modules` holds `size * size` of them.
    init(size: Int, modules: [Bool]) {
        precondition(size >= 0 && modules.count == size * size, "a QR matrix needs size * size modules")
        self.size = size
        self.modules = modules
    }

    /// Whether the module at `row` and `column` (each in `0..<size`, from the top left) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        precondition((0..<size).contains(row) && (0..<size).contains(column), "module outside the QR matrix")
        return modules[row * size + column]
    }

    /// Encodes `text` (its UTF-8 bytes, case kept) in the smallest symbol that holds it at `level`.
    ///
    /// libqrencode picks numeric and alphanumeric segments where they are shorter and 8-bit bytes
    /// elsewhere, so a scanner reads back exactly `text`.
    /// - Throws: `QRCodeError` for an empty text, a NUL character, a text too long for any symbol at
    ///   `level`, or anything else libqrencode refuses.
    public static func encode(_ text: String, level: ErrorCorrection = .medium) throws -> QRMatrix {
        if text.isEmpty { throw QRCodeError.empty }
        // A C string ends at its first NUL: libqrencode would silently encode only what comes before.
        if let offset = text.utf8.firstIndex(of: 0) {
            throw QRCodeError.nulCharacter(offset: text.utf8.distance(from: text.utf8.startIndex, to: offset))
        }
        errno = 0
        let symbol = text.withCString { QRcode_encodeString($0, 0, level.qrecLevel, QR_MODE_8, 1) }
        guard let symbol else {
            let code = errno
            if code == ERANGE { throw QRCodeError.tooLong(bytes: text.utf8.count, level: level) }
            throw QRCodeError.refused(errno: code)
        }
        defer { QRcode_free(symbol) }
        let size = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour; the others say which pattern it belongs to.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: size * size)
        return QRMatrix(size: size, modules: bytes.map { $0 & 1 == 1 })
    }
}

extension QRMatrix.ErrorCorrection {
    /// libqrencode's name for the level.
    var qrecLevel: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}

/// A text that cannot become a QR code; one line, in plain ASCII.
public enum QRCodeError: Error, Equatable, CustomStringConvertible {
    case empty
    /// A NUL character at this UTF-8 byte offset.
    case nulCharacter(offset: Int)
    /// More than the largest symbol (version 40) holds at this level.
    case tooLong(bytes: Int, level: QRMatrix.ErrorCorrection)
    /// libqrencode refused for another reason, with the errno it set.
    case refused(errno: Int32)

    public var description: String {
        switch self {
        case .empty:
            "cannot make a QR code of an empty text"
        case .nulCharacter(let offset):
            "cannot make a QR code of a text with a NUL character (at byte \(offset))"
        case .tooLong(let bytes, let level):
            "the text is too long for a QR code at error correction level \(level.rawValue) (\(bytes) bytes)"
        case .refused(let code):
            "libqrencode refused the text: \(String(cString: strerror(code)))"
        }
    }
}
