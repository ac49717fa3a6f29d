import Foundation
import HealthCode

/// The dead-letter list (F3) in a box over the screen: time, kind, masked document and the store's reason,
/// newest first, as many as fit, and how many more there are. Any key closes it.
extension Painter {
    mutating func rejectedList(_ list: [RejectedEvent]) {
        let width = min(grid.size.cols - 4, 100)
        let room = grid.size.rows - 8
        let total = list.count < ConsoleState.rejectedLimit ? list.count : max(state.sync.rejected, list.count)
        let shown = list.prefix(total > room ? room - 1 : room)
        var body = shown.isEmpty ? [(strings.text("rejected.empty"), CellStyle(.dim))] : rows(Array(shown), width: width - 5)
        if total > shown.count {
            body.append((strings.text("rejected.more", ["count": Painter.grouped(total - shown.count)]), CellStyle(.dim)))
        }
        let height = body.count + 6
        let top = max(0, (grid.size.rows - height) / 2)
        let left = max(0, (grid.size.cols - width) / 2)
        grid.fill(row: top, col: left, rows: height, cols: width, style: CellStyle(.highlight))
        grid.fill(row: top + 1, col: left + 1, rows: height - 2, cols: width - 2, style: .plain)
        grid.centre(strings.text("rejected.title"), row: top, col: left, width: width,
                    style: CellStyle(.highlight, bold: true))
        for (offset, line) in body.enumerated() {
            grid.put(line.0, row: top + 2 + offset, col: left + 3, style: line.1, limit: width - 5)
        }
        grid.centre(strings.text("help.close"), row: top + height - 3, col: left + 1, width: width - 2,
                    style: CellStyle(.dim))
    }

    /// One line per refused event, its columns aligned: `12:05  异常登记  4201**********1234  reason`.
    private func rows(_ list: [RejectedEvent], width: Int) -> [(String, CellStyle)] {
        let kinds: [GateEvent.Kind] = [.check, .registration, .void]
        let kindCols = (kinds.map { strings.text("kind.\($0.rawValue)") } + [strings.text("rejected.unreadable")])
            .map(CharacterWidth.of).max() ?? 0
        let documents = list.map { $0.event?.document.map(Masking.document) ?? "" }
        let documentCols = documents.map(CharacterWidth.of).max() ?? 0
        return zip(list, documents).map { entry, document in
            let kind = entry.event.map { strings.text("kind.\($0.kind.rawValue)") } ?? strings.text("rejected.unreadable")
            var reason = entry.reason.split(whereSeparator: \.isNewline).joined(separator: " ")
            if let key = entry.event?.document, !key.isEmpty {
                reason = reason.replacingOccurrences(of: key, with: document)
            }
            let line = [time.minute(entry.at), Painter.padded(kind, to: kindCols),
                        Painter.padded(document, to: documentCols), reason].joined(separator: "  ")
            return (CharacterWidth.clip(line, to: width), CellStyle(entry.event == nil ? .warning : .plain))
        }
    }
}
