import Assets
import Foundation
import HealthCode

/// The text of every visible label, reason and message in one language, loaded from `Assets/strings/<lang>.json`.
public struct Strings: Equatable, Sendable {
    public let language: Language
    /// Flat key → text with `{name}` placeholders.
    public let table: [String: String]

    /// Loads the table shipped for `language`.
    public init(language: Language) throws {
        let path = "strings/\(language.rawValue).json"
        guard let url = Assets.url(path) else { throw StringsError.missing(path) }
        let data = try Data(contentsOf: url)
        guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw StringsError.malformed(path)
        }
        self.language = language
        self.table = table
    }

    /// The text for `key` with `{name}` placeholders filled; the key itself when the table lacks it.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = table[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// 绿码 / 黄码 / 红码 / 未查询到.
    public func colour(_ colour: CodeColour) -> String { text("colour.\(colour.rawValue)") }

    /// 放行 / 不予放行 / 请复测 / 请测温.
    public func decision(_ decision: Verdict.Decision) -> String { text("decision.\(decision.rawValue)") }

    /// One reason as a sentence, with its figure and the checkpoint rule it was judged against.
    public func reason(_ reason: Reason, rules: CheckpointRules) -> String {
        let value = reason.value ?? 0
        return text("reason.\(reason.code.rawValue)", [
            "hours": String(value),
            "minutes": String(value),
            "max": rules.maxNATAgeHours.map(String.init) ?? "",
            "temperature": Temperature(tenths: value).description,
        ])
    }

    /// Why a scanned line cannot be looked up.
    public func problem(_ problem: ScanProblem) -> String {
        if case .document(.residentID(.length(let count))) = problem {
            return text("problem.id_length", ["count": String(count)])
        }
        return text("problem.\(problem.code)")
    }

    /// Why a typed temperature is not taken.
    public func problem(_ problem: TemperatureProblem) -> String {
        if case .implausible(let reading) = problem {
            return text("problem.\(problem.code)", ["temperature": reading.description])
        }
        return text("problem.\(problem.code)")
    }
}

/// Why a string table could not be loaded.
public enum StringsError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .missing(let path): "string table \(path) is missing from the Assets bundle"
        case .malformed(let path): "string table \(path) is not a flat JSON object of strings"
        }
    }
}
