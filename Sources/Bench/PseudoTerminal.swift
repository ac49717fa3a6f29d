import Foundation

/// Opens a pseudo-terminal pair through glibc's `posix_openpt` family (see `LibC`).
enum PseudoTerminal {
    private typealias OpenPT = @convention(c) (Int32) -> Int32
    private typealias Grant = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

    /// The master's descriptor and the path of its terminal.
    static func open() throws -> (master: Int32, terminal: String) {
        guard let openpt = LibC.function("posix_openpt", OpenPT.self), let grant = LibC.function("grantpt", Grant.self),
              let unlock = LibC.function("unlockpt", Grant.self), let name = LibC.function("ptsname_r", Name.self) else {
            throw BenchError("cold start: this C library has no pseudo-terminals")
        }
        let master = openpt(O_RDWR | O_NOCTTY)
        var path = [CChar](repeating: 0, count: 128)
        guard master >= 0 else { throw BenchError("cold start: no pseudo-terminal (\(String(cString: strerror(errno))))") }
        guard grant(master) == 0, unlock(master) == 0, name(master, &path, path.count) == 0 else {
            close(master)
            throw BenchError("cold start: cannot set up a pseudo-terminal (\(String(cString: strerror(errno))))")
        }
        return (master, String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
