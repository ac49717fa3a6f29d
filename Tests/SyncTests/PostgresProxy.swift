import Foundation
import Glibc
import Synchronization

/// A relay on a Unix socket in front of a PostgreSQL server that can cut a connection right after a `COMMIT` has
/// reached the server and been carried out, before its answer reaches the client: the commit happened, the client
/// cannot know it.
final class PostgresProxy: Sendable {
    /// The directory holding the relay's socket, `.s.PGSQL.<port>`, for a libpq `host=`.
    let directory: String
    let port: Int
    private let server: String
    private let listener: Int32
    /// Commits still to let through before the next cut, nil when none is planned; and the cuts made so far.
    private let plan = Mutex<(commitsToPass: Int?, cuts: Int)>((nil, 0))

    /// Listens in a new directory and relays every connection to the server socket at `serverSocket`.
    init(serverSocket: String) throws {
        var template = Array("/tmp/healthgate-proxy-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ProxyError("mkdtemp: \(String(cString: strerror(errno)))") }
        directory = String(cString: made)
        port = Int.random(in: 20000...60000)
        server = serverSocket
        listener = try Self.socket(path: "\(directory)/.s.PGSQL.\(port)") { fd, address, length in
            bind(fd, address, length) == 0 && listen(fd, 64) == 0
        }
        Thread { [self] in acceptConnections() }.start()
    }

    /// Stops accepting connections and removes the socket; relayed connections run on until either side closes.
    func shutDown() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A libpq URL for `database` through the relay.
    func url(database: String) -> String {
        "postgresql:///\(database)?host=\(directory)&port=\(port)&user=healthgate"
    }

    /// Lets `passing` commits through, then cuts the connection that carries the next one after the server
    /// has answered it.
    func cutAfterCommit(passing: Int = 0) {
        plan.withLock { $0.commitsToPass = passing }
    }

    /// How many connections were cut after a commit.
    var cuts: Int { plan.withLock { $0.cuts } }

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 && errno == EINTR { continue }
            guard client >= 0 else { return }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            guard let upstream = try? Self.socket(path: server, { fd, address, length in connect(fd, address, length) == 0 })
            else {
                close(client)
                continue
            }
            Thread { [self] in relay(client, upstream) }.start()
        }
    }

    /// Copies bytes both ways until either side closes, or until a planned cut.
    private func relay(_ client: Int32, _ upstream: Int32) {
        defer {
            close(client)
            close(upstream)
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return }
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                let chunk = buffer[0..<count]
                let target = index == 0 ? upstream : client
                guard Self.send(chunk, to: target) else { return }
                if index == 0 && Self.holdsCommit(chunk) && takeCut() {
                    _ = read(upstream, &buffer, buffer.count)
                    return
                }
            }
        }
    }

    /// True when this commit is the one to cut; counts it down otherwise.
    private func takeCut() -> Bool {
        plan.withLock { plan in
            guard let passing = plan.commitsToPass else { return false }
            if passing > 0 {
                plan.commitsToPass = passing - 1
                return false
            }
            plan.commitsToPass = nil
            plan.cuts += 1
            return true
        }
    }

    /// A simple-protocol query message `COMMIT`, as libpq sends for `PQexec("COMMIT")`.
    private static func holdsCommit(_ chunk: ArraySlice<UInt8>) -> Bool {
        let needle = Array("COMMIT".utf8) + [0]
        guard chunk.count >= needle.count else { return false }
        return (chunk.startIndex...(chunk.endIndex - needle.count)).contains { chunk[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func send(_ chunk: ArraySlice<UInt8>, to fd: Int32) -> Bool {
        chunk.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(fd, start + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// A Unix stream socket on which `setUp` binds or connects to `path`, closed again when `setUp` fails; closed on
    /// exec, so that no child process of the tests keeps a relayed connection alive.
    private static func socket(path: String,
                               _ setUp: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Bool) throws -> Int32 {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ProxyError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw ProxyError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let done = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { setUp(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard done else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ProxyError("\(path): \(message)")
        }
        return fd
    }
}

/// The relay could not be set up; the description is one line.
struct ProxyError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
