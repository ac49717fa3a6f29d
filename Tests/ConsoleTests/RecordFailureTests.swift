import Foundation
import HealthCode
import Testing
@testable import Console

/// A store that throws while recording: nothing shows as recorded, and the next action tries again, once.
@Suite struct RecordFailureTests {
    /// 张*三 measured twice abnormal while the store is broken.
    func failedRegistration() throws -> Harness {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.submit("37.6")
        h.gate.failing = true
        h.submit("37.7")
        return h
    }

    @Test func aFailedRegistrationIsNotShownAsDone() throws {
        let h = try failedRegistration()
        let screen = h.screen
        #expect(h.gate.records.isEmpty)
        #expect(h.state.check?.logged == false)
        #expect(h.state.recent.isEmpty)
        #expect(screen.contains("✔  绿码  ✔"))
        #expect(!screen.contains("黄码"))
        #expect(!screen.contains("已异常登记"))
        #expect(screen.contains("本地存储出错（保存核验，下一步操作时重试）：disk I/O error"))
        #expect(screen.contains("本次核验未保存：下一次 Enter、扫码或退出时重试"))
        #expect(screen.contains("暂无"))
    }

    @Test func enterRetriesAndTheRegistrationIsRecordedOnce() throws {
        let h = try failedRegistration()
        h.gate.failing = false
        h.press(.submit)
        #expect(h.gate.records.count == 1)
        let record = try #require(h.gate.records.first)
        #expect(record.registration?.colour == .green)
        #expect(record.check.readings == [Temperature(tenths: 376), Temperature(tenths: 377)])
        #expect(record.check.at == Fixtures.noon)
        #expect(h.state.check?.logged == true)
        let screen = h.screen
        #expect(screen.contains("!  黄码  !"))
        #expect(screen.contains("已异常登记：绿码转为黄码"))
        #expect(!screen.contains("本地存储出错"))
        #expect(!screen.contains("未保存"))
        #expect(h.state.recent.map(\.colour) == [.yellow])
        h.press(.submit)
        h.submit(Fixtures.zhang)
        h.press(.quit)
        #expect(h.gate.records.filter { $0.registration != nil }.count == 1)
        #expect(h.state.recent.count == 2)
    }

    @Test func aNewScanRecordsTheFailedCheckFirst() throws {
        let li = Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)
        let h = try failedRegistration()
        h.gate.people.append(li)
        h.gate.failing = false
        h.advance(seconds: 60)
        h.submit(Fixtures.li)
        #expect(h.gate.checks.map(\.document) == [Fixtures.zhang, Fixtures.li])
        #expect(h.gate.records.first?.registration != nil)
        #expect(h.gate.checks.first?.at == Fixtures.noon)
        #expect(h.state.recent.map(\.name) == ["李*", "张*三"])
    }

    @Test func aRetryThatFailsAgainKeepsTheCheckForTheNextAction() throws {
        let h = try failedRegistration()
        h.press(.submit)
        h.press(.submit)
        #expect(h.gate.records.isEmpty)
        #expect(h.state.unrecorded.count == 1)
        #expect(h.screen.contains("本地存储出错"))
        h.gate.failing = false
        h.press(.submit)
        #expect(h.gate.records.count == 1)
        #expect(h.state.unrecorded.isEmpty)
    }

    @Test func quittingRetriesAndQuitsOnceRecorded() throws {
        let h = try failedRegistration()
        h.gate.failing = false
        h.press(.quit)
        #expect(!h.session.running)
        #expect(h.gate.records.count == 1)
    }

    @Test func quittingWhileTheStoreStillFailsAsksOnceMore() throws {
        let h = try failedRegistration()
        h.press(.function(10))
        #expect(h.session.running)
        #expect(h.screen.contains("1 条核验未能保存，再按 F10 / Ctrl-Q 放弃并退出：disk I/O error"))
        h.press(.quit)
        #expect(!h.session.running)
        #expect(h.gate.records.isEmpty)
    }

    @Test func anotherKeyAfterAFailedQuitStartsOver() throws {
        let h = try failedRegistration()
        h.press(.quit)
        h.type("4")
        h.press(.quit)
        #expect(h.session.running)
    }

    @Test func theReducerShowsNothingAsRecordedBeforeTheStoreSaysSo() {
        let person = Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)
        var state = ConsoleState(checkpoint: Fixtures.gate(), operatorName: "李四", timeZone: Fixtures.beijing,
                                 now: Fixtures.noon)
        let (opened, effects) = reduce(state, .lookedUp(.phone(Fixtures.relativePhone), [person]))
        state = opened
        guard case .record(let log) = effects.first else {
            Issue.record("expected a record effect, got \(effects)")
            return
        }
        #expect(state.recent.isEmpty)
        #expect(state.check?.logged == false)
        let (stored, more) = reduce(state, .recorded(log))
        #expect(more.isEmpty)
        #expect(stored.recent.count == 1)
        #expect(stored.check?.logged == true)
        #expect(reduce(stored, .recorded(log)).0.recent.count == 1)
    }
}

