/// The checkpoint's answer for one person: what to do, and every reason for it.
public struct Verdict: Equatable, Sendable {
    /// 放行, 不予放行, 请复测, or 请测温 while the required reading is still to come.
    public enum Decision: String, Codable, Sendable {
        case pass, refuse, remeasure, measure
    }

    public var decision: Decision
    public var reasons: [Reason]
    /// True when two abnormal readings call for an abnormal registration (异常登记).
    public var registers: Bool
    /// True for a pass on out-of-date data: the operator must confirm it.
    public var needsConfirmation = false

    public init(decision: Decision, reasons: [Reason], registers: Bool = false) {
        self.decision = decision
        self.reasons = reasons
        self.registers = registers
    }
}

/// One machine-readable reason behind a verdict, with the figure its text needs.
public struct Reason: Equatable, Codable, Sendable {
    /// The reason codes; each is also the key of its human text in the string tables.
    public enum Code: String, Codable, CaseIterable, Sendable {
        case noRecord = "no_record"
        case colourYellow = "colour_yellow"
        case colourRed = "colour_red"
        case colourGreen = "colour_green"
        case natMissing = "nat_missing"
        case natTooOld = "nat_too_old"
        case natPositive = "nat_positive"
        case natPending = "nat_pending"
        case temperatureMissing = "temperature_missing"
        case fever = "fever"
        case feverConfirmed = "fever_confirmed"
        case dataStale = "data_stale"
        /// A dynamic code whose issuer or key is not (or no longer) on the trust list.
        case codeUntrusted = "code_untrusted"
        /// A dynamic code whose signature does not match: altered or forged.
        case codeForged = "code_forged"
        /// A dynamic code older than the checkpoint allows: likely a screenshot.
        case codeExpired = "code_expired"
        /// A dynamic code dated ahead of the central store's clock.
        case codeFuture = "code_future"
    }

    public var code: Code
    /// Hours for NAT age, tenths of a degree for fever, minutes for stale data; nil where the code says it all.
    public var value: Int?

    public init(_ code: Code, value: Int? = nil) {
        self.code = code
        self.value = value
    }
}
