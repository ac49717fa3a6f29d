/// One piece of the status line: its forms from longest to shortest (an empty form drops it) and its style.
struct StatusPart {
    /// What a piece tells; `StatusPart.fitted` gives way by kind.
    enum Kind: Equatable {
        case connection, running, progress, age, skew, rejected, backlog, counts
    }

    let kind: Kind
    let forms: [String]
    let style: CellStyle
    /// The form shown, an index into `forms`.
    var form = 0

    init(_ kind: Kind, _ forms: [String], style: CellStyle = .plain) {
        self.kind = kind
        self.forms = forms
        self.style = style
    }

    var text: String { forms[form] }

    /// Which piece gives way next while the line is too long: everything is shortened before anything
    /// is dropped, the day's counts go first, and the connection, the sync age (the staleness warning),
    /// the clock skew and the refused events are never dropped.
    static let giveWay: [Kind] = [.counts, .running, .progress, .skew, .rejected, .counts, .backlog]

    /// `parts` in the longest forms that fit in `width` columns, pieces two columns apart: they give way
    /// in turn until the line fits, then the room a late step left is given back, most important first.
    static func fitted(_ parts: [StatusPart], width: Int) -> [StatusPart] {
        var parts = parts
        for kind in giveWay where StatusPart.width(of: parts) > width {
            guard let index = parts.firstIndex(where: { $0.kind == kind && $0.form + 1 < $0.forms.count })
            else { continue }
            parts[index].form += 1
        }
        for kind in giveWay.reversed() {
            guard let index = parts.firstIndex(where: { $0.kind == kind && $0.form > 0 }) else { continue }
            var longer = parts
            longer[index].form -= 1
            if StatusPart.width(of: longer) <= width { parts = longer }
        }
        return parts.filter { !$0.text.isEmpty }
    }

    /// Columns the shown pieces take with two-column gaps between them.
    static func width(of parts: [StatusPart]) -> Int {
        let shown = parts.map(\.text).filter { !$0.isEmpty }
        return shown.map(CharacterWidth.of).reduce(0, +) + 2 * max(0, shown.count - 1)
    }
}
