import Central
import Foundation

/// `healthgate central migrate`: brings a PostgreSQL central store's schema up to this build.
enum CentralCommand: Command {
    static let help = """
        usage: healthgate --central postgresql://… central migrate

        Creates or upgrades the healthgate schema in a PostgreSQL central store (the SQL files
        shipped in Assets/sql/postgresql/), all missing versions in one transaction (all or
        nothing), under a lock so that two administrators cannot run it at once. Needs a role that may create tables.
        A console refuses a store whose schema version it does not know. The embedded SQLite
        store migrates itself and needs no command.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        guard try arguments.positionals() == ["migrate"] else { throw UsageError("central takes migrate") }
        guard case .postgresql(let url) = configuration.central else {
            print("the embedded central store migrates itself when it is opened; nothing to do")
            return 0
        }
        do {
            let applied = try PostgresCentral.migrate(url: url)
            print(applied.isEmpty ? "the schema is up to date"
                  : "applied schema versions " + applied.map(String.init).joined(separator: ", "))
        } catch {
            throw Failure.store(String(describing: error))
        }
        return 0
    }
}
