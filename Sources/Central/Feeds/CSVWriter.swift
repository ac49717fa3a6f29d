import Foundation

/// Writes CSV records as RFC 4180 asks: a field is quoted when it holds a comma, a quote or a line break.
public enum CSVWriter {
    /// The line break RFC 4180 puts after each record; `line` does not add it.
    public static let newline = "\r\n"

    /// One record, without its line break.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
