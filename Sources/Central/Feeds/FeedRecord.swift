import Foundation
import HealthCode

/// One data row of a feed, read column by column; each bad field adds a problem naming its column.
struct FeedRecord {
    let line: Int
    /// The fields, trimmed of surrounding white space.
    let fields: [String]
    let header: FeedHeader
    private(set) var problems: [FeedProblem] = []

    init(line: Int, fields: [String], header: FeedHeader) {
        self.line = line
        self.fields = fields.map(TextFormat.trimmed)
        self.header = header
    }

    /// The column's text, trimmed of surrounding white space.
    func text(_ column: String) -> String {
        guard let index = header.positions[column], fields.indices.contains(index) else { return "" }
        return fields[index]
    }

    mutating func report(_ column: String, _ message: String) {
        problems.append(FeedProblem(line: line, message: column + ": " + message))
    }

    /// The column's text, or nil with a problem when it is empty.
    mutating func required(_ column: String) -> String? {
        let value = text(column)
        if value.isEmpty { report(column, "is empty") }
        return value.isEmpty ? nil : value
    }

    /// The canonical key of the document in the column.
    mutating func document(_ column: String, today: CivilDate) -> String? {
        guard let raw = required(column) else { return nil }
        switch Document.parse(raw, today: today) {
        case .success(let document): return document.key
        case .failure(let problem):
            report(column, FeedMessages.describe(problem))
            return nil
        }
    }

    /// The time in the column, which must carry a UTC offset.
    mutating func time(_ column: String) -> Date? {
        guard let raw = required(column) else { return nil }
        return time(column, raw)
    }

    /// The time in `raw`, reported against the column when it is not one.
    mutating func time(_ column: String, _ raw: String) -> Date? {
        switch FeedTime.parse(raw) {
        case .success(let date): return date
        case .failure(let problem):
            report(column, problem.message)
            return nil
        }
    }

    /// The field in quotes, if it is short and has no digits (so never part of an ID or a phone), for a message about a value from a closed list.
    func echo(_ column: String) -> String {
        let value = text(column)
        guard value.count <= 12, !value.contains(where: \.isNumber) else { return "the value" }
        return "\"" + value + "\""
    }
}
