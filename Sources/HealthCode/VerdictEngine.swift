import Foundation

extension CheckpointRules {
    /// Judges one person against these rules: the colour, the latest test and the readings taken so far.
    ///
    /// `record` is nil when no code is found (未查询到). Readings are in the order taken; one
    /// abnormal reading sends the person to re-measure, and a second one in a row confirms the
    /// fever and calls for an abnormal registration. `dataAge` is how long ago the cache last
    /// synced: past `maxDataAgeMinutes` the verdict says the data are out of date (数据过期), and a
    /// pass needs the operator's confirmation.
    public func judge(_ record: PersonRecord?, readings: [Temperature], at now: Date,
                      dataAge: TimeInterval? = nil) -> Verdict {
        var verdict = judgeRecord(record, readings: readings, at: now)
        if let maxDataAgeMinutes, let dataAge, dataAge > Double(maxDataAgeMinutes) * 60 {
            verdict.reasons.append(Reason(.dataStale, value: Int(dataAge / 60)))
            verdict.needsConfirmation = verdict.decision == .pass
        }
        return verdict
    }

    private func judgeRecord(_ record: PersonRecord?, readings: [Temperature], at now: Date) -> Verdict {
        guard let record else { return Verdict(decision: .refuse, reasons: [Reason(.noRecord)]) }
        var refusals = colourReasons(record.colour) + natReasons(record.nat, at: now)
        let fever = temperature == .off ? TemperatureFinding.normal : temperatureFinding(readings)
        switch fever {
        case .confirmed(let reading):
            refusals.append(Reason(.feverConfirmed, value: reading.tenths))
            return Verdict(decision: .refuse, reasons: refusals, registers: true)
        case .abnormal(let reading) where refusals.isEmpty:
            return Verdict(decision: .remeasure, reasons: [Reason(.fever, value: reading.tenths)])
        case .abnormal(let reading):
            return Verdict(decision: .refuse, reasons: refusals + [Reason(.fever, value: reading.tenths)])
        case .missing where refusals.isEmpty && temperature == .required:
            return Verdict(decision: .measure, reasons: [Reason(.temperatureMissing)])
        case .missing, .normal:
            return Verdict(decision: refusals.isEmpty ? .pass : .refuse, reasons: refusals)
        }
    }

    /// The colour's reasons to refuse, if it is not one that passes here.
    func colourReasons(_ colour: CodeColour) -> [Reason] {
        guard !passingColours.contains(colour) else { return [] }
        switch colour {
        case .green: return [Reason(.colourGreen)]
        case .yellow: return [Reason(.colourYellow)]
        case .red: return [Reason(.colourRed)]
        case .unknown: return [Reason(.noRecord)]
        }
    }

    /// The test's reasons to refuse: a positive result always; the rest only where a test is required.
    func natReasons(_ nat: NATResult?, at now: Date) -> [Reason] {
        if nat?.outcome == .positive { return [Reason(.natPositive)] }
        guard let maxNATAgeHours else { return [] }
        guard let nat else { return [Reason(.natMissing)] }
        if nat.outcome == .pending && !acceptPending { return [Reason(.natPending)] }
        // Judged on the exact age: 48 h 30 min is not "within 48 hours", though it shows as 48.
        guard nat.age(at: now, from: natAgeFrom) > TimeInterval(maxNATAgeHours) * 3600 else { return [] }
        return [Reason(.natTooOld, value: nat.ageHours(at: now, from: natAgeFrom))]
    }

    /// What the readings so far say.
    func temperatureFinding(_ readings: [Temperature]) -> TemperatureFinding {
        guard let last = readings.last else { return .missing }
        guard last >= feverThreshold else { return .normal }
        let previous = readings.dropLast().last
        if let previous, previous >= feverThreshold { return .confirmed(last) }
        return .abnormal(last)
    }

    /// Whether `reading` is at or above the fever threshold.
    public func isAbnormal(_ reading: Temperature) -> Bool { reading >= feverThreshold }
}

/// The temperature part of a verdict.
enum TemperatureFinding: Equatable {
    case missing, normal
    case abnormal(Temperature)
    case confirmed(Temperature)
}
