import Foundation

/// Runs other programs (PostgreSQL's binaries, tmux, the benchmark's baselines) with `posix_spawn` and
/// `waitpid`, never Foundation's `Process`: Foundation watches a child through a descriptor the child
/// inherits, so a child that leaves a daemon behind (tmux's server, postgres) would keep `waitUntilExit`
/// waiting for as long as the daemon lives.
public enum ChildProcess {
    /// Runs `arguments` (looked up in `PATH`), in `directory` when given, with stdout and stderr in
    /// `outputFile`; returns the exit status (128 + signal when killed) and the output.
    public static func run(_ arguments: [String], directory: String? = nil, outputFile: String) throws
        -> (status: Int32, output: String) {
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + arguments } ?? arguments
        let pid = try spawn(command, output: outputFile)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Starts `arguments` in a session of its own, out of reach of the terminal's Ctrl-C, and returns its pid.
    public static func detach(_ arguments: [String]) throws -> pid_t {
        try spawn(["setsid"] + arguments, output: "/dev/null")
    }

    /// Asks the spawn to close every descriptor from 3 up (glibc's `posix_spawn_file_actions_addclosefrom_np`,
    /// which Swift's Glibc module does not import, so it is looked up by name).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// Spawns with stdin on /dev/null, stdout and stderr in `output`, and nothing else open: a daemon that
    /// inherited another test's pipe would hold it open, and that test would wait for its end forever.
    private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeInheritedDescriptors(&actions)
        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environment)
        guard code == 0 else { throw ChildProcessError(command: arguments[0], code: code) }
        return pid
    }
}

/// A program that could not be started; the description is one line.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let command: String
    public let code: Int32

    public var description: String { "cannot start \(command): \(String(cString: strerror(code)))" }
}
