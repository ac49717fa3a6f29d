import Foundation
import HealthCode
import Sync
import Testing
@testable import Console

/// Out-of-date data (数据过期): a pass past the checkpoint's maximum data age waits for the operator's Enter.
@Suite struct StaleDataTests {
    /// A harness whose last successful sync was `minutesAgo` minutes before noon (the checkpoint allows 60).
    static func harness(syncedMinutesAgo minutesAgo: Double?, checkpoint: Checkpoint = Fixtures.gate(),
                        language: Language = .simplifiedChinese) throws -> Harness {
        let h = try Harness(checkpoint: checkpoint, language: language, people: [
            Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green),
            Fixtures.person(Fixtures.li, name: "李*", colour: .yellow),
        ])
        h.gate.status = SyncStatus(online: false, lastSuccessAt: minutesAgo.map { Fixtures.noon.addingTimeInterval(-$0 * 60) })
        h.advance(seconds: 1)
        return h
    }

    @Test func aStalePassIsLoggedOnlyOnceEnterConfirmsIt() throws {
        let h = try Self.harness(syncedMinutesAgo: 120)
        h.submit(Fixtures.zhang)
        h.submit("36.5")
        let screen = h.screen
        #expect(screen.contains("      放行      "))
        #expect(screen.contains("数据过期，确认放行请按 Enter"))
        #expect(screen.contains("数据过期：120 分钟未同步，放行需人工确认"))
        #expect(screen.contains("Enter 确认放行 > "))
        #expect(!screen.contains("请测温（"))
        #expect(h.gate.records.isEmpty)

        h.press(.submit)
        let check = try #require(h.gate.checks.first)
        #expect(h.gate.checks.count == 1)
        #expect(check.decision == .pass)
        #expect(check.complete)
        #expect(check.reasons.map(\.code) == [.dataStale])
        #expect(check.readings == [Temperature(tenths: 365)])
        #expect(h.screen.contains("已人工确认放行（数据过期）"))
        #expect(!h.screen.contains("确认放行请按 Enter"))
        #expect(h.screen.contains("扫码/证件号/手机号 > "))
        h.press(.submit)
        #expect(h.gate.checks.count == 1)
    }

    @Test func aNewScanLogsTheUnconfirmedPassIncomplete() throws {
        let h = try Self.harness(syncedMinutesAgo: 90)
        h.submit(Fixtures.zhang)
        h.submit("36.5")
        h.submit(Fixtures.li)
        #expect(h.gate.checks.map(\.document) == [Fixtures.zhang, Fixtures.li])
        let unconfirmed = try #require(h.gate.checks.first)
        #expect(unconfirmed.complete == false)
        #expect(unconfirmed.reasons.map(\.code) == [.dataStale])
        let lines = h.grid.lines
        let recent = try #require(lines.firstIndex { $0.contains("最近核验") })
        #expect(lines[recent + 2].contains("张*三"))
        #expect(lines[recent + 2].contains("绿码 未完成"))
        #expect(!lines[recent + 2].contains("放行"))
    }

    @Test func quittingLogsTheUnconfirmedPassIncomplete() throws {
        let h = try Self.harness(syncedMinutesAgo: 90, checkpoint: Fixtures.gate(temperature: .off))
        h.submit(Fixtures.zhang)
        #expect(h.gate.records.isEmpty)
        h.press(.quit)
        #expect(h.gate.checks.map(\.complete) == [false])
    }

    @Test func aRefusalOnStaleDataIsLoggedAtOnce() throws {
        let h = try Self.harness(syncedMinutesAgo: 120)
        h.submit(Fixtures.li)
        let check = try #require(h.gate.checks.first)
        #expect(h.gate.checks.count == 1)
        #expect(check.decision == .refuse)
        #expect(check.complete)
        #expect(check.reasons.map(\.code) == [.colourYellow, .dataStale])
        #expect(!h.screen.contains("确认放行"))
        #expect(h.screen.contains("扫码/证件号/手机号 > "))
    }

    @Test(arguments: [59.0, nil])
    func freshOrNeverSyncedDataNeedNoConfirmation(minutesAgo: Double?) throws {
        let h = try Self.harness(syncedMinutesAgo: minutesAgo)
        h.submit(Fixtures.zhang)
        h.submit("36.5")
        let check = try #require(h.gate.checks.first)
        #expect(check.complete)
        #expect(check.reasons.isEmpty)
        #expect(!h.screen.contains("数据过期"))
    }

    @Test func aFreshSyncLiftsTheNeedAndLogsThePass() throws {
        let h = try Self.harness(syncedMinutesAgo: 120)
        h.submit(Fixtures.zhang)
        h.submit("36.5")
        #expect(h.gate.records.isEmpty)
        h.gate.status = SyncStatus(online: true, lastSuccessAt: h.now)
        h.advance(seconds: 1)
        let check = try #require(h.gate.checks.first)
        #expect(h.gate.checks.count == 1)
        #expect(check.complete)
        #expect(check.reasons.isEmpty)
        #expect(!h.screen.contains("数据过期"))
    }

    @Test func aStalerSyncStatusAsksForConfirmationOfTheOpenCheck() throws {
        let h = try Self.harness(syncedMinutesAgo: 30, checkpoint: Fixtures.gate(temperature: .optional))
        h.submit(Fixtures.zhang)
        #expect(!h.screen.contains("数据过期"))
        h.gate.status = SyncStatus(online: false, lastSuccessAt: Fixtures.noon.addingTimeInterval(-2 * 3600))
        h.advance(seconds: 1)
        #expect(h.screen.contains("数据过期，确认放行请按 Enter"))
        #expect(h.gate.records.isEmpty)
        h.press(.submit)
        #expect(h.gate.checks.map(\.complete) == [true])
        #expect(h.gate.checks.first?.reasons.map(\.code) == [.dataStale])
    }

    @Test(arguments: [(Language.english, "Out-of-date data: Enter confirms the pass"),
                      (Language.traditionalChinese, "資料過期，確認放行請按 Enter")])
    func theConfirmationIsAskedInEachLanguage(language: Language, text: String) throws {
        let h = try Self.harness(syncedMinutesAgo: 120, checkpoint: Fixtures.gate(temperature: .off), language: language)
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains(text))
        h.press(.function(1))
        #expect(h.screen.contains(language == .english ? "confirm an out-of-date pass" : "確認資料過期的放行"))
    }

    @Test func theEnglishReasonFitsTheResultColumn() throws {
        let h = try Self.harness(syncedMinutesAgo: 4_320, checkpoint: Fixtures.gate(temperature: .off), language: .english)
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("- Data out of date: not synced for 4320 min "))
    }
}
