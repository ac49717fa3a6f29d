import Console
import Foundation
import HealthCode

/// What `healthgate check` prints, as text or JSON; names and documents masked.
struct CheckReport {
    let record: PersonRecord?
    /// Nil for a dynamic code refused, or from a region whose holders cannot be named here.
    let document: String?
    let colour: CodeColour
    let verdict: Verdict
    let readings: [Temperature]
    let registered: Bool
    let now: Date
    let today: CivilDate
    let rules: CheckpointRules
    let code: Code?

    /// What a dynamic code said: who issued it, whether its holder is from another region (外地码), and
    /// why it was refused.
    struct Code: Encodable {
        let issuer: String
        let foreign: Bool
        let refused: Reason.Code?
    }

    private var parsedDocument: Document? { document.flatMap { try? Document.parse($0, today: today).get() } }
    private var maskedDocument: String? { document.map(Masking.document) }

    func text(_ strings: Strings) -> String {
        var lines = [
            "colour:   \(colour.rawValue) (\(strings.colour(colour)))",
            "verdict:  \(verdict.decision.rawValue) (\(strings.decision(verdict.decision)))",
        ]
        for reason in verdict.reasons { lines.append("reason:   \(reason.code.rawValue): \(strings.reason(reason, rules: rules))") }
        if let code, code.refused == nil {
            lines.append("code:     signed by \(code.issuer)\(code.foreign ? ", from another region (外地码)" : "")")
        }
        if let record {
            var who = "person:   \(record.nameMasked)  \(maskedDocument ?? "holder not named")"
            if let sex = parsedDocument?.sex { who += "  \(sex.rawValue)" }
            if let age = parsedDocument?.age(on: today) { who += "  \(age)" }
            lines.append(who)
            if let nat = record.nat {
                lines.append("NAT:      \(nat.outcome.rawValue), sampled \(Self.iso(nat.sampledAt)), "
                    + "\(nat.ageHours(at: now, from: rules.natAgeFrom)) h ago, \(nat.institution)")
            } else {
                lines.append("NAT:      none")
            }
        } else {
            lines.append("person:   " + (maskedDocument.map { "no record for \($0)" } ?? "not identified"))
        }
        if !readings.isEmpty { lines.append("temps:    " + readings.map { "\($0)℃" }.joined(separator: ", ")) }
        if registered { lines.append("abnormal registration recorded: the code is now \(colour.rawValue)") }
        if verdict.needsConfirmation { lines.append("the data are out of date: an operator must confirm this pass") }
        return lines.joined(separator: "\n")
    }

    func json(_ strings: Strings) throws -> String {
        let nat = record?.nat.map { nat in
            Payload.NAT(result: nat.outcome.rawValue, sampledAt: Self.iso(nat.sampledAt),
                        reportedAt: nat.reportedAt.map(Self.iso), institution: nat.institution,
                        ageHours: nat.ageHours(at: now, from: rules.natAgeFrom))
        }
        let payload = Payload(
            colour: colour.rawValue, verdict: verdict.decision.rawValue,
            reasons: verdict.reasons.map { Payload.Reason(code: $0.code.rawValue, text: strings.reason($0, rules: rules), value: $0.value) },
            nameMasked: record?.nameMasked, idMasked: maskedDocument, code: code,
            sex: parsedDocument?.sex?.rawValue, age: parsedDocument?.age(on: today), nat: nat,
            temperatures: readings.map { Double($0.tenths) / 10 }, registered: registered,
            needsConfirmation: verdict.needsConfirmation)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: date)
    }

    /// The JSON shape of a check.
    struct Payload: Encodable {
        /// One reason: its code, its text in the chosen language, and its figure.
        struct Reason: Encodable {
            let code: String
            let text: String
            let value: Int?
        }

        /// The latest nucleic-acid test.
        struct NAT: Encodable {
            let result: String
            let sampledAt: String
            let reportedAt: String?
            let institution: String
            let ageHours: Int
        }

        let colour: String
        let verdict: String
        let reasons: [Reason]
        let nameMasked: String?
        let idMasked: String?
        let code: Code?
        let sex: String?
        let age: Int?
        let nat: NAT?
        let temperatures: [Double]
        let registered: Bool
        let needsConfirmation: Bool
    }
}
