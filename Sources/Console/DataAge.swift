import Foundation
import HealthCode
import Sync

/// Out-of-date data (数据过期): verdicts are judged with the age of the last successful sync, and the
/// open check is judged again whenever the sync status changes.
extension ConsoleState {
    /// How long ago the cache last synced; nil when it never has.
    var dataAge: TimeInterval? { sync.lastSuccessAt.map { now.timeIntervalSince($0) } }

    /// This checkpoint's verdict for `record` now, on data of the cache's age.
    func judge(_ record: PersonRecord?, readings: [Temperature]) -> Verdict {
        rules.judge(record, readings: readings, at: now, dataAge: dataAge)
    }

    /// A new sync status: kept, and the open check judged again, since a fresh sync may lift the need
    /// to confirm a pass (which is then logged as any final verdict is).
    mutating func syncChanged(_ status: SyncStatus) -> [ConsoleEffect] {
        guard status != sync else { return [] }
        sync = status
        guard var check, !check.closed, let record = check.record else { return [] }
        check.verdict = judge(record, readings: check.readings)
        self.check = check
        return check.isFinal(under: rules.temperature) ? logCheck(complete: true) : []
    }
}
