/// Problems in the order of the lines they are on, problems on one line in the order found.
extension Array where Element == FeedProblem {
    func sortedByLine() -> [FeedProblem] {
        enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
