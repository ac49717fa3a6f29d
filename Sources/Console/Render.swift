import Foundation

/// Draws the whole screen for `state` at `size`. Pure: the same state, size and strings give the same grid.
public func render(_ state: ConsoleState, size: Size, strings: Strings) -> Grid {
    var painter = Painter(size: size, state: state, strings: strings)
    guard size.fits else {
        painter.tooSmall()
        return painter.grid
    }
    let layout = Layout(size: size)
    painter.header(layout)
    painter.statusLine(layout)
    switch state.mode {
    case .scan: painter.result(layout)
    case .pick(let list): painter.pickList(list, layout: layout)
    case .correction(let correction): painter.correction(correction, layout: layout)
    }
    painter.recentPanel(layout)
    painter.notice(layout)
    painter.prompt(layout)
    if let list = state.rejectedList { painter.rejectedList(list) }
    if state.showsHelp { painter.help() }
    return painter.grid
}

/// Where each part of the screen goes at a given size; bigger screens get a bigger block and more rows.
struct Layout {
    let size: Size
    let headerRow = 0
    let statusRow = 1
    let bodyTop = 2
    let bodyRows: Int
    let mainCols: Int
    let panelCol: Int
    let panelCols: Int
    let blockRows: Int
    let noticeRow: Int
    let promptRow: Int

    init(size: Size) {
        self.size = size
        bodyRows = size.rows - 4
        panelCols = size.cols >= 120 ? 36 : 28
        mainCols = size.cols - panelCols - 1
        panelCol = mainCols + 1
        blockRows = min(bodyRows - 10, max(5, bodyRows * 2 / 5))
        noticeRow = size.rows - 2
        promptRow = size.rows - 1
    }
}

extension Painter {
    /// The whole screen is a message that it is too small.
    mutating func tooSmall() {
        let size = grid.size
        guard size.rows > 0, size.cols > 0 else { return }
        let message = strings.text("screen.too_small", ["cols": String(size.cols), "rows": String(size.rows)])
        var lines: [String] = []
        var rest = message
        while !rest.isEmpty {
            let line = CharacterWidth.clip(rest, to: size.cols)
            guard !line.isEmpty else { break }
            lines.append(line)
            rest.removeFirst(line.count)
        }
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            grid.centre(line, row: top + offset, col: 0, width: size.cols, style: CellStyle(.warning, bold: true))
        }
    }
}
