import Foundation
import HealthCode
import Sync
import Testing
@testable import Console

/// The screen as a whole: help, sizes, the status line, privacy, languages, bad input.
@Suite struct ScreenTests {
    @Test func helpOverlayShowsTheKeysAndAnyKeyClosesIt() throws {
        let h = try Harness()
        h.press(.function(1))
        let screen = h.screen
        #expect(screen.contains("按键说明"))
        #expect(screen.contains("F2            纠错"))
        #expect(screen.contains("F10 / Ctrl-Q  退出"))
        #expect(screen.contains("按任意键关闭"))
        h.press(.character("4"))
        #expect(!h.screen.contains("按键说明"))
        #expect(h.state.input == "4")
    }

    @Test(arguments: [Size(rows: 23, cols: 80), Size(rows: 24, cols: 79), Size(rows: 10, cols: 30)])
    func aSmallTerminalSaysSo(size: Size) throws {
        let h = try Harness(size: size)
        let screen = h.screen
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("终端太小：至少需要 80x24"))
        #expect(!screen.contains("最近核验"))
    }

    @Test func resizingRelaysOut() throws {
        let h = try Harness()
        h.session.dispatch(.resize(Size(rows: 20, cols: 100)))
        #expect(h.state.size == Size(rows: 20, cols: 100))
        h.size = h.state.size
        #expect(h.screen.contains("当前 100x20"))
        h.session.dispatch(.resize(Size(rows: 40, cols: 100)))
        h.size = h.state.size
        #expect(h.screen.contains("最近核验"))
    }

    @Test func aLargerScreenHasABiggerBlockAndMoreRecentRows() throws {
        let people = (0..<30).map { index in
            Fixtures.person(Fixtures.residentID("420106199511200\(String(format: "%02d", index))"),
                            name: "李*\(index)", colour: .yellow)
        }
        let small = try Harness(people: people)
        let large = try Harness(size: Size(rows: 50, cols: 140), people: people)
        for person in people {
            small.submit(person.document)
            large.submit(person.document)
        }
        func blockRows(_ grid: Grid) -> Int {
            (0..<grid.size.rows).filter { grid[$0, 0].style.role == .yellowBlock }.count
        }
        func recentRows(_ grid: Grid) -> Int { grid.lines.filter { $0.contains("黄码 不予放行") }.count }
        #expect(blockRows(large.grid) > blockRows(small.grid))
        #expect(recentRows(large.grid) > recentRows(small.grid))
        #expect(recentRows(small.grid) == 19)
    }

    @Test func statusLineShowsSyncCountsCheckpointOperatorAndClock() throws {
        let h = try Harness()
        h.gate.status = SyncStatus(online: true, lastSuccessAt: Fixtures.noon.addingTimeInterval(-185), backlog: 4)
        h.gate.counts = TodayCounts(passed: 12, refused: 3, registered: 1)
        h.advance(seconds: 10)
        let lines = h.grid.lines
        #expect(lines[0].contains("东湖小区北门"))
        #expect(lines[0].contains("操作员 李四"))
        #expect(lines[0].contains("12:00:10"))
        #expect(lines[1].contains("在线"))
        #expect(lines[1].contains("3 分钟前同步"))
        #expect(lines[1].contains("待上传 4"))
        #expect(lines[1].contains("今日 放行 12 不予放行 3 登记 1"))
    }

    @Test func aStaleSyncIsAWarning() throws {
        let h = try Harness()
        h.gate.status = SyncStatus(online: false, lastSuccessAt: Fixtures.noon.addingTimeInterval(-11 * 60))
        h.advance(seconds: 1)
        let grid = h.grid
        let line = grid.text(row: 1)
        #expect(line.contains("离线"))
        #expect(line.contains("11 分钟前同步"))
        let start = try #require(line.range(of: "11 分钟前同步")).lowerBound
        let column = CharacterWidth.of(String(line[..<start]))
        #expect(grid[1, column].style.role == .warning)
    }

    @Test func anOldSyncIsCountedInDays() throws {
        let h = try Harness()
        h.gate.status = SyncStatus(online: false, lastSuccessAt: Fixtures.noon.addingTimeInterval(-3 * 86_400))
        h.advance(seconds: 1)
        #expect(h.grid.text(row: 1).contains("3 天前同步"))
    }

    @Test func beforeTheFirstSyncItSaysSo() throws {
        let h = try Harness()
        h.gate.status = SyncStatus()
        h.advance(seconds: 1)
        #expect(h.grid.text(row: 1).contains("尚未同步"))
    }

    @Test func countsRefreshAfterARecord() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.gate.counts = TodayCounts(passed: 0, refused: 1, registered: 0)
        h.submit(Fixtures.li)
        #expect(h.grid.text(row: 1).contains("不予放行 1"))
    }

    @Test func aFullIDNeverAppears() throws {
        let h = try Harness(people: [
            Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green, phone: Fixtures.relativePhone),
            Fixtures.person(Fixtures.wang, name: "王*明", colour: .green, phone: Fixtures.relativePhone),
        ])
        var screens: [String] = []
        h.submit(Fixtures.zhang)
        screens.append(h.screen)
        h.submit("37.5")
        h.submit("37.5")
        screens.append(h.screen)
        h.press(.function(2))
        screens.append(h.screen)
        h.press(.escape)
        h.submit(Fixtures.relativePhone)
        screens.append(h.screen)
        h.press(.character("2"))
        screens.append(h.screen)
        h.submit(String(Fixtures.zhang.dropLast()) + "0")
        screens.append(h.screen)
        for screen in screens {
            for id in [Fixtures.zhang, Fixtures.wang, String(Fixtures.zhang.dropLast()) + "0"] {
                #expect(!screen.contains(id))
                #expect(!screen.contains(id.dropFirst(4).dropLast(4)))
            }
        }
    }

    @Test func aGarbageScanShowsOneLineAndChangesNothingElse() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        let wrongCheckDigit = String(Fixtures.zhang.dropLast()) + (Fixtures.zhang.last == "0" ? "1" : "0")
        h.type(wrongCheckDigit)
        let before = h.state
        let (after, effects) = reduce(before, .key(.submit))
        #expect(effects.isEmpty)
        #expect(after.check == before.check)
        #expect(after.recent == before.recent)
        #expect(after.mode == before.mode)
        h.press(.submit)
        #expect(h.screen.contains("身份证号校验位错误：4201**********"))
        #expect(h.gate.records.isEmpty)
        #expect(h.gate.lookups.count == 1)
        h.submit("hello")
        #expect(h.screen.contains("无法识别：不是身份证号、证件号或手机号"))
        h.submit("4201021988030712")
        #expect(h.screen.contains("身份证号应为 18 位，输入了 16 位"))
        #expect(h.state.check?.document == Fixtures.zhang)
    }

    @Test func typingEditsAndEscapeClears() throws {
        let h = try Harness()
        h.type("4201x")
        h.press(.backspace)
        #expect(h.state.input == "4201")
        #expect(h.screen.contains("扫码/证件号/手机号 > 4201"))
        #expect(h.grid.cursor == Position(row: 23, col: 26))
        h.press(.escape)
        #expect(h.state.input.isEmpty)
    }

    @Test func otherDocumentsAreLookedUpAsTyped() throws {
        let h = try Harness(people: [Fixtures.person("HKM:H12345678", name: "陈*文", colour: .green)])
        h.submit("hkm: h1234 5678")
        #expect(h.screen.contains("陈*文"))
        #expect(h.screen.contains("HKM:*****5678"))
    }

    @Test func englishUsesTheEnglishTable() throws {
        let h = try Harness(language: .english, people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.submit(Fixtures.li)
        #expect(h.screen.contains("!  YELLOW  !"))
        #expect(h.screen.contains("Yellow code: no entry"))
        #expect(h.screen.contains("Recent checks"))
    }

    @Test func traditionalChineseUsesItsTable() throws {
        let h = try Harness(language: .traditionalChinese, people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.submit(Fixtures.li)
        #expect(h.screen.contains("!  黃碼  !"))
        #expect(h.screen.contains("最近核驗"))
    }

    @Test func aFailingLookupShowsOneLine() throws {
        let h = try Harness()
        h.gate.failing = true
        h.submit(Fixtures.zhang)
        #expect(h.screen.contains("本地存储出错（查询）：disk I/O error"))
        #expect(h.state.check == nil)
    }
}
