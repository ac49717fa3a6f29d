import Foundation

/// Reads a feed file with a fixed set of columns into rows, one `FeedRecord` at a time.
enum FeedTable {
    /// Every row `makeRow` accepted, with its line, and every problem in the file, in line order.
    static func read<Row>(_ data: Data, columns: [String],
                          makeRow: (inout FeedRecord) -> Row?) -> (rows: [(line: Int, row: Row)], problems: [FeedProblem]) {
        let bytes: [UInt8]
        switch CSVText.bytes(of: data) {
        case .success(let text): bytes = text
        case .failure(let problem): return ([], [problem])
        }
        var reader = CSVReader(bytes: bytes)
        var header: FeedHeader?
        var rows: [(line: Int, row: Row)] = []
        var problems: [FeedProblem] = []
        var blankLines: [Int] = []
        while let item = reader.next() {
            switch item {
            case .malformed(let problem) where header == nil:
                return ([], [problem, FeedProblem(line: problem.line, message: "header: cannot be read")])
            case .malformed(let problem):
                problems.append(problem)
            case .record(let line, let fields) where fields == [""]:
                blankLines.append(line)
            case .record(let line, let fields):
                problems += blankLines.map { FeedProblem(line: $0, message: "an empty line inside the file") }
                blankLines.removeAll()
                guard let header else {
                    switch FeedHeader.read(fields, columns: columns, line: line) {
                    case .success(let read): header = read
                    case .failure(let problem): return ([], [problem])
                    }
                    continue
                }
                guard fields.count == columns.count else {
                    problems.append(FeedProblem(
                        line: line, message: "expected \(columns.count) fields, found \(fields.count)"))
                    continue
                }
                var record = FeedRecord(line: line, fields: fields, header: header)
                let row = makeRow(&record)
                problems += record.problems
                if let row, record.problems.isEmpty { rows.append((line, row)) }
            }
        }
        if header == nil, problems.isEmpty {
            problems.append(FeedProblem(line: 1, message: "header: the file is empty; expected " + columns.joined(separator: ",")))
        }
        return (rows, problems)
    }
}

/// Where each expected column sits in a feed's header row.
struct FeedHeader {
    let positions: [String: Int]

    /// The header when it names exactly `columns`, in any order (white space around a name is ignored);
    /// otherwise one problem saying what is wrong.
    static func read(_ cells: [String], columns: [String], line: Int) -> Result<FeedHeader, FeedProblem> {
        let fields = cells.map(TextFormat.trimmed)
        var positions: [String: Int] = [:]
        var repeated: [String] = []
        for (index, name) in fields.enumerated() {
            if positions[name] == nil { positions[name] = index } else if columns.contains(name) { repeated.append(name) }
        }
        let missing = columns.filter { positions[$0] == nil }
        let unknown = fields.filter { !columns.contains($0) }
        let shown = unknown.filter(looksLikeColumnName)
        var unknownText = shown.joined(separator: ", ")
        if shown.count < unknown.count {
            unknownText += (shown.isEmpty ? "" : " and ") + "\(unknown.count - shown.count) that are not column names"
        }
        guard !missing.isEmpty || !unknown.isEmpty || !repeated.isEmpty else {
            return .success(FeedHeader(positions: positions))
        }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
        if !unknown.isEmpty { parts.append("unknown " + unknownText) }
        if !repeated.isEmpty { parts.append("repeated " + repeated.joined(separator: ", ")) }
        let message = "header: " + parts.joined(separator: "; ") + "; expected the columns " + columns.joined(separator: ",")
        return .failure(FeedProblem(line: line, message: message))
    }

    /// Whether a header cell can be echoed in a message: short, ASCII letters and underscores only,
    /// so never data such as an ID, passport or phone number.
    static func looksLikeColumnName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        return !scalars.isEmpty && scalars.count <= 30
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }
    }
}
