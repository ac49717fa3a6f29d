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

    @Test func aDigitAndEnterPickTheSecondPerson() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.type("2")
        #expect(h.screen.contains("序号或扫码 > 2"))
        #expect(h.gate.records.isEmpty)
        h.press(.submit)
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

    @Test func aFullWidthDigitPicksToo() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.submit("２")
        #expect(h.gate.checks.map(\.document) == [Fixtures.wang])
    }

    @Test func enterOnAnEmptyLinePicksTheHighlightedPerson() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.press(.submit)
        #expect(h.screen.contains("张*三"))
        #expect(!h.screen.contains("名下有"))
        #expect(h.screen.contains("✔  绿码  ✔"))
    }

    @Test func aDigitBeyondTheListIsIgnored() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.submit("3")
        #expect(h.screen.contains("名下有 2 人"))
        #expect(h.state.input.isEmpty)
        #expect(h.gate.records.isEmpty)
    }

    @Test func aScanWhileTheListIsOpenIsTheNextPersonAndPicksNobody() throws {
        let li = Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)
        let h = try Harness(people: PhoneLookupTests.family + [li])
        h.submit(Fixtures.relativePhone)
        h.type(Fixtures.li)
        #expect(h.screen.contains("名下有 2 人"))
        #expect(h.gate.records.isEmpty)
        h.press(.submit)
        #expect(!h.screen.contains("名下有"))
        #expect(h.screen.contains("李*"))
        #expect(h.screen.contains("!  黄码  !"))
        #expect(h.gate.checks.map(\.document) == [Fixtures.li])
        #expect(h.state.input.isEmpty)
    }

    @Test func anotherPhoneWhileTheListIsOpenLooksThatPhoneUp() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.submit("13900001111")
        #expect(h.screen.contains("?  未查询到  ?"))
        #expect(h.gate.checks.map(\.document) == [nil])
    }

    @Test func aLineThatIsNoScanClosesTheListWithItsProblem() throws {
        let h = try Harness(people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        h.submit("12")
        #expect(!h.screen.contains("名下有"))
        #expect(h.screen.contains("没有等待测温的核验，请先扫码"))
        #expect(h.gate.records.isEmpty)
    }

    @Test(arguments: Language.allCases)
    func theHintFitsOnTheSmallestScreen(language: Language) throws {
        let h = try Harness(language: language, people: PhoneLookupTests.family)
        h.submit(Fixtures.relativePhone)
        #expect(h.screen.contains(h.strings.text("pick.hint")))
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
