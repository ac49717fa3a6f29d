import Foundation

/// Starts the console binary on a pseudo-terminal and times exec to the first frame on the screen:
/// the moment the terminal receives the scan prompt's text.
enum ColdStart {
    /// The text every first frame shows (the input line's label in each language's table).
    static let marker = Array("F1".utf8)

    /// Milliseconds from spawn to the first frame, for one start of `binary` with `arguments`.
    static func measure(binary: String, arguments: [String], timeout: Double = 10) throws -> Double {
        let (master, terminal) = try PseudoTerminal.open()
        defer { close(master) }
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, terminal, descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let start = Stopwatch.now()
        let code = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard code == 0 else { throw BenchError("cold start: cannot start \(binary): \(String(cString: strerror(code)))") }
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        }
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = start + UInt64(timeout * 1_000_000_000)
        while Stopwatch.now() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            seen.append(contentsOf: buffer[0..<count])
            if seen.count >= marker.count, containsMarker(seen) {
                return Double(Stopwatch.now() - start) / 1_000_000
            }
        }
        throw BenchError("cold start: no frame within \(Int(timeout)) s; the console printed: "
                         + String(decoding: seen.suffix(200), as: UTF8.self).filter { !$0.isNewline })
    }

    private static func containsMarker(_ bytes: [UInt8]) -> Bool {
        bytes.indices.dropLast(marker.count - 1).contains { bytes[$0..<$0 + marker.count].elementsEqual(marker) }
    }
}
