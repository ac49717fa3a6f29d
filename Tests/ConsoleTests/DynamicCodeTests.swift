import Foundation
import HealthCode
import Testing
@testable import Console

/// A dynamic code scanned off a phone at the console: verified, refused as a screenshot, forged, or from another region.
@Suite("Dynamic codes at the console")
struct DynamicCodeTests {
    let issuer: CodeIssuer
    let zhang = Fixtures.person(Fixtures.zhang, name: "张*伟", colour: .green)

    init() throws {
        issuer = try CodeIssuer(issuer: "HB", seed: Array(1...32), sealKey: Array(101...132))
    }

    func harness(people: [PersonRecord]? = nil) throws -> Harness {
        let h = try Harness(people: people ?? [zhang])
        h.gate.trust = CodeTrust(keys: [issuer.trustEntry(validFrom: Fixtures.noon.addingTimeInterval(-86_400))])
        return h
    }

    func code(for document: String = Fixtures.zhang, colour: CodeColour = .green, at: Date,
              changed: Date? = nil) throws -> String {
        try issuer.issue(document: document, colour: colour,
                         colourChangedAt: changed ?? Fixtures.noon.addingTimeInterval(-86_400 * 10), at: at)
    }

    @Test("a fresh code opens its holder from the cache, as a typed ID would")
    func freshCodeOpensHolder() throws {
        let h = try harness()
        h.submit(try code(at: h.now))
        #expect(h.screen.contains("绿码"))
        #expect(h.screen.contains("请测温"))
        #expect(h.screen.contains("张*伟"))
        #expect(h.screen.contains("动态码"))
        #expect(h.screen.contains("发码机构 HB"))
        #expect(!h.screen.contains(Fixtures.zhang))
        h.submit("36.5")
        #expect(h.gate.checks.last?.document == Fixtures.zhang)
        #expect(h.gate.checks.last?.decision == .pass)
    }

    @Test("a screenshot: the same code scanned again after the checkpoint's maximum age is refused as expired")
    func screenshotRefused() throws {
        let h = try harness()
        let text = try code(at: h.now)
        h.submit(text)
        #expect(h.screen.contains("请测温"))
        #expect(h.screen.contains("姓名  张*伟"))
        h.advance(seconds: 61)
        h.submit(text)
        #expect(h.screen.contains("二维码已过期，请刷新"))
        #expect(h.screen.contains("不予放行"))
        #expect(!h.screen.contains("姓名  张*伟"), "a refused code names no one")
        let refused = try #require(h.gate.checks.last)
        #expect(refused.decision == .refuse)
        #expect(refused.reasons == [Reason(.codeExpired)])
        #expect(refused.document == nil)
    }

    @Test("a forged code is refused, and so is one from an issuer not on the trust list")
    func forgedAndUntrustedRefused() throws {
        let h = try harness()
        let text = try code(at: h.now)
        let forged = text.replacingOccurrences(of: ".G.", with: ".R.")
        h.submit(forged)
        #expect(h.screen.contains("二维码签名无效"))
        let stranger = try CodeIssuer(issuer: "XJ", seed: Array(repeating: 3, count: 32), sealKey: Array(101...132))
        h.submit(try stranger.issue(document: Fixtures.zhang, colour: .green, colourChangedAt: h.now, at: h.now))
        #expect(h.screen.contains("发码机构不在信任列表"))
        #expect(h.gate.checks.map(\.reasons) == [[Reason(.codeForged)], [Reason(.codeUntrusted)]])
        #expect(h.screen.components(separatedBy: "无效 不予放行").count - 1 == 2, "the recent panel names both refused codes, whole")
        #expect(!h.screen.contains("未查询到"), "a refused code is not a person missing from the cache")
    }

    @Test("a damaged scan of a code is one message and records nothing")
    func damagedScan() throws {
        let h = try harness()
        h.submit(String(try code(at: h.now).dropLast(5)))
        #expect(h.screen.contains("二维码不完整或已损坏，请重新扫描"))
        #expect(h.gate.checks.isEmpty)
    }

    @Test("the code's colour shows when it is newer than the cache's")
    func newerCodeColourWins() throws {
        let h = try harness()
        h.submit(try code(colour: .red, at: h.now, changed: h.now.addingTimeInterval(-600)))
        #expect(h.screen.contains("红码"))
        #expect(h.gate.checks.last?.colour == .red)
    }

    @Test("this console's unsent registration wins over a newer green code")
    func unsentRegistrationWins() throws {
        let registered = Fixtures.person(Fixtures.zhang, name: "张*伟", colour: .yellow)
        let h = try harness(people: [registered])
        h.gate.unsentRegistrations = [Fixtures.zhang]
        h.submit(try code(colour: .green, at: h.now, changed: h.now.addingTimeInterval(-60)))
        #expect(h.screen.contains("黄码"))
    }

    @Test("a verified code whose holder is not in the cache shows the code's colour, marked 外地码")
    func foreignHolder() throws {
        let h = try harness(people: [])
        h.submit(try code(for: Fixtures.li, colour: .green, at: h.now))
        #expect(h.screen.contains("绿码"))
        #expect(h.screen.contains("外地码"))
        #expect(h.screen.contains("发码机构 HB"))
    }
}
