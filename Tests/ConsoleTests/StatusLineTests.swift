import Foundation
import HealthCode
import Sync
import Testing
@testable import Console

/// The status line's clock skew, refused events and first-sync progress, and how it fits 80 columns.
@Suite struct StatusLineTests {
    /// Everything the status line can show at once: a first sync, a stale age, a skew, refusals, a backlog.
    static let everything = SyncStatus(online: true, lastSuccessAt: Fixtures.noon.addingTimeInterval(-11 * 60),
                                       backlog: 1_234, running: true, clockSkew: 185, rejected: 2,
                                       firstSyncProgress: 12_345_678)

    static func statusLine(_ status: SyncStatus, language: Language = .simplifiedChinese,
                           size: Size = .minimum) throws -> (text: String, grid: Grid) {
        let h = try Harness(language: language, size: size)
        h.gate.status = status
        h.gate.counts = TodayCounts(passed: 1_024, refused: 37, registered: 2)
        h.advance(seconds: 10)
        return (h.grid.text(row: 1), h.grid)
    }

    @Test(arguments: [(185.0, "时钟偏差 +3 分钟"), (-200.0, "时钟偏差 -3 分钟"), (-7_260.0, "时钟偏差 -121 分钟")])
    func aClockSkewIsAWarningWithItsSign(skew: TimeInterval, text: String) throws {
        let (line, grid) = try Self.statusLine(SyncStatus(online: true, lastSuccessAt: Fixtures.noon, clockSkew: skew))
        #expect(line.contains(text))
        let start = try #require(line.range(of: text)).lowerBound
        #expect(grid[1, CharacterWidth.of(String(line[..<start]))].style.role == .warning)
    }

    @Test func aSmallSkewIsNotShown() throws {
        let (line, _) = try Self.statusLine(SyncStatus(online: true, lastSuccessAt: Fixtures.noon, clockSkew: -110))
        #expect(!line.contains("时钟"))
    }

    @Test func theSkewIsShownInEnglish() throws {
        let (line, _) = try Self.statusLine(SyncStatus(online: true, lastSuccessAt: Fixtures.noon, clockSkew: -185),
                                            language: .english)
        #expect(line.contains("clock off by -3 min"))
    }

    @Test func refusedEventsAreCountedAsAWarning() throws {
        let (line, grid) = try Self.statusLine(SyncStatus(online: true, lastSuccessAt: Fixtures.noon, rejected: 2))
        #expect(line.contains("拒收 2 条"))
        let start = try #require(line.range(of: "拒收")).lowerBound
        #expect(grid[1, CharacterWidth.of(String(line[..<start]))].style.role == .warning)
        let (none, _) = try Self.statusLine(SyncStatus(online: true, lastSuccessAt: Fixtures.noon))
        #expect(!none.contains("拒收"))
    }

    @Test func aFirstSyncShowsItsProgress() throws {
        let (line, _) = try Self.statusLine(SyncStatus(online: true, running: true, firstSyncProgress: 120_000))
        #expect(line.contains("首次同步 120,000 人…"))
        #expect(!line.contains("同步中"))
        let (english, _) = try Self.statusLine(SyncStatus(online: true, running: true, firstSyncProgress: 120_000),
                                               language: .english)
        #expect(english.contains("first sync: 120,000 people…"))
    }

    @Test func aCacheSyncedBeforeIsConnectingUntilThisSessionReachesTheStore() throws {
        let (line, _) = try Self.statusLine(SyncStatus(lastSuccessAt: Fixtures.noon, running: true))
        #expect(line.contains("连接中"))
        #expect(!line.contains("尚未同步"))
        let (english, _) = try Self.statusLine(SyncStatus(lastSuccessAt: Fixtures.noon, running: true), language: .english)
        #expect(english.contains("connecting"))
    }

    @Test(arguments: Language.allCases)
    func everythingFitsEightyColumnsWithTheWarningsKept(language: Language) throws {
        let (line, grid) = try Self.statusLine(Self.everything, language: language)
        let shown = String(line.reversed().drop { $0 == " " }.reversed())
        #expect(CharacterWidth.of(shown) <= 79, "\(shown)")
        let strings = try Strings(language: language)
        /// A piece in its full or short form.
        func forms(_ key: String, _ values: [String: String]) -> [String] {
            [strings.text(key, values), strings.text(key + "_short", values)]
        }
        let kept = [
            [strings.text("sync.online")],
            forms("sync.first_sync", ["count": "12,345,678"]),
            [strings.text("sync.age_minutes", ["minutes": "11"])],
            forms("sync.skew", ["minutes": "+3"]),
            forms("sync.rejected", ["count": "2"]),
        ]
        for piece in kept { #expect(piece.contains { shown.contains($0) }, "\(shown) lacks \(piece[0])") }
        let ends = kept[4] + [strings.text("sync.backlog", ["count": "1,234"])]
        #expect(ends.contains { shown.hasSuffix($0) }, "\(shown) ends cut")
        let age = try #require(line.range(of: kept[2][0])).lowerBound
        #expect(grid[1, CharacterWidth.of(String(line[..<age]))].style.role == .warning)
    }

    @Test func theChineseLineAtEightyColumnsDropsTheCountsAndGivesBackWhatRoomIsLeft() throws {
        func trimmed(_ line: String) -> String { String(line.reversed().drop { $0 == " " }.reversed()) }
        let (line, _) = try Self.statusLine(Self.everything)
        #expect(trimmed(line) == " 在线  首次同步 12,345,678  11 分钟前同步  时钟 +3 分  拒收 2 条  待上传 1,234")
        var smaller = Self.everything
        smaller.firstSyncProgress = 120_000
        let (roomier, _) = try Self.statusLine(smaller)
        #expect(trimmed(roomier) == " 在线  首次同步 120,000 人…  11 分钟前同步  时钟 +3 分  拒收 2 条  待上传 1,234")
        #expect(CharacterWidth.of(trimmed(roomier)) == 79)
    }

    @Test func aWideScreenShowsEverythingInFull() throws {
        let (line, _) = try Self.statusLine(Self.everything, size: Size(rows: 30, cols: 140))
        for piece in ["首次同步 12,345,678 人…", "11 分钟前同步", "时钟偏差 +3 分钟", "拒收 2 条", "待上传 1,234",
                      "今日 放行 1024 不予放行 37 登记 2"] {
            #expect(line.contains(piece), "\(line) lacks \(piece)")
        }
    }

    @Test func theDayCountsShortenBeforeTheyGo() throws {
        let status = SyncStatus(online: true, lastSuccessAt: Fixtures.noon, backlog: 3, running: true)
        let (english, _) = try Self.statusLine(status, language: .english)
        #expect(english.contains("online  syncing  synced just now  outbox 3  1024 passed, 37 refused, 2 reg."))
    }

    @Test func numbersAreGroupedByThree() {
        #expect(Painter.grouped(0) == "0")
        #expect(Painter.grouped(999) == "999")
        #expect(Painter.grouped(1_000) == "1,000")
        #expect(Painter.grouped(12_345_678) == "12,345,678")
    }
}
