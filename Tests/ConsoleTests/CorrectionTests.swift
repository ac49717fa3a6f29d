import Foundation
import HealthCode
import Testing
@testable import Console

/// 纠错: voiding this console's last abnormal registration, with a reason.
@Suite struct CorrectionTests {
    /// A console where 张*三 has just been registered yellow after two abnormal readings.
    func registered() throws -> Harness {
        let h = try Harness(people: [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green)])
        h.submit(Fixtures.zhang)
        h.submit("37.6")
        h.submit("37.7")
        return h
    }

    @Test func voidingNeedsAReasonAndRestoresTheColour() throws {
        let h = try registered()
        #expect(h.screen.contains("!  黄码  !"))
        h.advance(seconds: 30)
        h.press(.function(2))
        let screen = h.screen
        #expect(screen.contains("纠错：撤销本机最近一次异常登记"))
        #expect(screen.contains("人员 张*三 4201**********" + Fixtures.zhang.suffix(4)))
        #expect(screen.contains("登记时间 06-01 12:00，登记前 绿码"))
        #expect(screen.contains("纠错原因 >"))

        h.press(.submit)
        #expect(h.screen.contains("请填写纠错原因"))
        #expect(h.gate.voids.isEmpty)

        h.submit("体温枪读数错误")
        let void = try #require(h.gate.voids.first)
        let registration = try #require(h.gate.records.first?.registration)
        #expect(h.gate.voids.count == 1)
        #expect(void.kind == .void)
        #expect(void.voids == registration.id)
        #expect(void.note == "体温枪读数错误")
        #expect(void.document == Fixtures.zhang)
        #expect(void.at == Fixtures.noon.addingTimeInterval(30))
        #expect(h.screen.contains("✔  绿码  ✔"))
        #expect(h.screen.contains("异常登记已撤销"))
        #expect(h.screen.contains("已撤销 4201**********" + Fixtures.zhang.suffix(4) + " 的异常登记"))
    }

    @Test func escapeCancelsTheCorrection() throws {
        let h = try registered()
        h.press(.function(2))
        h.type("误登")
        h.press(.escape)
        #expect(h.screen.contains("已取消纠错"))
        #expect(h.screen.contains("!  黄码  !"))
        #expect(h.gate.voids.isEmpty)
    }

    @Test func aScanTypedAsTheReasonIsTheNextPersonNotAVoid() throws {
        let h = try registered()
        h.gate.people.append(Fixtures.person(Fixtures.li, name: "李*", colour: .yellow))
        h.press(.function(2))
        h.submit(Fixtures.li)
        #expect(h.gate.voids.isEmpty)
        #expect(!h.screen.contains("纠错原因 >"))
        #expect(h.screen.contains("李*"))
        #expect(h.screen.contains("已取消纠错：输入的是证件号或手机号，已按扫码查询"))
        #expect(h.gate.checks.map(\.document) == [Fixtures.zhang, Fixtures.li])
        h.press(.function(2))
        #expect(h.screen.contains("纠错原因 >"))
    }

    @Test func aPhoneTypedAsTheReasonIsLookedUp() throws {
        let h = try registered()
        h.press(.function(2))
        h.submit(Fixtures.relativePhone)
        #expect(h.gate.voids.isEmpty)
        #expect(h.gate.lookups.last == .phone(Fixtures.relativePhone))
        #expect(h.screen.contains("?  未查询到  ?"))
    }

    @Test func nothingToVoidIsSaid() throws {
        let h = try Harness()
        h.press(.function(2))
        #expect(h.screen.contains("本机没有可纠错的异常登记"))
        #expect(!h.screen.contains("纠错原因 >"))
    }

    @Test func aFailingStoreShowsOneLineAndKeepsGoing() throws {
        let h = try registered()
        h.gate.failing = true
        h.press(.function(2))
        #expect(h.screen.contains("本地存储出错（读取异常登记）：disk I/O error"))
        h.gate.failing = false
        h.press(.function(2))
        #expect(h.screen.contains("纠错原因 >"))
    }
}
