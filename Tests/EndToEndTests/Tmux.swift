import Foundation

/// A detached tmux session running one command, driven with send-keys and read with capture-pane.
final class Tmux {
    let name = "healthgate-e2e-\(UUID().uuidString.prefix(8))"

    /// Starts `command` in a new session of the given size.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        try Tmux.run(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command], capture: false)
    }

    deinit { try? Tmux.run(["kill-session", "-t", name], capture: false) }

    /// Types keys as tmux names them: literal text, or `Enter`, `F2`, `Escape`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try Tmux.run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys, capture: false)
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try Tmux.run(["capture-pane", "-p", "-t", name])
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
    var isAlive: Bool { (try? Tmux.run(["has-session", "-t", name], capture: false)) != nil }

    /// Runs one tmux command; `capture` reads its output, which must be off for a command that may start
    /// the tmux server, since the server would inherit the pipe and hold it open.
    @discardableResult
    static func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = capture ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = capture ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TmuxError(arguments: arguments, status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A tmux command that failed.
struct TmuxError: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32

    var description: String { "tmux \(arguments.first ?? "") exited \(status) (is tmux installed? apt-get install tmux)" }
}
