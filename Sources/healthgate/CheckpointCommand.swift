import Central
import Foundation
import HealthCode

/// `healthgate checkpoint show|set|add`: this console's checkpoint and its rules; registering checkpoints.
enum CheckpointCommand: Command {
    static let help = """
        usage: healthgate checkpoint show
               healthgate checkpoint set [--id ID] [--name NAME] [--kind gate|market|transit] [RULES]
               healthgate checkpoint add ID --name NAME [--kind gate|market|transit] [RULES]
                   [--password-file FILE] [--replace]
        RULES: [--fever 37.3] [--temperature required|optional|off]
               [--nat-max-hours N|none] [--nat-from sampling|report]
               [--accept-pending yes|no] [--pass green[,yellow[,red]]]
               [--max-data-age MINUTES|none] [--max-code-age SECONDS]

        show and set: the checkpoint this console stands at and its pass rules. The rules are kept
        in the local cache (they work offline) and registered in the central store when it can be
        reached.

        add (an administrator, on a PostgreSQL central store): registers a checkpoint and creates
        its login role, healthgate_ID (lower case, - as _), in the group healthgate_checkpoint:
        it may read people and tests and send its own checkpoint's events, nothing else. The
        password is read from the first line of --password-file, or made up and written to
        DATA/checkpoint-ID.password (mode 0600); it is never printed. On the embedded store,
        add only registers the checkpoint. An existing checkpoint is refused unless --replace is
        given, which sets its rules, role and password anew (its consoles then need the new one).
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let action = try arguments.action(among: ["show", "set", "add"], for: "checkpoint")
        if action == "add" { return try add(&arguments, configuration) }
        let cache = try configuration.openCache()
        var checkpoint = try configuration.checkpoint(in: cache, creating: action == "set")
        if action == "set" {
            try change(&checkpoint, &arguments)
            try arguments.expectEnd()
            try cache.saveCheckpoint(checkpoint)
            do {
                try configuration.openCentral().saveCheckpoint(checkpoint)
            } catch {
                Output.error("saved locally; the central store was not updated: \(error)")
            }
        } else {
            try arguments.expectEnd()
        }
        print(describe(checkpoint))
        return 0
    }

    /// The fever thresholds a checkpoint may set.
    static let feverThresholds = Temperature(tenths: 370)...Temperature(tenths: 385)

    static func change(_ checkpoint: inout Checkpoint, _ arguments: inout Arguments) throws {
        if let id = try arguments.option("--id") {
            guard !id.isEmpty, id.count <= 40, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { throw UsageError("a checkpoint id takes ASCII letters, digits, - and _ (at most 40)") }
            checkpoint.id = id
        }
        if let name = try arguments.option("--name") {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("--name cannot be empty") }
            checkpoint.name = name
        }
        if let kind = try arguments.option("--kind") {
            guard let value = Checkpoint.Kind(rawValue: kind) else { throw UsageError("--kind takes gate, market or transit") }
            checkpoint.kind = value
        }
        if let fever = try arguments.option("--fever") {
            guard case .success(let value) = Temperature.parse(fever), Self.feverThresholds.contains(value) else {
                throw UsageError("--fever takes a threshold from 37.0 to 38.5, such as 37.3")
            }
            checkpoint.rules.feverThreshold = value
        }
        if let policy = try arguments.option("--temperature") {
            guard let value = CheckpointRules.TemperaturePolicy(rawValue: policy) else {
                throw UsageError("--temperature takes required, optional or off")
            }
            checkpoint.rules.temperature = value
        }
        if let hours = try arguments.option("--nat-max-hours") {
            if hours == "none" {
                checkpoint.rules.maxNATAgeHours = nil
            } else {
                guard let value = Int(hours), (1...24 * 90).contains(value) else {
                    throw UsageError("--nat-max-hours takes hours from 1 to 2160, or none")
                }
                checkpoint.rules.maxNATAgeHours = value
            }
        }
        if let basis = try arguments.option("--nat-from") {
            guard let value = NATAgeBasis(rawValue: basis) else { throw UsageError("--nat-from takes sampling or report") }
            checkpoint.rules.natAgeFrom = value
        }
        if let pending = try arguments.option("--accept-pending") {
            guard pending == "yes" || pending == "no" else { throw UsageError("--accept-pending takes yes or no") }
            checkpoint.rules.acceptPending = pending == "yes"
        }
        if let minutes = try arguments.option("--max-data-age") {
            if minutes == "none" {
                checkpoint.rules.maxDataAgeMinutes = nil
            } else {
                guard let value = Int(minutes), (1...7 * 24 * 60).contains(value) else {
                    throw UsageError("--max-data-age takes minutes from 1 to 10080, or none")
                }
                checkpoint.rules.maxDataAgeMinutes = value
            }
        }
        if let seconds = try arguments.option("--max-code-age") {
            guard let value = Int(seconds), (5...3600).contains(value) else {
                throw UsageError("--max-code-age takes seconds from 5 to 3600")
            }
            checkpoint.rules.maxCodeAgeSeconds = value
        }
        if let colours = try arguments.option("--pass") {
            let values = colours.split(separator: ",").map { CodeColour(rawValue: String($0)) }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0 != .unknown }) else {
                throw UsageError("--pass takes colours from green, yellow, red, separated by commas")
            }
            checkpoint.rules.passingColours = Set(values.compactMap { $0 })
        }
    }

    static func describe(_ checkpoint: Checkpoint) -> String {
        let rules = checkpoint.rules
        let colours = CodeColour.allCases.filter(rules.passingColours.contains).map(\.rawValue).joined(separator: ",")
        return """
            id:              \(checkpoint.id)
            name:            \(checkpoint.name)
            kind:            \(checkpoint.kind.rawValue)
            fever threshold: \(rules.feverThreshold)℃
            temperature:     \(rules.temperature.rawValue)
            NAT max age:     \(rules.maxNATAgeHours.map { "\($0) h" } ?? "none")
            NAT age from:    \(rules.natAgeFrom.rawValue)
            accept pending:  \(rules.acceptPending ? "yes" : "no")
            passing colours: \(colours)
            max data age:    \(rules.maxDataAgeMinutes.map { "\($0) min (older data: every pass needs confirming)" } ?? "none")
            max code age:    \(rules.maxCodeAgeSeconds) s (an older dynamic code is refused as a screenshot)
            """
    }
}
