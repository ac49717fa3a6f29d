import Central
import Console
import Foundation
import HealthCode
import LocalStore

/// The global options every command shares, with their defaults resolved.
struct Configuration {
    var dataDirectory: String
    var central: CentralLocation
    var checkpointID: String?
    var language: Language
    var operatorName: String

    /// Takes the global options out of `arguments`; the environment supplies the defaults.
    static func take(from arguments: inout Arguments, environment: [String: String]) throws -> Configuration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dataDirectory = try arguments.option("--data-dir") ?? environment["HEALTHGATE_DATA"]
            ?? home + "/.local/share/healthgate"
        let centralText = try arguments.option("--central") ?? environment["HEALTHGATE_CENTRAL"]
        let central = try centralText.map(CentralLocation.parse) ?? .sqlite(dataDirectory + "/central.sqlite")
        let languageText = try arguments.option("--lang") ?? environment["HEALTHGATE_LANG"] ?? Language.simplifiedChinese.rawValue
        guard let language = Language(tag: languageText) else {
            throw UsageError("unknown language \(languageText): use zh-Hans, en or zh-Hant")
        }
        return Configuration(
            dataDirectory: dataDirectory, central: central, checkpointID: try arguments.option("--checkpoint"),
            language: language,
            operatorName: try arguments.option("--operator") ?? environment["HEALTHGATE_OPERATOR"] ?? environment["USER"] ?? "operator")
    }

    /// The string tables for the chosen language.
    func strings() throws -> Strings {
        do {
            return try Strings(language: language)
        } catch {
            throw Failure.store(String(describing: error))
        }
    }

    var cachePath: String { dataDirectory + "/cache.sqlite" }

    /// Creates the data folder, readable by its user only (it holds ID numbers).
    func createDataFolder() throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Opens the local cache, creating the data folder on first use.
    func openCache() throws -> LocalCache {
        do {
            try createDataFolder()
            return try LocalCache(path: cachePath)
        } catch let error as SQLiteError {
            throw Failure.store("local cache \(cachePath): \(error.message)")
        } catch let error as MigrationError {
            throw Failure.store("local cache \(cachePath): \(error)")
        } catch {
            throw Failure.store("cannot create the data folder \(dataDirectory): \(error.localizedDescription)")
        }
    }

    /// Opens the central store named by `--central`; the default one, in the data folder, may create that folder.
    func openCentral() throws -> CentralStore {
        if case .sqlite(let path) = central, (path as NSString).deletingLastPathComponent == dataDirectory {
            try? createDataFolder()
        }
        return try central.open()
    }

    /// This console's checkpoint: the one stored in the cache, or the demo default. `--checkpoint ID`
    /// picks another from the central store's registry and keeps it in the cache, so the console starts
    /// offline next time; `creating` makes a new one with default rules.
    func checkpoint(in cache: LocalCache, creating: Bool = false) throws -> Checkpoint {
        let stored = try cache.checkpoint()
        guard let checkpointID, stored?.id != checkpointID else { return stored ?? Checkpoint.demo }
        if let registered = try? openCentral().checkpoint(id: checkpointID) {
            try cache.saveCheckpoint(registered)
            return registered
        }
        guard creating else {
            throw Failure.invalid("unknown checkpoint \(checkpointID), or the central store cannot be reached: an "
                + "administrator registers it with healthgate checkpoint add \(checkpointID) --name NAME")
        }
        return Checkpoint(id: checkpointID, name: checkpointID)
    }
}

/// Where the central store is: an embedded SQLite file or a PostgreSQL server.
enum CentralLocation: Equatable, Sendable {
    case sqlite(String)
    case postgresql(String)

    static func parse(_ text: String) throws -> CentralLocation {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw UsageError("--central sqlite: needs a file path") }
            return .sqlite(path)
        }
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") { return .postgresql(text) }
        throw UsageError("--central takes sqlite:PATH or a postgresql:// URL")
    }

    func open() throws -> CentralStore {
        switch self {
        case .sqlite(let path):
            do {
                return try EmbeddedCentral(path: path)
            } catch {
                throw Failure.store(String(describing: error))
            }
        case .postgresql(let url):
            do {
                return try PostgresCentral(url: url)
            } catch {
                throw Failure.store(String(describing: error))
            }
        }
    }
}

extension Checkpoint {
    /// The checkpoint a fresh console starts with: a community gate that wants a negative test within 72 hours.
    static var demo: Checkpoint {
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 72
        return Checkpoint(id: "CP-DEMO", name: "演示小区门岗", kind: .gate, rules: rules)
    }
}
