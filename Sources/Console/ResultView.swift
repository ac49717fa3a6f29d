import Foundation
import HealthCode

/// The result area: the large colour block with word, symbol and decision, then the person, test, readings and reasons.
extension Painter {
    mutating func result(_ layout: Layout) {
        guard let check = state.check else {
            grid.fill(row: layout.bodyTop, col: 0, rows: layout.blockRows, cols: layout.mainCols, style: CellStyle(.idleBlock))
            grid.centre(strings.text("result.idle"), row: layout.bodyTop + layout.blockRows / 2, col: 0,
                        width: layout.mainCols, style: CellStyle(.idleBlock, bold: true))
            return
        }
        block(check, layout: layout)
        var lines = details(check)
        let top = layout.bodyTop + layout.blockRows + 1
        let room = layout.noticeRow - top
        if lines.count > room { lines = Array(lines.prefix(room)) }
        for (offset, line) in lines.enumerated() {
            segments(line, row: top + offset, col: 1, limit: layout.mainCols - 2)
        }
    }

    /// The colour block: symbol and word, the decision, 离线 when the miss may only be the cache's, and
    /// the call to confirm a pass on out-of-date data.
    private mutating func block(_ check: ScreenCheck, layout: Layout) {
        let role = check.colour.blockRole
        grid.fill(row: layout.bodyTop, col: 0, rows: layout.blockRows, cols: layout.mainCols, style: CellStyle(role))
        let symbol = check.colour.symbol
        var title = "\(symbol)  \(strings.colour(check.colour))  \(symbol)"
        if case .refused(let reason) = check.code { title = strings.reason(Reason(reason), rules: state.rules) }
        var rows = [title, strings.decision(check.verdict.decision)]
        if check.offline { rows.append(strings.text("sync.offline")) }
        if check.awaitsConfirmation { rows.append(strings.text("result.confirm")) }
        let top = layout.bodyTop + max(0, (layout.blockRows - rows.count * 2 + 1) / 2)
        for (index, text) in rows.enumerated() {
            grid.centre(text, row: top + index * 2, col: 0, width: layout.mainCols, style: CellStyle(role, bold: true))
        }
    }

    /// The lines under the block, most important first so a short screen cuts the least.
    private func details(_ check: ScreenCheck) -> [[(String, CellStyle)]] {
        let label = CellStyle(.dim)
        var lines: [[(String, CellStyle)]] = [[
            (strings.text("verdict.label"), label),
            (strings.decision(check.verdict.decision), CellStyle(bold: true)),
        ]]
        for reason in check.verdict.reasons {
            lines.append([("- " + strings.reason(reason, rules: state.rules), CellStyle(.warning))])
        }
        if check.closed && check.complete && check.verdict.needsConfirmation {
            lines.append([(strings.text("result.confirmed"), CellStyle(bold: true))])
        }
        if check.voided { lines.append([(strings.text("result.voided"), CellStyle(.warning, bold: true))]) }
        if state.checkUnrecorded { lines.append([(strings.text("result.unrecorded"), CellStyle(.error, bold: true))]) }
        if check.logged && !check.complete { lines.append([(strings.text("result.incomplete"), label)]) }
        if check.offline { lines.append([(strings.text("result.offline"), CellStyle(.warning, bold: true))]) }
        lines.append(person(check))
        if case .verified(let issuer, let foreign) = check.code {
            lines.append([
                (strings.text(foreign ? "code.foreign" : "code.signed"), foreign ? CellStyle(.warning, bold: true) : CellStyle(bold: true)),
                (strings.text("code.issuer", ["issuer": issuer]), CellStyle(.dim)),
            ])
        }
        guard let record = check.record else { return lines }
        if record.colour != .green && !record.reason.isEmpty {
            lines.append([(strings.text("label.authority_reason", ["reason": record.reason]), label)])
        }
        lines.append(contentsOf: test(record.nat, verdict: check.verdict))
        if !check.closed || !check.readings.isEmpty { lines.append(readings(check)) }
        return lines
    }

    /// Masked name, sex, age and masked document: enough to notice a code shown by the wrong person.
    private func person(_ check: ScreenCheck) -> [(String, CellStyle)] {
        var line: [(String, CellStyle)] = []
        if let record = check.record, !record.nameMasked.isEmpty {
            line.append((strings.text("label.name"), CellStyle(.dim)))
            line.append((Masking.name(record.nameMasked), CellStyle(bold: true)))
        }
        if let sex = check.sex { line.append((strings.text("sex.\(sex.rawValue)"), .plain)) }
        if let age = check.age { line.append((strings.text("label.age", ["age": String(age)]), .plain)) }
        if let document = check.document {
            line.append((strings.text("label.document"), CellStyle(.dim)))
            line.append((Masking.document(document), .plain))
        }
        return line
    }

    /// The latest test: outcome, its time and age on the basis the rule counts from, the institution,
    /// then whether it meets this checkpoint's rule.
    private func test(_ nat: NATResult?, verdict: Verdict) -> [[(String, CellStyle)]] {
        let label = (strings.text("nat.label"), CellStyle(.dim))
        let failing: Set<Reason.Code> = [.natMissing, .natTooOld, .natPositive, .natPending]
        let fails = verdict.reasons.contains { failing.contains($0.code) }
        let indent = (String(repeating: " ", count: CharacterWidth.of(label.0)), CellStyle.plain)
        let rules = state.rules
        var rule: [(String, CellStyle)] = [indent]
        if let max = rules.maxNATAgeHours {
            rule.append(fails ? (strings.text("nat.fails"), CellStyle(.warning, bold: true))
                              : (strings.text("nat.meets"), CellStyle(bold: true)))
            let key = rules.natAgeFrom == .report ? "nat.rule_report" : "nat.rule"
            rule.append((strings.text(key, ["max": String(max)]), CellStyle(.dim)))
        } else if fails {
            rule.append((strings.text("nat.fails"), CellStyle(.warning, bold: true)))
        } else {
            rule.append((strings.text("nat.not_required"), CellStyle(.dim)))
        }
        guard let nat else { return [[label, (strings.text("nat.none"), .plain)], rule] }
        let outcome = strings.text("nat.\(nat.outcome.rawValue)")
        let sampled = (strings.text("nat.sampled", ["time": time.dayAndMinute(nat.sampledAt)]), CellStyle.plain)
        let hours = max(0, nat.ageHours(at: state.now, from: rules.natAgeFrom))
        let age = (strings.text("nat.age", ["hours": String(hours)]), CellStyle.plain)
        var first = [label, (outcome, nat.outcome == .negative ? CellStyle(bold: true) : CellStyle(.warning, bold: true))]
        var second = [indent]
        if rules.natAgeFrom == .report, let reportedAt = nat.reportedAt {
            first += [(strings.text("nat.reported", ["time": time.dayAndMinute(reportedAt)]), .plain), age]
            second.append(sampled)
        } else {
            first += [sampled, age]
        }
        second.append((nat.institution, .plain))
        return [first, second, rule]
    }

    /// The readings taken, or what is still expected (nothing more once a pass only waits for confirming).
    private func readings(_ check: ScreenCheck) -> [(String, CellStyle)] {
        var line = [(strings.text("temperature.label"), CellStyle(.dim))]
        let rules = state.rules
        for reading in check.readings {
            let style = rules.isAbnormal(reading) ? CellStyle(.error, bold: true) : CellStyle(bold: true)
            line.append((strings.text("temperature.reading", ["temperature": reading.description]), style))
        }
        if check.closed || (check.awaitsConfirmation && !check.readings.isEmpty) { return line }
        switch rules.temperature {
        case .off:
            line.append((strings.text("temperature.off"), CellStyle(.dim)))
        case .optional where !check.awaitsReading:
            line.append((strings.text("temperature.optional"), CellStyle(.dim)))
        case .required, .optional:
            let threshold = rules.feverThreshold.description
            line.append((strings.text("temperature.awaiting", ["threshold": threshold]), CellStyle(.warning, bold: true)))
        }
        return line
    }
}
