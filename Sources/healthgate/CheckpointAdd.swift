import Central
import Foundation
import HealthCode

extension CheckpointCommand {
    /// `checkpoint add`: registers a checkpoint in the central store with a login role for its consoles.
    static func add(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let passwordFile = try arguments.option("--password-file")
        let replacing = arguments.flag("--replace")
        let name = try arguments.option("--name")
        var checkpoint = Checkpoint(id: "", name: name ?? "")
        try change(&checkpoint, &arguments)
        let words = try arguments.positionals()
        guard words.count == 1, let id = words.first else { throw UsageError("checkpoint add takes one checkpoint id") }
        guard name != nil else { throw UsageError("checkpoint add needs --name") }
        var idArguments = Arguments(["--id", id])
        try change(&checkpoint, &idArguments)
        let central = try configuration.openCentral()
        guard let postgres = central as? PostgresCentral else {
            try central.saveCheckpoint(checkpoint)
            print("registered checkpoint \(checkpoint.id) (the embedded store has no login roles)")
            return 0
        }
        let role = "healthgate_" + id.lowercased().replacingOccurrences(of: "-", with: "_")
        if !replacing, try postgres.checkpoint(id: id) != nil {
            throw Failure.invalid("checkpoint \(id) exists already: give --replace to set its role and password anew")
        }
        let given = try passwordFile.map(readPassword)
        let password = given ?? makePassword()
        do {
            try postgres.addCheckpoint(checkpoint, role: role, password: password, replacing: replacing)
        } catch {
            throw Failure.store("could not add checkpoint \(id) (an administrator's connection is needed, and "
                + "ids that differ only in case or - and _ share a role): \(error)")
        }
        let file = try passwordFile ?? writePassword(password, for: id, configuration)
        print("registered checkpoint \(checkpoint.id) with login role \(role)")
        print("its password is in \(file); give its consoles --central postgresql://\(role)@HOST/DATABASE "
            + "and the password through ~/.pgpass or PGPASSWORD")
        return 0
    }

    /// The first line of a file the administrator wrote.
    static func readPassword(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let line = text.split(whereSeparator: \.isNewline).first, line.count >= 12 else {
            throw Failure.invalid("\(path): the first line must hold a password of at least 12 characters")
        }
        return String(line)
    }

    /// A new random password.
    static func makePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }

    /// Writes a password where only this user can read it; returns the file.
    static func writePassword(_ text: String, for id: String, _ configuration: Configuration) throws -> String {
        let path = configuration.dataDirectory + "/checkpoint-\(id).password"
        do {
            try configuration.createDataFolder()
            guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw Failure.store("cannot write \(path)")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.store("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}
