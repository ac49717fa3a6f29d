import Foundation
import Spawn
import Synchronization

/// A throw-away PostgreSQL server for tests: a fresh cluster in a temporary directory, reachable only through
/// a Unix socket there, stopped and removed by `stop()`, `deinit`, process exit, or a watchdog if the tests crash.
public final class PostgresServer: Sendable {
    /// A libpq URL for the `postgres` database as the superuser `healthgate`.
    public let url: String
    /// The directory holding the cluster, its log and its socket.
    public let directory: String
    /// The number naming the socket file `.s.PGSQL.PORT`: random, and never clashing since the socket lives in this
    /// server's own directory; no TCP port is opened.
    public let port: Int

    private let binaries: String
    private let runAs: [String]
    /// The server options `pg_ctl start` passes on, kept for `resume()`.
    private let options: String
    private let watchdog: pid_t
    private let state = Mutex(State())

    /// Whether the server was stopped, and how many databases it has handed out.
    private struct State {
        var stopped = false
        var databases = 0
    }

    private static let sharedServer = Mutex<Result<PostgresServer, any Error>?>(nil)

    /// The one server of this test process, started on first use and stopped when the process exits.
    public static func shared() throws -> PostgresServer {
        try sharedServer.withLock { server in
            if let server { return try server.get() }
            let started = Result { try PostgresServer() }
            server = started
            atexit { PostgresServer.stopShared() }
            return try started.get()
        }
    }

    /// Creates and starts a new cluster; takes a second or two. `crashSafe` keeps every acknowledged commit
    /// through `halt()` (synchronous commit on; fsync may stay off, since the operating system keeps the files).
    public init(crashSafe: Bool = false) throws {
        binaries = try Self.newestBinaries()
        let asRoot = getuid() == 0
        runAs = asRoot ? ["runuser", "-u", "postgres", "--"] : []
        directory = try Self.makeDirectory(asRoot: asRoot)
        port = Int.random(in: 20000...60000)
        url = "postgresql:///postgres?host=\(directory)&port=\(port)&user=healthgate"
        do {
            watchdog = try ChildProcess.detach(
                ["/bin/sh", "-c", Self.watchdogScript, "healthgate-postgres-watchdog", String(getpid()), directory]
                    + runAs + ["\(binaries)/pg_ctl"])
            try Self.run(runAs + ["\(binaries)/initdb", "-D", "data", "-U", "healthgate", "--auth=trust",
                                 "-E", "UTF8", "--no-locale", "--no-sync"], in: directory)
            options = "-p \(port) -k \(directory) -c listen_addresses='' "
                + "-c fsync=off -c synchronous_commit=\(crashSafe ? "on" : "off") -c full_page_writes=off"
            try start()
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    deinit { stop() }

    /// Creates an empty database and returns a libpq URL for it.
    public func makeDatabase() throws -> String {
        let name = state.withLock { state in
            state.databases += 1
            return "test_\(state.databases)"
        }
        try Self.run(["\(binaries)/createdb", "-h", directory, "-p", String(port), "-U", "healthgate", name],
                     in: directory, output: "\(name).out")
        return url(database: name)
    }

    /// A libpq URL for `database` on this server.
    public func url(database: String) -> String {
        "postgresql:///\(database)?host=\(directory)&port=\(port)&user=healthgate"
    }

    /// Stops the server at once, as a crash would, keeping its data for `resume()`: every connection breaks.
    public func halt() throws {
        try Self.run(runAs + ["\(binaries)/pg_ctl", "-D", "data", "-m", "immediate", "-w", "stop"], in: directory)
    }

    /// Starts the server again after `halt()`, on the same socket, recovering from its log.
    public func resume() throws {
        try start()
    }

    private func start() throws {
        try Self.run(runAs + ["\(binaries)/pg_ctl", "-D", "data", "-l", "server.log", "-w", "-t", "60",
                             "-o", options, "start"], in: directory, log: "server.log")
    }

    /// Stops the server at once and removes its directory; later calls do nothing.
    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        _ = try? ChildProcess.run(
            runAs + ["\(binaries)/pg_ctl", "-D", "data", "-m", "immediate", "-w", "stop"],
            directory: directory, outputFile: "\(directory)/stop.out")
        kill(watchdog, SIGTERM)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func stopShared() {
        let server = sharedServer.withLock { try? $0?.get() }
        server?.stop()
    }

    /// Waits for the test process to end, however it ends, then stops the server and removes its directory.
    private static let watchdogScript = """
        pid=$1; dir=$2; shift 2
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        "$@" -D "$dir/data" -m immediate -w stop
        rm -rf "$dir"
        """

    private static func newestBinaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let usable = versions.filter { version in
            ["initdb", "pg_ctl", "createdb"].allSatisfy { access("\(root)/\(version)/bin/\($0)", X_OK) == 0 }
        }
        guard let newest = usable.max(by: { versionNumber($0).lexicographicallyPrecedes(versionNumber($1)) }) else {
            throw PostgresServerError.binariesMissing
        }
        return "\(root)/\(newest)/bin"
    }

    private static func versionNumber(_ name: String) -> [Int] {
        name.split(separator: ".").map { Int($0) ?? 0 }
    }

    /// A short, plain path (the socket path must stay under 108 bytes), owned by `postgres` when running as root.
    private static func makeDirectory(asRoot: Bool) throws -> String {
        let temporary = NSTemporaryDirectory()
        let plain = temporary.count < 60 && temporary.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }
        let base = asRoot || !plain ? "/tmp/" : (temporary.hasSuffix("/") ? temporary : temporary + "/")
        var template = Array((base + "healthgate-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PostgresServerError.commandFailed(command: "mkdtemp", status: errno, output: String(cString: strerror(errno)))
        }
        let path = String(cString: made)
        if asRoot {
            guard let user = getpwnam("postgres") else {
                try? FileManager.default.removeItem(atPath: path)
                throw PostgresServerError.postgresUserMissing
            }
            chown(path, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        return path
    }

    /// Runs a command in `directory`, throwing its last lines (and the server log's) when it fails.
    private static func run(_ arguments: [String], in directory: String, output: String = "command.out", log: String? = nil) throws {
        let (status, text) = try ChildProcess.run(arguments, directory: directory, outputFile: "\(directory)/\(output)")
        guard status == 0 else {
            let logText = log.flatMap { try? String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8) } ?? ""
            let name = arguments.first { $0.hasPrefix("/") }.map { ($0 as NSString).lastPathComponent } ?? arguments[0]
            throw PostgresServerError.commandFailed(command: name, status: status, output: text + "\n" + logText)
        }
        try? FileManager.default.removeItem(atPath: "\(directory)/\(output)")
    }
}

/// Why the throw-away PostgreSQL server could not start; the description is one line.
public enum PostgresServerError: Error, CustomStringConvertible {
    case binariesMissing
    case postgresUserMissing
    case commandFailed(command: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case .binariesMissing:
            "no PostgreSQL server in /usr/lib/postgresql/*/bin (initdb, pg_ctl): apt-get install postgresql"
        case .postgresUserMissing:
            "running as root, the test server needs the postgres user: apt-get install postgresql"
        case .commandFailed(let command, let status, let output):
            "\(command) failed (\(status)): " + output.split(whereSeparator: \.isNewline).suffix(3).joined(separator: "; ")
        }
    }
}
