import Foundation
import HealthCode
import Testing
@testable import Console

/// Readings typed into the scan field: re-measure, abnormal registration, and what is not a reading.
@Suite struct TemperatureFlowTests {
    @Test func oneAbnormalReadingSendsToRemeasure() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.submit("37.6")
        #expect(h.screen.contains("请复测"))
        #expect(h.screen.contains("请到隔离区复测"))
        #expect(h.screen.contains("✔  绿码  ✔"))
        #expect(h.gate.records.isEmpty)
    }

    @Test func aSecondAbnormalReadingRegistersAndTurnsYellow() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.submit("37.6")
        h.submit("37.8℃")
        let screen = h.screen
        #expect(screen.contains("!  黄码  !"))
        #expect(screen.contains("不予放行"))
        #expect(screen.contains("复测体温 37.8℃ 仍异常，异常登记"))
        #expect(screen.contains("已异常登记：绿码转为黄码"))
        #expect(h.gate.records.count == 1)
        let record = try #require(h.gate.records.first)
        #expect(record.check.decision == .refuse)
        #expect(record.check.readings == [Temperature(tenths: 376), Temperature(tenths: 378)])
        let registration = try #require(record.registration)
        #expect(registration.kind == .registration)
        #expect(registration.colour == .green)
        #expect(registration.document == Fixtures.zhang)
        #expect(registration.readings == record.check.readings)
        #expect(registration.id != record.check.id)
    }

    @Test func theReducerAsksForOneRecordWithTheRegistration() throws {
        let person = Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)
        var state = ConsoleState(checkpoint: Fixtures.gate(), operatorName: "李四", timeZone: Fixtures.beijing,
                                 now: Fixtures.noon)
        state = reduce(state, .lookedUp(.phone(Fixtures.relativePhone), [person])).0
        for key in "37.5".map(Key.character) + [.submit] + "37.9".map(Key.character) {
            state = reduce(state, .key(key)).0
        }
        let (_, effects) = reduce(state, .key(.submit))
        #expect(effects.count == 1)
        guard case .record(let log) = effects.first else {
            Issue.record("expected a record effect, got \(effects)")
            return
        }
        #expect(log.verdict.registers)
        #expect(log.colour == .green)
    }

    @Test func anImplausibleReadingAsksAgainAndRecordsNothing() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        let before = h.state
        h.type("45.0")
        let (after, effects) = reduce(h.state, .key(.submit))
        #expect(effects.isEmpty)
        #expect(after.check == before.check)
        h.press(.submit)
        #expect(h.screen.contains("体温 45.0℃ 不可能，请重新测量"))
        h.submit("3650")
        #expect(h.screen.contains("体温读数无法识别，请重新测量"))
        #expect(h.state.check?.readings == [])
        #expect(h.gate.records.isEmpty)
    }

    @Test func aNewScanWhileAReadingIsAwaitedLogsAnIncompleteCheck() throws {
        let h = try Harness(people: [
            Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green),
            Fixtures.person(Fixtures.li, name: "李*", colour: .green),
        ])
        h.submit(Fixtures.zhang)
        h.submit("37.5")
        h.submit(Fixtures.li)
        let check = try #require(h.gate.checks.first)
        #expect(h.gate.checks.count == 1)
        #expect(check.document == Fixtures.zhang)
        #expect(!check.complete)
        #expect(check.decision == .remeasure)
        #expect(check.readings == [Temperature(tenths: 375)])
        #expect(h.screen.contains("李*"))
    }

    @Test func anEmptyLineDoesNotSkipARequiredReading() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.press(.submit)
        #expect(h.screen.contains("请输入体温，或扫描下一位"))
        #expect(h.gate.records.isEmpty)
    }

    @Test func aReadingWithNoOpenCheckIsNotAScan() throws {
        let h = try Harness()
        h.submit("36.6")
        #expect(h.screen.contains("没有等待测温的核验，请先扫码"))
        #expect(h.gate.lookups.isEmpty)
    }

    @Test func readingsAreToldFromScans() {
        #expect(ReadingInput.looksLikeReading("36.5"))
        #expect(ReadingInput.looksLikeReading("365"))
        #expect(ReadingInput.looksLikeReading("３６.５℃"))
        #expect(ReadingInput.looksLikeReading("37 C"))
        #expect(ReadingInput.looksLikeReading("3650"))
        #expect(!ReadingInput.looksLikeReading(Fixtures.relativePhone))
        #expect(!ReadingInput.looksLikeReading("36.5.1"))
        #expect(!ReadingInput.looksLikeReading("HKM:H1234567"))
        #expect(!ReadingInput.looksLikeReading(".5"))
    }
}
