import Foundation

/// A failure talking to PostgreSQL; its description is one line and never holds a password.
public enum PostgresError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The server could not be reached or refused the login.
    case connectionFailed(message: String)
    /// The connection broke (server gone, backend terminated, network cut) or was closed.
    case connectionLost(message: String)
    /// The server refused a statement; `sqlState` is the five-character SQLSTATE, empty when libpq gave none.
    case queryFailed(sqlState: String, message: String)
    /// The caller asked for something the wrapper cannot do: a value of the wrong type, a cell out of range,
    /// a COPY row of the wrong width, text holding a NUL character.
    case invalidUse(message: String)

    /// True when the connection is gone and only a new connection can help: retry logic reconnects on this.
    public var isConnectionLost: Bool {
        if case .connectionLost = self { true } else { false }
    }

    /// True when the server refused the statement for what it says (bad data, a broken constraint, a
    /// permission or row-level security refusal): sending the same again will fail again.
    public var isPermanent: Bool {
        guard let sqlState else { return false }
        return ["22", "23", "42", "44", "P0"].contains(String(sqlState.prefix(2)))
    }

    /// The SQLSTATE of a refused statement (`23505` for a unique violation), if any.
    public var sqlState: String? {
        if case .queryFailed(let sqlState, _) = self, !sqlState.isEmpty { sqlState } else { nil }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let message): "cannot connect to PostgreSQL: \(message)"
        case .connectionLost(let message): "lost the connection to PostgreSQL: \(message)"
        case .queryFailed(let sqlState, let message) where sqlState.isEmpty: "PostgreSQL error: \(message)"
        case .queryFailed(let sqlState, let message): "PostgreSQL error \(sqlState): \(message)"
        case .invalidUse(let message): "PostgreSQL misuse: \(message)"
        }
    }

    /// libpq's multi-line message folded into one line.
    static func oneLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? "no message from libpq" : parts.joined(separator: "; ")
    }
}
