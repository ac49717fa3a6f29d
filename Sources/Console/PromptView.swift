import Foundation
import HealthCode

/// The two bottom lines: the notice, and the input field with its prompt and the cursor.
extension Painter {
    mutating func notice(_ layout: Layout) {
        guard let notice = state.notice else { return }
        grid.put(text(of: notice), row: layout.noticeRow, col: 1, style: CellStyle(notice.role, bold: notice.role != .plain),
                 limit: layout.size.cols - 2)
    }

    mutating func prompt(_ layout: Layout) {
        let hint = (state.sync.rejected > 0 ? strings.text("prompt.rejected") + "  " : "") + strings.text("prompt.help")
        let hintCol = layout.size.cols - CharacterWidth.of(hint) - 1
        grid.put(hint, row: layout.promptRow, col: hintCol, style: CellStyle(.dim))
        let (label, field): (String, String)
        switch state.mode {
        case .scan:
            let key = switch state.check {
            case .some(let check) where check.awaitsConfirmation: "prompt.confirm"
            case .some(let check) where !check.closed: "prompt.reading"
            default: "prompt.scan"
            }
            (label, field) = (strings.text(key), state.input)
        case .pick:
            (label, field) = (strings.text("prompt.pick"), state.input)
        case .correction(let correction):
            (label, field) = (strings.text("prompt.note"), correction.note)
        }
        let start = grid.put(label + " > ", row: layout.promptRow, col: 1, style: CellStyle(bold: true))
        let room = hintCol - 1 - start
        let shown = String(field.reversed().reduce(into: "") { kept, character in
            if CharacterWidth.of(kept) + CharacterWidth.of(character) < room { kept.append(character) }
        }.reversed())
        let end = grid.put(shown, row: layout.promptRow, col: start, limit: room)
        grid.cursor = Position(row: layout.promptRow, col: end)
    }

    /// The notice in words.
    private func text(of notice: Notice) -> String {
        switch notice {
        case .rejectedScan(let problem, let input):
            return strings.text("notice.rejected_input", ["problem": strings.problem(problem), "input": input])
        case .rejectedReading(let problem):
            return strings.problem(problem)
        case .remeasure:
            return strings.text("notice.remeasure")
        case .registered(let from, let to) where from == to:
            return strings.text("notice.registered_kept", ["colour": strings.colour(from)])
        case .registered(let from, let to):
            return strings.text("notice.registered", ["from": strings.colour(from), "to": strings.colour(to)])
        case .noOpenCheck:
            return strings.text("notice.no_open_check")
        case .readingAwaited:
            return strings.text("notice.reading_awaited")
        case .nothingToVoid:
            return strings.text("notice.nothing_to_void")
        case .correctionNoteRequired:
            return strings.text("notice.correction_note_required")
        case .correctionCancelled:
            return strings.text("notice.correction_cancelled")
        case .correctionCancelledByScan:
            return strings.text("notice.correction_cancelled_by_scan")
        case .unrecordedOnQuit(let failure, let count):
            return strings.text("notice.unrecorded_on_quit", ["count": String(count), "detail": failure.detail])
        case .voided(let document):
            return strings.text("notice.voided", ["document": document])
        case .demoBuilt(let people):
            return strings.text("notice.demo_built", ["count": String(people)])
        case .failure(let failure):
            return strings.text("notice.failure", ["operation": strings.text("operation.\(failure.operation.rawValue)"),
                                                   "detail": failure.detail])
        }
    }
}
