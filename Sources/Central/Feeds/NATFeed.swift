import Foundation
import HealthCode

/// The laboratories' nucleic-acid test feed: one row per test.
public enum NATFeed {
    public static let columns = ["document", "sampled_at", "reported_at", "result", "institution"]
    /// The header row, without its line break.
    public static let header = columns.joined(separator: ",")

    /// Reads a test file; a document may have several rows (several tests).
    public static func parse(_ data: Data, today: CivilDate) -> FeedParse<NATRow> {
        let table = FeedTable.read(data, columns: columns) { record in row(&record, today: today) }
        return FeedParse(rows: table.rows.map(\.row), problems: table.problems)
    }

    /// A row written back in this feed's column order, with times in `timeZone`'s offset.
    public static func line(_ row: NATRow, in timeZone: TimeZone) -> String {
        CSVWriter.line([row.document, FeedTime.format(row.nat.sampledAt, in: timeZone),
                        row.nat.reportedAt.map { FeedTime.format($0, in: timeZone) } ?? "",
                        row.nat.outcome.rawValue, row.nat.institution])
    }

    static func row(_ record: inout FeedRecord, today: CivilDate) -> NATRow? {
        let document = record.document("document", today: today)
        let sampledAt = record.time("sampled_at")
        let outcome = self.outcome(&record)
        let reportedText = record.text("reported_at")
        let reportedAt = reportedText.isEmpty ? nil : record.time("reported_at", reportedText)
        switch (outcome, reportedText.isEmpty) {
        case (.pending, false): record.report("reported_at", "must be empty while the result is pending")
        case (.negative, true), (.positive, true): record.report("reported_at", "is empty; only a pending result has no report time")
        default: break
        }
        if let sampledAt, let reportedAt, reportedAt < sampledAt {
            record.report("reported_at", "is before sampled_at")
        }
        guard record.problems.isEmpty, let document, let sampledAt, let outcome else { return nil }
        return NATRow(document: document, nat: NATResult(
            sampledAt: sampledAt, reportedAt: reportedAt, outcome: outcome, institution: record.text("institution")))
    }

    static func outcome(_ record: inout FeedRecord) -> NATResult.Outcome? {
        guard record.required("result") != nil else { return nil }
        guard let outcome = NATResult.Outcome(text: record.text("result")) else {
            record.report("result", "\(record.echo("result")) is not negative, positive or pending")
            return nil
        }
        return outcome
    }
}
