/// What a feed file yielded: the rows that could be read and every problem found.
public struct FeedParse<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var problems: [FeedProblem]

    public init(rows: [Row] = [], problems: [FeedProblem] = []) {
        self.rows = rows
        self.problems = problems
    }
}

/// One thing wrong in a feed file, at the physical line where its record starts.
public struct FeedProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    /// English, naming the column where there is one: `document: check character is wrong`.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 7: document: check character is wrong`.
    public var description: String { "line \(line): \(message)" }
}
