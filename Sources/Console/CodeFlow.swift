import Foundation
import HealthCode

/// A dynamic code's answer: a refusal is a refused check of no one; a verified code opens its holder.
extension ConsoleState {
    mutating func found(_ check: CodeCheck, record: PersonRecord?, cached: Bool) -> [ConsoleEffect] {
        guard case .verified(let code) = check, let record else {
            let reason = if case .refused(let code) = check { code } else { Reason.Code.noRecord }
            var refused = ScreenCheck(document: nil, colour: .unknown,
                                      verdict: Verdict(decision: .refuse, reasons: [Reason(reason)]))
            refused.code = .refused(reason)
            self.check = refused
            return logCheck(complete: true)
        }
        let effects = open(record)
        self.check?.code = .verified(issuer: code.issuer, foreign: !cached)
        return effects
    }
}
