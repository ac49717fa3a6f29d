import Foundation
import HealthCode
import Testing
@testable import Console

/// The F1 key map: any key closes it, and only F1 and Esc are used up doing so.
@Suite struct HelpTests {
    @Test func aScanWhileHelpIsOpenKeepsItsFirstCharacter() throws {
        let h = try Harness(people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.press(.function(1))
        #expect(h.screen.contains("按键说明"))
        h.submit(Fixtures.li)
        #expect(!h.screen.contains("按键说明"))
        #expect(h.screen.contains("!  黄码  !"))
        #expect(h.gate.checks.map(\.document) == [Fixtures.li])
    }

    @Test func theFirstKeyClosesHelpAndTypes() throws {
        let h = try Harness()
        h.press(.function(1))
        h.press(.character("4"))
        #expect(!h.state.showsHelp)
        #expect(h.state.input == "4")
    }

    @Test(arguments: [Key.function(1), Key.escape])
    func f1AndEscapeOnlyCloseHelp(key: Key) throws {
        let h = try Harness()
        h.type("42")
        h.press(.function(1))
        h.press(key)
        #expect(!h.state.showsHelp)
        #expect(h.state.input == "42")
    }

    @Test func theHelpSaysHowToPick() throws {
        let h = try Harness()
        h.press(.function(1))
        #expect(h.screen.contains("名单中输入序号或上下键后按 Enter 选择；扫码即取消名单"))
    }
}
