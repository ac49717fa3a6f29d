import Foundation
import HealthCode
import Testing
@testable import Console

/// Looking people up by the phone of the relative who applied for them (代申领).
@Suite struct PhoneLookupTests {
    static let family = [
        Fixtures.person(Fixtures.zhang, name: "张*三", colour: .green, phone: Fixtures.relativePhone),
        Fixtures.person(Fixtures.wang, name: "王*明", colour: .yellow, phone: Fixtures.relativePhone),
    ]

    @Test func severalPeopleGiveAPickList() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        let screen = h.screen
        #expect(screen.contains("手机号 138****5678 名下有 2 人，请选择"))
        #expect(screen.contains("1.  张*三  男  34 岁  4201**********" + Fixtures.zhang.suffix(4) + "  ✔ 绿码"))
        #expect(screen.contains("2.  王*明  男  7 岁  4201**********" + Fixtures.wang.suffix(4) + "  ! 黄码"))
        #expect(!screen.contains(Fixtures.relativePhone))
        #expect(h.gate.records.isEmpty)
    }

    @Test func aDigitPicksTheSecondPerson() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.press(.character("2"))
        #expect(h.screen.contains("!  黄码  !"))
        #expect(h.screen.contains("王*明"))
        #expect(h.gate.checks.map(\.document) == [Fixtures.wang])
    }

    @Test func arrowsAndEnterPick() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.press(.down)
        h.press(.down)
        h.press(.up)
        h.press(.down)
        h.press(.submit)
        #expect(h.screen.contains("王*明"))
        #expect(h.gate.checks.map(\.document) == [Fixtures.wang])
    }

    @Test func aDigitBeyondTheListIsIgnored() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.press(.character("3"))
        #expect(h.screen.contains("名下有 2 人"))
    }

    @Test func escapeCancelsThePick() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.press(.escape)
        #expect(!h.screen.contains("名下有"))
        #expect(h.screen.contains("请扫码或输入证件号"))
        #expect(h.gate.records.isEmpty)
    }

    @Test func onePersonIsShownDirectly() throws {
        let h = try Harness(people: [PhoneLookupTests.family[0]])
        h.submit(Fixtures.relativePhone)
        #expect(!h.screen.contains("名下有"))
        #expect(h.screen.contains("✔  绿码  ✔"))
        #expect(h.screen.contains("张*三"))
    }

    @Test func nobodyIsNotFound() throws {
        let h = try Harness()
        h.submit(Fixtures.relativePhone)
        #expect(h.screen.contains("?  未查询到  ?"))
        #expect(h.gate.checks.map(\.document) == [nil])
        #expect(h.gate.checks.first?.reasons.map(\.code) == [.noRecord])
    }
}
