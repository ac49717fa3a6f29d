/// A checkpoint's own pass rules (该检查口通行规则).
public struct CheckpointRules: Codable, Equatable, Sendable {
    /// Whether a temperature must be taken before a pass.
    public enum TemperaturePolicy: String, Codable, CaseIterable, Sendable {
        case required, optional, off
    }

    /// A reading at or above this is abnormal.
    public var feverThreshold = Temperature(tenths: 373)
    public var temperature = TemperaturePolicy.required
    /// The oldest negative test accepted, in hours; nil when no test is required.
    public var maxNATAgeHours: Int?
    public var natAgeFrom = NATAgeBasis.sampling
    /// Whether a test still waiting for its result counts.
    public var acceptPending = false
    public var passingColours: Set<CodeColour> = [.green]
    /// How old the last sync may be before verdicts say the data are out of date; nil for no limit.
    public var maxDataAgeMinutes: Int? = 60
    /// The oldest dynamic code accepted, in seconds since it was generated: older is likely a screenshot.
    public var maxCodeAgeSeconds = 60

    public init() {}

    enum CodingKeys: String, CodingKey {
        case feverThreshold, temperature, maxNATAgeHours, natAgeFrom, acceptPending, passingColours, maxDataAgeMinutes
        case maxCodeAgeSeconds
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CheckpointRules()
        feverThreshold = try values.decodeIfPresent(Temperature.self, forKey: .feverThreshold) ?? defaults.feverThreshold
        temperature = try values.decodeIfPresent(TemperaturePolicy.self, forKey: .temperature) ?? defaults.temperature
        maxNATAgeHours = try values.decodeIfPresent(Int.self, forKey: .maxNATAgeHours)
        natAgeFrom = try values.decodeIfPresent(NATAgeBasis.self, forKey: .natAgeFrom) ?? defaults.natAgeFrom
        acceptPending = try values.decodeIfPresent(Bool.self, forKey: .acceptPending) ?? defaults.acceptPending
        passingColours = try values.decodeIfPresent(Set<CodeColour>.self, forKey: .passingColours) ?? defaults.passingColours
        maxDataAgeMinutes = values.contains(.maxDataAgeMinutes)
            ? try values.decodeIfPresent(Int.self, forKey: .maxDataAgeMinutes) : defaults.maxDataAgeMinutes
        maxCodeAgeSeconds = try values.decodeIfPresent(Int.self, forKey: .maxCodeAgeSeconds) ?? defaults.maxCodeAgeSeconds
    }

    /// Writes every rule, a missing limit as null, so that "no limit" survives a round trip.
    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(feverThreshold, forKey: .feverThreshold)
        try values.encode(temperature, forKey: .temperature)
        try values.encode(maxNATAgeHours, forKey: .maxNATAgeHours)
        try values.encode(natAgeFrom, forKey: .natAgeFrom)
        try values.encode(acceptPending, forKey: .acceptPending)
        try values.encode(passingColours, forKey: .passingColours)
        try values.encode(maxDataAgeMinutes, forKey: .maxDataAgeMinutes)
        try values.encode(maxCodeAgeSeconds, forKey: .maxCodeAgeSeconds)
    }
}

/// A checkpoint: where this console stands and the rules it applies.
public struct Checkpoint: Codable, Equatable, Sendable {
    /// Community gate (小区门岗), supermarket or mall entrance (商超), or transit checkpoint (交通卡口).
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case gate, market, transit
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var rules: CheckpointRules

    public init(id: String, name: String, kind: Kind = .gate, rules: CheckpointRules = CheckpointRules()) {
        self.id = id
        self.name = name
        self.kind = kind
        self.rules = rules
    }
}
