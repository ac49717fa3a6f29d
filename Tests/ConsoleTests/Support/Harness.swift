import Foundation
import HealthCode
@testable import Console

/// A console session on a fake service, driven by key events and read back as screen text.
final class Harness {
    let gate = FakeGate()
    let session: ConsoleSession
    let strings: Strings
    var size: Size
    private(set) var now = Fixtures.noon

    init(checkpoint: Checkpoint = Fixtures.gate(), language: Language = .simplifiedChinese,
         size: Size = .minimum, people: [PersonRecord] = []) throws {
        strings = try Strings(language: language)
        self.size = size
        gate.people = people
        let runner = EffectRunner(service: gate, checkpoint: checkpoint, operatorName: "李四", timeZone: Fixtures.beijing)
        session = ConsoleSession(state: ConsoleState(checkpoint: checkpoint, operatorName: "李四",
                                                     timeZone: Fixtures.beijing, now: now, size: size),
                                 runner: runner)
        session.dispatch(.tick(now))
    }

    var state: ConsoleState { session.state }

    func press(_ key: Key) { session.dispatch(.key(key)) }

    /// Types `text` key by key, as a scanner does, without the final Enter.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// Types `text` and Enter.
    func submit(_ text: String) {
        type(text)
        press(.submit)
    }

    func advance(seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
        session.dispatch(.tick(now))
    }

    var grid: Grid { render(state, size: size, strings: strings) }

    /// The whole screen as text, rows joined by newlines.
    var screen: String { grid.lines.joined(separator: "\n") }
}
