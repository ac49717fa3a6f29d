import Foundation
import HealthCode

/// The console's state machine: the next state and the effects to run, from the state and one event.
///
/// Pure: no I/O and no clock reads; the time comes in `.tick` events.
public func reduce(_ state: ConsoleState, _ event: ConsoleEvent) -> (ConsoleState, [ConsoleEffect]) {
    var next = state
    let effects = next.handle(event)
    return (next, effects)
}

extension ConsoleState {
    /// Applies one event in place and returns the effects it calls for.
    mutating func handle(_ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            return press(key)
        case .tick(let date):
            return tick(date)
        case .resize(let size):
            self.size = size
            return []
        case .lookedUp(let input, let people):
            return found(people, for: input)
        case .codeChecked(let check, let record, let cached):
            return found(check, record: record, cached: cached)
        case .lastRegistration(let registration, let person):
            beginCorrection(registration, person: person)
            return []
        case .voided(let registration, let person):
            voided(registration, person: person)
            return []
        case .recorded(let log):
            return recorded(log)
        case .recordFailed(let log, let failure):
            recordFailed(log, failure)
            return []
        case .rejectedEvents(let list):
            rejectedList = list
            return []
        case .counts(let counts):
            self.counts = counts
            return []
        case .syncStatus(let status):
            return syncChanged(status)
        case .failed(let failure):
            notice = .failure(failure)
            return []
        }
    }

    /// The clock moved: keep it, and poll the sync status each second and the counts every ten.
    private mutating func tick(_ date: Date) -> [ConsoleEffect] {
        now = date
        var effects: [ConsoleEffect] = []
        if lastSyncPoll.map({ abs(date.timeIntervalSince($0)) >= 1 }) ?? true {
            lastSyncPoll = date
            effects.append(.refreshSyncStatus)
        }
        if lastCountsPoll.map({ abs(date.timeIntervalSince($0)) >= 10 }) ?? true {
            lastCountsPoll = date
            effects.append(.refreshCounts(at: date))
        }
        return effects
    }

    /// A key: the overlays, help, the dead-letter list and quit first, then whatever the mode says.
    /// Any key closes an overlay and then does its own work, except Esc and the overlay's own key.
    /// Enter first sends again any check the store failed to record.
    private mutating func press(_ key: Key) -> [ConsoleEffect] {
        if showsHelp {
            showsHelp = false
            if key == .function(1) || key == .escape { return [] }
        }
        if rejectedList != nil {
            rejectedList = nil
            if key == .function(3) || key == .escape { return [] }
        }
        switch key {
        case .function(1):
            showsHelp = true
            return []
        case .function(3):
            return [.loadRejectedEvents(limit: ConsoleState.rejectedLimit)]
        case .function(10), .quit:
            return quit()
        default:
            quitting = false
        }
        let resent = key == .submit ? resendUnrecorded() : []
        switch mode {
        case .scan: return resent + pressInScan(key)
        case .pick(let list): return resent + pressInPick(key, list: list)
        case .correction(let correction): return resent + pressInCorrection(key, correction: correction)
        }
    }

    /// Keys in the scan field: typing, editing, submitting, and F2 for a correction.
    private mutating func pressInScan(_ key: Key) -> [ConsoleEffect] {
        switch key {
        case .character(let character):
            input = ConsoleState.appending(character, to: input)
        case .backspace:
            if !input.isEmpty { input.removeLast() }
        case .escape:
            input = ""
            notice = nil
        case .submit:
            return submit()
        case .function(2):
            return [.loadLastRegistration]
        case .up, .down, .function, .quit:
            break
        }
        return []
    }

    /// Keys in a proxy-phone pick list: typing goes into the field as in a scan, and arrows move the highlight.
    /// Enter on a lone digit 1–9 picks that person, on an empty line the highlighted one; any other line
    /// closes the list and is the next scan, so a scanner typing `4201…` never picks anyone. Esc cancels.
    private mutating func pressInPick(_ key: Key, list: PickList) -> [ConsoleEffect] {
        var list = list
        switch key {
        case .character, .backspace:
            return pressInScan(key)
        case .up:
            list.selected = max(0, list.selected - 1)
            mode = .pick(list)
        case .down:
            list.selected = max(0, min(list.people.count - 1, list.selected + 1))
            mode = .pick(list)
        case .submit:
            switch list.choice(for: input) {
            case .pick(let index) where list.people.indices.contains(index):
                input = ""
                mode = .scan
                return open(list.people[index])
            case .pick, .stay:
                input = ""
            case .scan:
                mode = .scan
                return submit()
            }
        case .escape:
            input = ""
            mode = .scan
        case .function, .quit:
            break
        }
        return []
    }

    /// A character typed into a field, unless it is a control character or the field is full.
    static func appending(_ character: Character, to field: String) -> String {
        guard !character.isControlCharacter, field.count < inputLimit else { return field }
        return field + String(character)
    }
}
