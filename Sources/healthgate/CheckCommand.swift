import Central
import Console
import Foundation
import HealthCode
import LocalStore

/// `healthgate check`: the console's verdict and recording, headless.
enum CheckCommand: Command {
    static let help = """
        usage: healthgate check DOC [--temp T]... [--json] [--confirm]

        Looks DOC up (a resident ID, HKM:/TW:/PP: document, a proxy applicant's phone with
        exactly one person, or a dynamic code HG1:… verified against the synced trust list),
        judges it against this checkpoint's rules with the readings given, and records the
        check in the scan log and outbox, as the console does. Two abnormal --temp readings
        make an abnormal registration (异常登记): a green code turns yellow. A miss in the
        local cache is asked of the central store.

          --temp T   a temperature reading (36.5, 365, 36.5℃); repeat for a re-measure
          --json     print colour, verdict, reasons, name_masked, id_masked, sex, age, nat,
                     temperatures and, for a dynamic code, code as JSON
          --confirm  confirm a pass on out-of-date data (数据过期); without it such a pass is
                     recorded as incomplete and exits 1

        Exits 0 on a pass, 1 on any other verdict or invalid input, 3 when a store fails.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let json = arguments.flag("--json")
        let confirmed = arguments.flag("--confirm")
        let temperatureTexts = try arguments.options("--temp")
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let query = positionals.first else {
            throw UsageError("check takes exactly one document or phone number")
        }
        let strings = try configuration.strings()
        let now = Date()
        let today = CivilDate(now, in: .current)
        let readings = try temperatureTexts.map { text in
            switch Temperature.parse(text) {
            case .success(let reading): return reading
            case .failure(let problem): throw Failure.invalid("--temp \(text): \(strings.problem(problem))")
            }
        }
        let cache = try configuration.openCache()
        let checkpoint = try configuration.checkpoint(in: cache)
        var record: PersonRecord?
        var document: String?
        var code: CheckReport.Code?
        switch ScanInput.classify(query, today: today) {
        case .invalid(let problem):
            throw Failure.invalid(strings.problem(problem))
        case .code(let scanned):
            switch checkpoint.rules.verify(scanned, trust: try cache.codeTrust(), at: now) {
            case .refused(let reason):
                code = CheckReport.Code(issuer: scanned.issuer, foreign: false, refused: reason)
            case .verified(let verified):
                let holder = try verified.record(
                    person: { try cache.person(document: $0) ?? centralPerson($0, configuration, cache) },
                    hasUnsentRegistration: { try cache.hasUnsentRegistration(document: $0) })
                record = holder.record
                document = verified.holder
                code = CheckReport.Code(issuer: verified.issuer, foreign: !holder.cached, refused: nil)
            }
        case .document(let parsed):
            document = parsed.key
            record = try cache.person(document: parsed.key) ?? centralPerson(parsed.key, configuration, cache)
        case .phone(let phone):
            let people = try cache.people(phone: phone) ?? configuration.openCentral().people(phone: phone)
            guard people.count == 1, let person = people.first else {
                let listed = people.map { "\($0.nameMasked) \(Masking.document($0.document))" }.joined(separator: ", ")
                throw Failure.invalid(people.isEmpty
                    ? "no one is registered under \(Masking.phone(phone))"
                    : "\(people.count) people are registered under \(Masking.phone(phone)) (\(listed)): check one by document")
            }
            document = person.document
            record = person
        }
        let dataAge = try cache.lastSyncAt().map { now.timeIntervalSince($0) }
        let verdict = code?.refused.map { Verdict(decision: .refuse, reasons: [Reason($0)]) }
            ?? checkpoint.rules.judge(record, readings: readings, at: now, dataAge: dataAge)
        let scanned = record?.colour ?? .unknown
        let colour = verdict.registers ? Registration.colour(after: scanned) : scanned
        let check = GateEvent.check(
            id: .newEventID(), at: now, checkpoint: checkpoint, operatorName: configuration.operatorName, document: document,
            colour: scanned, verdict: verdict, readings: readings,
            complete: verdict.decision == .refuse || verdict.decision == .pass && (!verdict.needsConfirmation || confirmed))
        let registration = verdict.registers ? document.map { document in GateEvent.registration(
            id: .newEventID(), at: now, checkpoint: checkpoint, operatorName: configuration.operatorName, document: document,
            colourBefore: scanned, readings: readings) } : nil
        do {
            try cache.record(check: check, registration: registration)
        } catch {
            throw Failure.store("could not record the check: \(error)")
        }
        let report = CheckReport(record: record, document: document, colour: colour, verdict: verdict,
                                 readings: readings, registered: registration != nil, now: now, today: today,
                                 rules: checkpoint.rules, code: code)
        print(json ? try report.json(strings) : report.text(strings))
        return verdict.decision == .pass && (!verdict.needsConfirmation || confirmed) ? 0 : 1
    }

    /// Asks the central store for a person the cache does not have, and keeps the answer in the cache;
    /// a store that cannot be reached is a miss.
    static func centralPerson(_ document: String, _ configuration: Configuration, _ cache: LocalCache) throws -> PersonRecord? {
        guard let record = try? configuration.openCentral().person(document: document) else { return nil }
        try cache.adopt(record)
        return record
    }
}
