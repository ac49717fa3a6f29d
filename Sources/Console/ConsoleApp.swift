import Foundation
import HealthCode

/// Runs the checkpoint console on the controlling terminal until F10 or Ctrl-Q.
///
/// - Parameters:
///   - service: the local stores; every effect runs through it synchronously on this thread.
///   - checkpoint: where the console stands and the rules it judges by.
///   - operatorName: who is at the gate; written on every gate event.
///   - language: the language of every visible text (zh-Hans by default).
///   - timeZone: the checkpoint's time zone, for the clock, "today" and ages.
///   - now: the clock, read once per turn of the loop (at least every 200 ms).
///   - demoPeople: set when demo data were just built for a first run, to say so on the first screen.
/// - Throws: `StringsError` when a string table is missing, `ConsoleError` for a non-UTF-8 locale
///   or a terminal that cannot be opened. The terminal is restored before this returns or throws.
public func runConsole(service: GateService, checkpoint: Checkpoint, operatorName: String,
                       language: Language = .simplifiedChinese, timeZone: TimeZone,
                       now: @escaping () -> Date, demoPeople: Int? = nil) throws {
    let strings = try Strings(language: language)
    try Terminal.requireUTF8Locale()
    let terminal = try Terminal()
    defer { terminal.close() }
    let runner = EffectRunner(service: service, checkpoint: checkpoint, operatorName: operatorName, timeZone: timeZone)
    var state = ConsoleState(checkpoint: checkpoint, operatorName: operatorName, timeZone: timeZone,
                             now: now(), size: terminal.size)
    state.notice = demoPeople.map { .demoBuilt(people: $0) }
    let session = ConsoleSession(state: state, runner: runner)
    StopSignals.install()
    session.dispatch(.tick(now()))
    while session.running {
        if StopSignals.isRequested {
            session.dispatch(.key(.quit))
            if session.running { session.dispatch(.key(.quit)) }
            break
        }
        terminal.draw(render(session.state, size: session.state.size, strings: strings))
        // A scanner types a whole code at once: take every key already waiting before drawing again.
        var input = terminal.read()
        session.dispatch(.tick(now()))
        while input != .idle && session.running {
            switch input {
            case .key(let key): session.dispatch(.key(key))
            case .resize: session.dispatch(.resize(terminal.size))
            case .idle: break
            }
            input = terminal.readWaiting()
        }
    }
}
