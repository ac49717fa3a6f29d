import Foundation
import HealthCode
import Sync
import Testing
@testable import Console

/// What the operator sees for each colour, and what gets logged.
@Suite struct CheckOutcomeTests {
    @Test func greenPassesAfterANormalReading() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("✔  绿码  ✔"))
        #expect(h.screen.contains("请测温"))
        #expect(h.gate.records.isEmpty)

        h.submit("36.5")
        #expect(h.screen.contains("结论  放行"))
        #expect(h.screen.contains("      放行      "))
        #expect(h.screen.contains("36.5℃"))
        #expect(h.gate.checks.count == 1)
        let check = try #require(h.gate.checks.first)
        #expect(check.kind == .check)
        #expect(check.decision == .pass)
        #expect(check.readings == [Temperature(tenths: 365)])
        #expect(check.document == Fixtures.zhang)
        #expect(check.colour == .green)
        #expect(check.complete)
        #expect(check.checkpointID == "cp-east-gate")
        #expect(check.operatorName == "李四")
    }

    @Test func greenShowsThePersonAndTheTestAgainstTheRule() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        let screen = h.screen
        #expect(screen.contains("张*三"))
        #expect(screen.contains("男"))
        #expect(screen.contains("34 岁"))
        #expect(screen.contains("4201**********" + Fixtures.zhang.suffix(4)))
        #expect(screen.contains("阴性"))
        #expect(screen.contains("采样 05-31 06:00"))
        #expect(screen.contains("30 小时前"))
        #expect(screen.contains("武汉协和医院"))
        #expect(screen.contains("符合本检查点要求"))
        #expect(screen.contains("要求 48 小时内阴性"))
    }

    @Test func theTestAgeIsShownOnTheBasisTheRuleCountsFrom() throws {
        var checkpoint = Fixtures.gate()
        checkpoint.rules.natAgeFrom = .report
        let h = try Harness(checkpoint: checkpoint, people: [
            Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green, nat: Fixtures.negativeTest(hoursAgo: 50)),
        ])
        h.submit(Fixtures.zhang)
        let screen = h.screen
        #expect(screen.contains("报告 05-30 18:00  42 小时前"))
        #expect(!screen.contains("50 小时前"))
        #expect(screen.contains("采样 05-30 10:00  武汉协和医院"))
        #expect(screen.contains("符合本检查点要求  要求报告后 48 小时内阴性"))
    }

    @Test func yellowIsRefusedWithoutMeasuring() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow, reason: "密接")])
        h.submit(Fixtures.li)
        let screen = h.screen
        #expect(screen.contains("!  黄码  !"))
        #expect(screen.contains("不予放行"))
        #expect(screen.contains("黄码人员不予放行"))
        #expect(screen.contains("赋码原因 密接"))
        #expect(!screen.contains("请测温"))
        let check = try #require(h.gate.checks.first)
        #expect(h.gate.records.count == 1)
        #expect(check.decision == .refuse)
        #expect(check.readings.isEmpty)
        #expect(check.reasons.map(\.code) == [.colourYellow])
    }

    @Test func redIsRefused() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.wang, name: "王*明", colour: .red)])
        h.submit(Fixtures.wang)
        #expect(h.screen.contains("✖  红码  ✖"))
        #expect(h.screen.contains("红码人员不予放行，按规定上报"))
        #expect(h.gate.checks.map(\.decision) == [.refuse])
    }

    @Test func anOldTestIsRefusedWithItsAge() throws {
        let stale = Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green, nat: Fixtures.negativeTest(hoursAgo: 60))
        let h = try Harness(people: [stale])
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("不符合本检查点要求"))
        #expect(h.screen.contains("核酸检测已过 60 小时，本检查点要求 48 小时内"))
        #expect(h.gate.checks.map(\.decision) == [.refuse])
    }

    @Test func noRecordShowsNotFoundAndIsLogged() throws {
        let h = try Harness()
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("?  未查询到  ?"))
        #expect(h.screen.contains("未查询到健康码，请先申领"))
        #expect(!h.screen.contains("离线"))
        let check = try #require(h.gate.checks.first)
        #expect(check.document == Fixtures.zhang)
        #expect(check.colour == .unknown)
        #expect(check.reasons.map(\.code) == [.noRecord])
    }

    @Test func noRecordWhileOfflineSaysOffline() throws {
        let h = try Harness()
        h.gate.status = SyncStatus(online: false, lastSuccessAt: Fixtures.noon.addingTimeInterval(-3600))
        h.advance(seconds: 1)
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("未查询到"))
        #expect(h.screen.contains("离线：本地缓存中没有此人"))
    }

    @Test func policyOffPassesAtOnce() throws {
        let h = try Harness(checkpoint: Fixtures.gate(temperature: .off),
                            people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("本检查点不测温") == false)
        #expect(h.gate.checks.map(\.decision) == [.pass])
        #expect(h.gate.checks.first?.complete == true)
    }

    @Test func policyOptionalLogsWhenTheNextPersonComes() throws {
        let h = try Harness(checkpoint: Fixtures.gate(temperature: .optional), people: [
            Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green),
            Fixtures.person(Fixtures.li, name: "李*", colour: .green),
        ])
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("可测温，Enter 跳过"))
        #expect(h.gate.records.isEmpty)
        h.submit(Fixtures.li)
        #expect(h.gate.checks.map(\.document) == [Fixtures.zhang])
        #expect(h.gate.checks.first?.complete == true)
        h.press(.submit)
        #expect(h.gate.checks.map(\.document) == [Fixtures.zhang, Fixtures.li])
        h.press(.submit)
        #expect(h.gate.checks.count == 2)
    }

    @Test func aCheckIsNeverLoggedTwice() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.submit(Fixtures.li)
        h.press(.submit)
        h.press(.function(10))
        #expect(h.gate.records.count == 1)
    }

    @Test func recentChecksListTheLastPeople() throws {
        let h = try Harness(people: [
            Fixtures.person(Fixtures.li, name: "李*", colour: .yellow),
            Fixtures.person(Fixtures.wang, name: "王*明", colour: .red),
        ])
        h.submit(Fixtures.li)
        h.advance(seconds: 75)
        h.submit(Fixtures.wang)
        let lines = h.grid.lines
        let recent = try #require(lines.firstIndex { $0.contains("最近核验") })
        #expect(lines[recent + 1].contains("12:01 王*明"))
        #expect(lines[recent + 1].contains("红码 不予放行"))
        #expect(lines[recent + 2].contains("12:00 李*"))
        #expect(lines[recent + 2].contains("黄码 不予放行"))
    }

    @Test func quittingLogsTheOpenCheckAsIncomplete() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.press(.quit)
        #expect(!h.session.running)
        #expect(h.gate.checks.map(\.complete) == [false])
    }
}
