import Foundation
import HealthCode

/// The header bar (title, checkpoint, operator, clock) and the sync and counts line under it.
extension Painter {
    /// How old a last successful sync may be before the status line warns.
    static let staleSyncSeconds: TimeInterval = 600

    mutating func header(_ layout: Layout) {
        let bar = CellStyle(.statusBar)
        grid.fill(row: layout.headerRow, col: 0, rows: 1, cols: layout.size.cols, style: bar)
        let clock = time.clock(state.now)
        let clockCol = layout.size.cols - CharacterWidth.of(clock) - 1
        grid.put(clock, row: layout.headerRow, col: clockCol, style: CellStyle(.statusBar, bold: true))
        segments([
            (strings.text("app.title"), CellStyle(.statusBar, bold: true)),
            (state.checkpoint.name, bar),
            (strings.text("header.operator", ["name": state.operatorName]), bar),
        ], row: layout.headerRow, col: 1, limit: clockCol - 2)
    }

    mutating func statusLine(_ layout: Layout) {
        let sync = state.sync
        var pieces: [(String, CellStyle)] = []
        switch sync.online {
        case .some(true): pieces.append((strings.text("sync.online"), CellStyle(bold: true)))
        case .some(false): pieces.append((strings.text("sync.offline"), CellStyle(.warning, bold: true, reverse: true)))
        case .none: pieces.append((strings.text("sync.never"), CellStyle(.warning, bold: true)))
        }
        if sync.running { pieces.append((strings.text("sync.running"), .plain)) }
        if let last = sync.lastSuccessAt {
            let age = max(0, state.now.timeIntervalSince(last))
            let style = age > Painter.staleSyncSeconds ? CellStyle(.warning, bold: true) : CellStyle.plain
            pieces.append((syncAge(seconds: age), style))
        }
        pieces.append((strings.text("sync.backlog", ["count": String(sync.backlog)]),
                       sync.backlog > 0 ? CellStyle(.warning) : .plain))
        pieces.append((strings.text("counts.today", [
            "passed": String(state.counts.passed),
            "refused": String(state.counts.refused),
            "registered": String(state.counts.registered),
        ]), .plain))
        segments(pieces, row: layout.statusRow, col: 1, limit: layout.size.cols - 2)
    }

    /// "3 分钟前同步".
    private func syncAge(seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 1 { return strings.text("sync.age_now") }
        if minutes < 60 { return strings.text("sync.age_minutes", ["minutes": String(minutes)]) }
        if minutes < 48 * 60 { return strings.text("sync.age_hours", ["hours": String(minutes / 60)]) }
        return strings.text("sync.age_days", ["days": String(minutes / (24 * 60))])
    }
}
