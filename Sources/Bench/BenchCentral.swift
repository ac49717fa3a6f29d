import Central

/// The central store a benchmark runs against, and how to reach it with its own command-line tool.
public enum BenchCentral: Sendable {
    case embedded(path: String)
    case postgresql(url: String)

    /// A new connection; each thread of the benchmark opens its own, as each console does.
    func open() throws -> CentralStore {
        switch self {
        case .embedded(let path): try EmbeddedCentral(path: path)
        case .postgresql(let url): try PostgresCentral(url: url)
        }
    }

    /// Brings the store's schema up to date (PostgreSQL); the embedded store does so when opened.
    func migrate() throws {
        if case .postgresql(let url) = self { _ = try PostgresCentral.migrate(url: url) }
    }

    var name: String {
        switch self {
        case .embedded: "embedded SQLite"
        case .postgresql: "PostgreSQL"
        }
    }
}
