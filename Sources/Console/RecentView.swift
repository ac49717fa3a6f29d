import Foundation

/// The recent-checks panel on the right: time, masked name, colour word and decision (or 未完成), newest first.
extension Painter {
    mutating func recentPanel(_ layout: Layout) {
        for row in layout.bodyTop..<layout.noticeRow {
            grid.put("|", row: row, col: layout.mainCols, style: CellStyle(.dim))
        }
        let col = layout.panelCol + 1
        let width = layout.panelCols - 1
        grid.put(strings.text("recent.title"), row: layout.bodyTop, col: col, style: CellStyle(bold: true), limit: width)
        guard !state.recent.isEmpty else {
            grid.put(strings.text("recent.empty"), row: layout.bodyTop + 1, col: col, style: CellStyle(.dim), limit: width)
            return
        }
        let rows = layout.noticeRow - layout.bodyTop - 1
        let nameCols = layout.panelCols >= 36 ? 10 : 6
        for (offset, entry) in state.recent.prefix(rows).enumerated() {
            let row = layout.bodyTop + 1 + offset
            var column = grid.put(time.minute(entry.at) + " ", row: row, col: col, style: CellStyle(.dim), limit: width)
            column = grid.put(Painter.padded(entry.name, to: nameCols) + " ", row: row, col: column,
                              limit: col + width - column)
            column = entry.codeRefused
                ? grid.put(strings.text("recent.code_refused"), row: row, col: column, style: CellStyle(.warning),
                           limit: col + width - column)
                : grid.put(strings.colour(entry.colour), row: row, col: column,
                           style: CellStyle(entry.colour.blockRole), limit: col + width - column)
            let decision = entry.complete ? strings.decision(entry.decision) : strings.text("recent.incomplete")
            grid.put(" " + decision, row: row, col: column,
                     style: entry.complete && entry.decision == .pass ? .plain : CellStyle(.warning),
                     limit: col + width - column)
        }
    }
}
