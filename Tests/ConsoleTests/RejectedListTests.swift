import Foundation
import HealthCode
import Testing
@testable import Console

/// F3: the dead-letter list of events the central store refused for good, masked, newest first.
@Suite struct RejectedListTests {
    static func registration(_ document: String, minutesAgo: Double) -> GateEvent {
        GateEvent.registration(id: UUID(), at: Fixtures.noon.addingTimeInterval(-minutesAgo * 60 - 30),
                               checkpoint: Fixtures.gate(), operatorName: "李四", document: document,
                               colourBefore: .green, readings: [Temperature(tenths: 378)])
    }

    static func check(_ document: String) -> GateEvent {
        GateEvent.check(id: UUID(), at: Fixtures.noon.addingTimeInterval(-3600), checkpoint: Fixtures.gate(),
                        operatorName: "李四", document: document, colour: .yellow,
                        verdict: Verdict(decision: .refuse, reasons: [], registers: false), readings: [], complete: true)
    }

    /// A console whose store refused a registration, a check and an unreadable event.
    func refused() throws -> Harness {
        let h = try Harness()
        h.gate.rejected = [
            RejectedEvent(event: Self.registration(Fixtures.zhang, minutesAgo: 2),
                          reason: "\(Fixtures.zhang) voided",
                          at: Fixtures.noon.addingTimeInterval(-120)),
            RejectedEvent(event: Self.check(Fixtures.li), reason: "checkpoint unknown\nto the store",
                          at: Fixtures.noon.addingTimeInterval(-3000)),
            RejectedEvent(event: nil, reason: "payload undecodable", at: Fixtures.noon.addingTimeInterval(-7200)),
        ]
        h.gate.status.rejected = 3
        h.advance(seconds: 1)
        return h
    }

    func row(of text: String, in h: Harness) -> Int? {
        h.grid.lines.firstIndex { $0.contains(text) }
    }

    @Test func f3ListsTheRefusedEventsMaskedAndNewestFirst() throws {
        let h = try refused()
        h.press(.function(3))
        let screen = h.screen
        #expect(h.gate.rejectedLimits == [ConsoleState.rejectedLimit])
        #expect(screen.contains("拒收记录（中心库拒收，不再上传）"))
        let zhang = "4201**********" + Fixtures.zhang.suffix(4)
        let li = "4201**********" + Fixtures.li.suffix(4)
        #expect(screen.contains("11:58  异常登记  \(zhang)  \(zhang) voided"))
        #expect(screen.contains("11:10  检查      \(li)  checkpoint unknown to the store"))
        #expect(screen.contains("10:00  无法读取"))
        #expect(screen.contains("payload undecodable"))
        #expect(!screen.contains(Fixtures.zhang))
        #expect(!screen.contains(Fixtures.li))
        let rows = try [zhang, li, "无法读取"].map { try #require(row(of: $0, in: h)) }
        #expect(rows == rows.sorted())
        #expect(!screen.contains("未显示"))
    }

    @Test func anEmptyListSaysSo() throws {
        let h = try Harness()
        h.press(.function(3))
        #expect(h.screen.contains("没有被拒收的记录"))
        #expect(h.state.rejectedList == [])
    }

    @Test(arguments: [Key.function(3), Key.escape])
    func f3AndEscapeOnlyCloseTheList(key: Key) throws {
        let h = try refused()
        h.type("42")
        h.press(.function(3))
        h.press(key)
        #expect(h.state.rejectedList == nil)
        #expect(!h.screen.contains("拒收记录（"))
        #expect(h.state.input == "42")
        #expect(h.gate.rejectedLimits.count == 1)
    }

    @Test func theFirstKeyClosesTheListAndTypes() throws {
        let h = try refused()
        h.press(.function(3))
        h.press(.character("4"))
        #expect(h.state.rejectedList == nil)
        #expect(h.state.input == "4")
    }

    @Test func aFailingStoreShowsOneLineAndNoList() throws {
        let h = try refused()
        h.gate.failing = true
        h.press(.function(3))
        #expect(h.state.rejectedList == nil)
        #expect(h.screen.contains("本地存储出错（读取拒收记录）：disk I/O error"))
        h.gate.failing = false
        h.press(.function(3))
        #expect(h.screen.contains("异常登记"))
    }

    @Test func theHelpAndThePromptMentionF3() throws {
        let quiet = try Harness()
        #expect(!quiet.grid.text(row: 23).contains("F3"))
        quiet.press(.function(1))
        #expect(quiet.screen.contains("F3            拒收记录（中心库拒收、不再上传的事件）"))
        let h = try refused()
        #expect(h.grid.text(row: 23).contains("F3 拒收记录  F1 帮助"))
    }

    @Test(arguments: Language.allCases)
    func aFullListFitsIn80By24(language: Language) throws {
        let h = try Harness(language: language)
        let long = String(repeating: "constraint violation ", count: 10)
        h.gate.rejected = (0..<ConsoleState.rejectedLimit).map { index in
            RejectedEvent(event: Self.registration(Fixtures.zhang, minutesAgo: Double(index)), reason: long,
                          at: Fixtures.noon.addingTimeInterval(-Double(index) * 60))
        }
        h.gate.status.rejected = 130
        h.advance(seconds: 1)
        h.press(.function(3))
        let grid = h.grid
        let masked = "4201**********" + Fixtures.zhang.suffix(4)
        let listed = grid.lines.indices.filter { grid.text(row: $0).contains(masked) }
        #expect(listed.count == 15)
        #expect(h.screen.contains(h.strings.text("rejected.more", ["count": "115"])))
        #expect(h.screen.contains(h.strings.text("help.close")))
        for row in listed {
            #expect(grid[row, 2].style.role == .highlight)
            #expect(grid[row, 77].style.role == .highlight)
            #expect(grid[row, 76].character == " ")
        }
    }
}
