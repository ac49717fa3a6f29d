import Foundation
import HealthCode

/// Recording closed checks: nothing shows as recorded before the store confirms it, a check the store
/// failed to record is sent again by the next action, and a quit waits for the checks being recorded.
extension ConsoleState {
    /// Closes the check on screen and asks for it to be recorded; it reaches the recent panel once stored.
    mutating func logCheck(complete: Bool) -> [ConsoleEffect] {
        guard var check, !check.closed else { return [] }
        let entry = check.log(at: now, complete: complete)
        check.sent = entry
        check.complete = complete
        self.check = check
        let name = check.record.map { Masking.name($0.nameMasked) } ?? check.document.map(Masking.document) ?? ""
        var line = RecentCheck(at: now, name: name, colour: check.colour, decision: check.verdict.decision,
                               complete: complete)
        if case .refused? = check.code { line.codeRefused = true }
        unrecorded.append(PendingRecord(log: entry, line: line))
        return [.record(entry)]
    }

    /// The store recorded `log`: it joins the recent panel (in time order) and the check on screen shows logged.
    mutating func recorded(_ log: CheckLog) -> [ConsoleEffect] {
        guard let index = unrecorded.firstIndex(where: { $0.log == log && !$0.failed }) else { return [] }
        let line = unrecorded.remove(at: index).line
        recent.insert(line, at: recent.firstIndex { $0.at <= line.at } ?? recent.endIndex)
        recent = Array(recent.prefix(ConsoleState.recentLimit))
        if case .failure(let failure) = notice, failure.operation == .record { notice = nil }
        if var check, check.sent == log {
            check.logged = true
            check.colour = line.colour
            if log.verdict.registers { notice = .registered(from: log.colour, to: line.colour) }
            self.check = check
        }
        return quitting && unrecorded.isEmpty ? [.quit] : []
    }

    /// The store threw while recording `log`: say so, keep it for the next action, and take back the
    /// registration's colour on screen, since it exists nowhere yet.
    mutating func recordFailed(_ log: CheckLog, _ failure: ServiceFailure) {
        if let index = unrecorded.firstIndex(where: { $0.log == log && !$0.failed }) {
            unrecorded[index].failed = true
        }
        let waiting = unrecorded.filter(\.failed).count
        notice = quitting ? .unrecordedOnQuit(failure, count: waiting) : .failure(failure)
        guard var check, check.sent == log else { return }
        check.colour = log.colour
        self.check = check
    }

    /// Sends again every check the store failed to record, oldest first.
    mutating func resendUnrecorded() -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for index in unrecorded.indices where unrecorded[index].failed {
            unrecorded[index].failed = false
            effects.append(.record(unrecorded[index].log))
        }
        return effects
    }

    /// F10 or Ctrl-Q: close the open check and send again what failed, then quit once all is stored.
    /// A quit pressed after that recording failed leaves without it.
    mutating func quit() -> [ConsoleEffect] {
        if quitting { return [.quit] }
        let effects = resendUnrecorded() + closeCheck()
        guard !unrecorded.isEmpty else { return effects + [.quit] }
        quitting = true
        return effects
    }

    /// Whether the check on screen was closed but the store failed to record it.
    var checkUnrecorded: Bool {
        guard let sent = check?.sent else { return false }
        return unrecorded.contains { $0.failed && $0.log == sent }
    }
}
