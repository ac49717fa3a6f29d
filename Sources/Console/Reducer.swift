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
        case .lastRegistration(let registration, let person):
            beginCorrection(registration, person: person)
            return []
        case .voided(let registration, let person):
            voided(registration, person: person)
            return []
        case .counts(let counts):
            self.counts = counts
            return []
        case .syncStatus(let status):
            sync = status
            return []
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

    /// A key: help and quit first, then whatever the mode says.
    private mutating func press(_ key: Key) -> [ConsoleEffect] {
        if showsHelp {
            showsHelp = false
            return []
        }
        switch key {
        case .function(1):
            showsHelp = true
            return []
        case .function(10), .quit:
            return closeCheck() + [.quit]
        default:
            break
        }
        switch mode {
        case .scan: return pressInScan(key)
        case .pick(let list): return pressInPick(key, list: list)
        case .correction(let correction): return pressInCorrection(key, correction: correction)
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

    /// Keys in a proxy-phone pick list: 1–9, arrows and Enter choose; Esc cancels.
    private mutating func pressInPick(_ key: Key, list: PickList) -> [ConsoleEffect] {
        var list = list
        switch key {
        case .character(let character):
            guard let digit = character.wholeNumberValue, character.isASCII,
                  (1...min(9, list.people.count)).contains(digit) else { return [] }
            mode = .scan
            return open(list.people[digit - 1])
        case .up:
            list.selected = max(0, list.selected - 1)
            mode = .pick(list)
        case .down:
            list.selected = min(list.people.count - 1, list.selected + 1)
            mode = .pick(list)
        case .submit:
            mode = .scan
            return open(list.people[list.selected])
        case .escape:
            mode = .scan
        case .backspace, .function, .quit:
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
