import Foundation
import HealthCode

/// The life of a check: a submitted line, the lookup's answer, readings, and closing it exactly once.
extension ConsoleState {
    /// Enter, CR, LF or Tab in the scan field.
    mutating func submit() -> [ConsoleEffect] {
        let line = input
        input = ""
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return submitEmpty() }
        if ReadingInput.looksLikeReading(text) { return take(reading: text) }
        switch ScanInput.classify(text, today: today) {
        case .invalid(let problem):
            notice = .rejectedScan(problem, input: Masking.scanned(text))
            return []
        case .code(let code):
            notice = nil
            return closeCheck() + [.verify(code, at: now)]
        case let scan:
            notice = nil
            return closeCheck() + [.lookup(scan)]
        }
    }

    /// An empty line finishes a check that only waits for an optional reading, and confirms a pass
    /// on out-of-date data: the only way such a pass is logged as complete.
    private mutating func submitEmpty() -> [ConsoleEffect] {
        guard let check, !check.closed else { return [] }
        if check.awaitsReading {
            notice = .readingAwaited
            return []
        }
        return logCheck(complete: true)
    }

    /// A typed temperature for the open check: implausible or unreadable ones are asked for again.
    private mutating func take(reading text: String) -> [ConsoleEffect] {
        guard var check, !check.closed, let record = check.record else {
            notice = .noOpenCheck
            return []
        }
        switch Temperature.parse(text) {
        case .failure(let problem):
            notice = .rejectedReading(problem)
            return []
        case .success(let reading):
            check.readings.append(reading)
            check.verdict = judge(record, readings: check.readings)
            if check.verdict.registers {
                check.colour = Registration.colour(after: record.colour)
                notice = .registered(from: record.colour, to: check.colour)
            } else {
                notice = check.verdict.decision == .remeasure ? .remeasure : nil
            }
            self.check = check
            return check.isFinal(under: rules.temperature) ? logCheck(complete: true) : []
        }
    }

    /// The lookup's answer: a pick list for several people under one phone, else the person (or nobody).
    mutating func found(_ people: [PersonRecord], for input: ScanInput) -> [ConsoleEffect] {
        if case .phone(let phone) = input, people.count > 1 {
            check = nil
            mode = .pick(PickList(phone: phone, people: people))
            return []
        }
        if let person = people.first { return open(person) }
        var document: String?
        if case .document(let scanned) = input { document = scanned.key }
        check = ScreenCheck(document: document, colour: .unknown,
                            verdict: judge(nil, readings: []), offline: sync.online == false)
        return logCheck(complete: true)
    }

    /// Puts a person on screen, judged with no readings yet; a final verdict is logged at once.
    mutating func open(_ record: PersonRecord) -> [ConsoleEffect] {
        var sex: Sex?
        var age: Int?
        if case .document(let document) = ScanInput.classify(record.document, today: today) {
            sex = document.sex
            age = document.age(on: today)
        }
        let opened = ScreenCheck(document: record.document.isEmpty ? nil : record.document, record: record, sex: sex, age: age,
                                 colour: record.colour, verdict: judge(record, readings: []))
        check = opened
        return opened.isFinal(under: rules.temperature) ? logCheck(complete: true) : []
    }

    /// Logs the check on screen if it is still open: complete unless a reading or a confirmation was
    /// still awaited.
    mutating func closeCheck() -> [ConsoleEffect] {
        guard let check, !check.closed else { return [] }
        return logCheck(complete: !check.awaitsReading && !check.awaitsConfirmation)
    }
}
