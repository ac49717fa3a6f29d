import Foundation

extension CommandLine {
    /// The subcommands, by name.
    static let commands: [String: any Command.Type] = [
        "console": ConsoleCommand.self, "check": CheckCommand.self, "sync": SyncCommand.self,
        "import": ImportCommand.self, "demo": DemoCommand.self, "id": IDCommand.self,
        "checkpoint": CheckpointCommand.self, "central": CentralCommand.self, "bench": BenchCommand.self,
        "code": CodeCommand.self,
    ]

    /// The global options that take a value.
    static let globalOptions: Set<String> = ["--data-dir", "--central", "--checkpoint", "--lang", "--operator"]

    /// Where the subcommand's name stands: the first word that is neither an option nor a global option's value.
    static func commandPosition(in words: [String]) -> Int? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if globalOptions.contains(word) {
                index += 2
            } else if word.hasPrefix("-") {
                index += 1
            } else {
                return index
            }
        }
        return nil
    }

    /// Runs one command line and returns its exit code; every failure is one line on stderr.
    static func run(_ words: [String], environment: [String: String]) -> Int32 {
        var arguments = Arguments(words)
        let position = commandPosition(in: words)
        let name = position.map { words[$0] } ?? "console"
        if let position { arguments = Arguments(Array(words[..<position] + words[(position + 1)...])) }
        guard let command = commands[name] else {
            Output.error("unknown command \(name)\nsee: healthgate --help")
            return 2
        }
        do {
            if arguments.flag("--help") || arguments.flag("-h") {
                print(position == nil ? Usage.overview : command.help)
                return 0
            }
            if arguments.flag("--version") {
                print("healthgate \(Usage.version)")
                return 0
            }
            let configuration = try Configuration.take(from: &arguments, environment: environment)
            return try command.run(&arguments, configuration)
        } catch let error as UsageError {
            Output.error("\(error.description)\nsee: healthgate \(name == "console" ? "" : name + " ")--help")
            return 2
        } catch let failure as Failure {
            Output.error(failure.description)
            return failure.exitCode
        } catch {
            Output.error(String(describing: error))
            return 3
        }
    }
}

/// One subcommand of `healthgate`.
protocol Command: SendableMetatype {
    /// The text `--help` prints.
    static var help: String { get }
    /// Runs with the words left after the global options; returns the exit code.
    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32
}

/// Writing to the standard streams.
enum Output {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("healthgate: " + line + "\n").utf8))
    }
}
