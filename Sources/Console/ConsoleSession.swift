import Foundation

/// The loop's core without a terminal: feeds events to the reducer and its effects to the runner until quit.
final class ConsoleSession {
    private(set) var state: ConsoleState
    private let runner: EffectRunner
    /// False once an effect asked to quit.
    private(set) var running = true

    init(state: ConsoleState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    /// Applies `event`, runs the effects it calls for, and applies their results, until nothing is left.
    func dispatch(_ event: ConsoleEvent) {
        var queue = [event]
        while !queue.isEmpty {
            let (next, effects) = reduce(state, queue.removeFirst())
            state = next
            for effect in effects {
                if effect == .quit { running = false }
                queue.append(contentsOf: runner.perform(effect))
            }
        }
    }
}
