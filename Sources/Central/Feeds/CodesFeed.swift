import Foundation
import HealthCode

/// The authority's codes feed: one row per person with the colour it assigned.
public enum CodesFeed {
    public static let columns = ["document", "name", "phone", "colour", "reason", "updated_at"]
    /// The header row, without its line break.
    public static let header = columns.joined(separator: ",")

    /// Reads a codes file; a document on more than one row is reported and none of its rows is kept.
    public static func parse(_ data: Data, today: CivilDate) -> FeedParse<CodeRow> {
        var linesByDocument: [String: [Int]] = [:]
        let table = FeedTable.read(data, columns: columns) { record in
            let document = record.document("document", today: today)
            if let document { linesByDocument[document, default: []].append(record.line) }
            return row(&record, document: document)
        }
        var problems = table.problems
        for lines in linesByDocument.values where lines.count > 1 {
            let list = lines.map(String.init).joined(separator: ", ")
            problems.append(FeedProblem(
                line: lines[0],
                message: "document: the same document is on lines \(list); ambiguous, none of these rows is kept"))
        }
        let rows = table.rows.lazy.filter { linesByDocument[$0.row.document]?.count == 1 }.map(\.row)
        return FeedParse(rows: Array(rows), problems: problems.sortedByLine())
    }

    /// A row written back in this feed's column order, with times in `timeZone`'s offset.
    public static func line(_ row: CodeRow, in timeZone: TimeZone) -> String {
        CSVWriter.line([row.document, row.nameMasked, row.phone ?? "", row.colour.rawValue, row.reason,
                        FeedTime.format(row.updatedAt, in: timeZone)])
    }

    /// The row, once `document` has been read; nil when any field has a problem.
    static func row(_ record: inout FeedRecord, document: String?) -> CodeRow? {
        let name = record.required("name")
        let phone = self.phone(&record)
        let colour = self.colour(&record)
        let updatedAt = record.time("updated_at")
        guard record.problems.isEmpty, let document, let name, let colour, let updatedAt else { return nil }
        return CodeRow(document: document, nameMasked: Masking.name(name), phone: phone, colour: colour,
                       reason: record.text("reason"), updatedAt: updatedAt)
    }

    /// The normalised phone; nil when empty, or (with a problem) when it is not a mobile number.
    static func phone(_ record: inout FeedRecord) -> String? {
        let raw = record.text("phone")
        guard !raw.isEmpty else { return nil }
        let number = Normalization.document(raw)
        guard number.count == 11, number.first == "1", number.allSatisfy({ ("0"..."9").contains($0) }) else {
            record.report("phone", "must be an 11-digit mobile number starting with 1, or empty")
            return nil
        }
        return number
    }

    static func colour(_ record: inout FeedRecord) -> CodeColour? {
        guard record.required("colour") != nil else { return nil }
        guard let colour = CodeColour(text: record.text("colour")) else {
            record.report("colour", "\(record.echo("colour")) is not green, yellow or red")
            return nil
        }
        return colour
    }
}
