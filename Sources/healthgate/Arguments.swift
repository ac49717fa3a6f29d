/// The words of a command line, taken out one option at a time; what is left are positionals.
struct Arguments {
    private(set) var words: [String]

    init(_ words: [String]) { self.words = words }

    /// Removes the first word that names one of `actions` (a subcommand's own subcommand) and returns it.
    mutating func action(among actions: [String], for command: String) throws -> String {
        guard let index = words.firstIndex(where: actions.contains) else {
            let listed = actions.dropLast().joined(separator: ", ") + (actions.count > 1 ? " or " : "") + (actions.last ?? "")
            throw UsageError("\(command) takes \(listed)")
        }
        return words.remove(at: index)
    }

    /// Removes `--name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: name) else { return false }
        words.remove(at: index)
        return true
    }

    /// Removes the last `--name VALUE` or `--name=VALUE` and returns its value.
    mutating func option(_ name: String) throws -> String? {
        try options(name).last
    }

    /// Removes every `--name VALUE` or `--name=VALUE`, in order.
    mutating func options(_ name: String) throws -> [String] {
        var values: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == name {
                guard index + 1 < words.count else { throw UsageError("\(name) needs a value") }
                values.append(words[index + 1])
                words.removeSubrange(index...index + 1)
            } else if word.hasPrefix(name + "=") {
                values.append(String(word.dropFirst(name.count + 1)))
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        return values
    }

    /// The words left, refusing any that still look like options.
    func positionals() throws -> [String] {
        if let unknown = words.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw UsageError("unknown option \(unknown)")
        }
        return words.filter { $0 != "--" }
    }

    /// Fails unless nothing is left.
    func expectEnd() throws {
        let rest = try positionals()
        if let first = rest.first { throw UsageError("unexpected argument \(first)") }
    }
}

/// A command line that does not fit the command: exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
