import Central
import Foundation

/// `healthgate central migrate`: brings a PostgreSQL central store's schema up to this build.
enum CentralCommand: Command {
    static let help = """
        usage: healthgate --central postgresql://… central migrate
               healthgate --central postgresql://… central renew-feed

        Creates or upgrades the healthgate schema in a PostgreSQL central store (the SQL files
        shipped in Assets/sql/postgresql/), all missing versions in one transaction (all or
        nothing), under a lock so that two administrators cannot run it at once. Needs a role that may create tables.
        A console refuses a store whose schema version it does not know. The embedded SQLite
        store migrates itself and needs no command.

        renew-feed gives the store a new feed identity, so that every console syncs again in full
        at its next sync, keeping its unsent events: run it after restoring a backup.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let action = try arguments.positionals()
        guard action == ["migrate"] || action == ["renew-feed"] else { throw UsageError("central takes migrate or renew-feed") }
        guard case .postgresql(let url) = configuration.central else {
            print("the embedded central store needs neither: it migrates itself, and a rebuilt file is a new feed")
            return 0
        }
        if action == ["renew-feed"] {
            do {
                try PostgresCentral(url: url).renewFeedIdentity()
            } catch {
                throw Failure.store(String(describing: error))
            }
            print("the store has a new feed identity: every console syncs again in full at its next sync")
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
