import Foundation

/// Runs the PostgreSQL binaries with `posix_spawn`, so the server can also be stopped from an `atexit` handler.
enum PostgresServerCommand {
    /// Runs `arguments` in `directory` with stdout and stderr in `outputFile`; returns the exit status and the output.
    static func run(_ arguments: [String], directory: String, outputFile: String) throws -> (status: Int32, output: String) {
        let pid = try spawn(["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments, output: outputFile)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Starts `arguments` in a session of its own, out of reach of the terminal's Ctrl-C, and returns its pid.
    static func detach(_ arguments: [String]) throws -> pid_t {
        try spawn(["setsid"] + arguments, output: "/dev/null")
    }

    /// Asks the spawn to close every descriptor from 3 up (glibc's `posix_spawn_file_actions_addclosefrom_np`,
    /// which Swift's Glibc module does not import, so it is looked up by name).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// Spawns with nothing but stdin, stdout and stderr open: a server that inherited another test's
    /// pipe would hold it open, and that test would wait for its end forever.
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
        guard code == 0 else {
            throw PostgresServerError.commandFailed(
                command: arguments[0], status: code, output: String(cString: strerror(code)))
        }
        return pid
    }
}
