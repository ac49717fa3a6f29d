import Foundation
import HealthCode

/// The views that take over the main area (pick list, correction) or the whole screen (help).
extension Painter {
    /// Everyone registered under one proxy phone, numbered 1–9, the selection reversed.
    mutating func pickList(_ list: PickList, layout: Layout) {
        let width = layout.mainCols - 2
        grid.put(strings.text("pick.title", ["phone": Masking.phone(list.phone), "count": String(list.people.count)]),
                 row: layout.bodyTop, col: 1, style: CellStyle(bold: true), limit: width)
        grid.put(strings.text("pick.hint"), row: layout.bodyTop + 1, col: 1, style: CellStyle(.dim), limit: width)
        let rows = layout.noticeRow - layout.bodyTop - 3
        let first = max(0, list.selected - rows + 1)
        for (offset, index) in (first..<min(list.people.count, first + rows)).enumerated() {
            let row = layout.bodyTop + 3 + offset
            let record = list.people[index]
            let selected = index == list.selected
            let style = CellStyle(selected ? .highlight : .plain, bold: selected)
            if selected { grid.fill(row: row, col: 0, rows: 1, cols: layout.mainCols, style: style) }
            var facts = [index < 9 ? "\(index + 1)." : "  ", Masking.name(record.nameMasked)]
            if case .document(let document) = ScanInput.classify(record.document, today: state.today) {
                if let sex = document.sex { facts.append(strings.text("sex.\(sex.rawValue)")) }
                if let age = document.age(on: state.today) { facts.append(strings.text("label.age", ["age": String(age)])) }
            }
            facts.append(Masking.document(record.document))
            let column = grid.put(facts.joined(separator: "  ") + "  ", row: row, col: 1, style: style, limit: width)
            grid.put(record.colour.symbol + " " + strings.colour(record.colour), row: row, col: column,
                              style: CellStyle(record.colour.blockRole, bold: true), limit: width + 1 - column)
        }
    }

    /// The registration about to be voided (masked), and the reason being typed below.
    mutating func correction(_ correction: Correction, layout: Layout) {
        let registration = correction.registration
        let width = layout.mainCols - 2
        let name = correction.person.map { Masking.name($0.nameMasked) } ?? ""
        let lines: [(String, CellStyle)] = [
            (strings.text("correction.title"), CellStyle(.warning, bold: true)),
            ("", .plain),
            (strings.text("correction.person", ["name": name,
                                                "document": registration.document.map(Masking.document) ?? ""]), CellStyle(bold: true)),
            (strings.text("correction.when", ["time": time.dayAndMinute(registration.at),
                                              "colour": strings.colour(registration.colour ?? .unknown)]), .plain),
            (strings.text("correction.operator", ["name": registration.operatorName]), .plain),
            ("", .plain),
            (strings.text("correction.hint"), CellStyle(.dim)),
        ]
        for (offset, line) in lines.enumerated() {
            grid.put(line.0, row: layout.bodyTop + offset, col: 1, style: line.1, limit: width)
        }
    }

    /// The key map in a box over the middle of the screen; any key closes it.
    mutating func help() {
        let keys = ["help.submit", "help.skip", "help.edit", "help.clear", "help.pick", "help.correction",
                    "help.rejected", "help.help", "help.quit"]
        let body = keys.map { strings.text($0) }
        let width = min(grid.size.cols - 4, max(40, (body.map(CharacterWidth.of).max() ?? 0) + 6))
        let height = body.count + 6
        let top = max(0, (grid.size.rows - height) / 2)
        let left = max(0, (grid.size.cols - width) / 2)
        let frame = CellStyle(.highlight)
        grid.fill(row: top, col: left, rows: height, cols: width, style: frame)
        grid.fill(row: top + 1, col: left + 1, rows: height - 2, cols: width - 2, style: .plain)
        grid.centre(strings.text("help.title"), row: top, col: left, width: width, style: CellStyle(.highlight, bold: true))
        for (offset, line) in body.enumerated() {
            grid.put(line, row: top + 2 + offset, col: left + 3, limit: width - 5)
        }
        grid.centre(strings.text("help.close"), row: top + height - 3, col: left + 1, width: width - 2, style: CellStyle(.dim))
    }
}
