import Foundation
import Spawn
import TestSupport

/// A detached tmux session running one command, on a tmux server of its own (a socket in a temporary
/// folder), driven with send-keys and read with capture-pane; the server goes away with the value.
final class Tmux {
    let name = "healthgate-e2e-\(UUID().uuidString.prefix(8))"
    private let folder = TemporaryDirectory()

    /// Starts `command` in a new session of the given size.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        try run(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Types keys as tmux names them: literal text, or `Enter`, `F2`, `Escape`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = try screen()
        while !predicate(text) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            text = try screen()
        }
        return text
    }

    /// Whether the session still runs.
    var isAlive: Bool { (try? run(["has-session", "-t", name])) != nil }

    /// Runs one tmux command against this value's server and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let (status, output) = try ChildProcess.run(
            ["tmux", "-S", folder.file("tmux.socket")] + arguments, outputFile: folder.file("tmux.out"))
        guard status == 0 else { throw TmuxError(arguments: arguments, status: status) }
        return output
    }
}

/// A tmux command that failed.
struct TmuxError: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32

    var description: String { "tmux \(arguments.first ?? "") exited \(status) (is tmux installed? apt-get install tmux)" }
}
