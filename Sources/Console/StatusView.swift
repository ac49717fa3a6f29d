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

    /// Connection, first-sync progress, sync age, clock skew, refused events, backlog and today's counts,
    /// shortened or dropped by priority when the line is short.
    mutating func statusLine(_ layout: Layout) {
        let width = layout.size.cols - 2
        let pieces = StatusPart.fitted(statusParts(), width: width).map { ($0.text, $0.style) }
        segments(pieces, row: layout.statusRow, col: 1, limit: width)
    }

    /// Every piece the sync status and the counts call for, in the order shown.
    private func statusParts() -> [StatusPart] {
        let sync = state.sync
        let warning = CellStyle(.warning, bold: true)
        /// A piece with a full and a short form, both from the table.
        func shortened(_ kind: StatusPart.Kind, _ key: String, _ values: [String: String],
                       style: CellStyle) -> StatusPart {
            StatusPart(kind, [strings.text(key, values), strings.text(key + "_short", values)], style: style)
        }
        var parts: [StatusPart] = []
        switch sync.online {
        case .some(true): parts.append(StatusPart(.connection, [strings.text("sync.online")], style: CellStyle(bold: true)))
        case .some(false):
            parts.append(StatusPart(.connection, [strings.text("sync.offline")],
                                    style: CellStyle(.warning, bold: true, reverse: true)))
        case .none where sync.lastSuccessAt != nil:
            parts.append(StatusPart(.connection, [strings.text("sync.connecting")]))
        case .none: parts.append(StatusPart(.connection, [strings.text("sync.never")], style: warning))
        }
        if let progress = sync.firstSyncProgress {
            parts.append(shortened(.progress, "sync.first_sync", ["count": Painter.grouped(progress)],
                                   style: CellStyle(bold: true)))
        } else if sync.running {
            parts.append(StatusPart(.running, [strings.text("sync.running"), ""]))
        }
        if let last = sync.lastSuccessAt {
            let age = max(0, state.now.timeIntervalSince(last))
            parts.append(StatusPart(.age, [syncAge(seconds: age)], style: age > Painter.staleSyncSeconds ? warning : .plain))
        }
        if let skew = sync.clockSkew, sync.clockSkewed {
            let minutes = (skew < 0 ? "-" : "+") + String(Int((abs(skew) / 60).rounded()))
            parts.append(shortened(.skew, "sync.skew", ["minutes": minutes], style: warning))
        }
        if sync.rejected > 0 {
            parts.append(shortened(.rejected, "sync.rejected", ["count": Painter.grouped(sync.rejected)], style: warning))
        }
        parts.append(StatusPart(.backlog, [strings.text("sync.backlog", ["count": Painter.grouped(sync.backlog)]), ""],
                                style: sync.backlog > 0 ? CellStyle(.warning) : .plain))
        let counts = [
            "passed": String(state.counts.passed),
            "refused": String(state.counts.refused),
            "registered": String(state.counts.registered),
        ]
        let today = [strings.text("counts.today", counts), strings.text("counts.today_short", counts), ""]
        parts.append(StatusPart(.counts, today))
        return parts
    }

    /// `120,000`: digits grouped by three, the same in every language.
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
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
