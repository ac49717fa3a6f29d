import Foundation
import HealthCode
import Testing
@testable import Console

/// The three string tables: the same keys, and a text for every code the domain can produce.
@Suite struct StringsTests {
    @Test func theThreeLanguagesHaveTheSameKeys() throws {
        let tables = try Language.allCases.map { try Strings(language: $0).table }
        #expect(tables.allSatisfy { !$0.isEmpty })
        for table in tables.dropFirst() {
            #expect(Set(table.keys) == Set(tables[0].keys))
        }
    }

    @Test func placeholdersMatchAcrossLanguages() throws {
        let tables = try Language.allCases.map { try Strings(language: $0).table }
        let placeholder = /\{[a-z]+\}/
        func names(_ text: String) -> Set<String> { Set(text.matches(of: placeholder).map { String($0.output) }) }
        for (key, text) in tables[0] {
            for table in tables.dropFirst() {
                #expect(names(table[key] ?? "") == names(text), "\(key)")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func everyCodeHasAText(language: Language) throws {
        let strings = try Strings(language: language)
        var keys = Reason.Code.allCases.map { "reason.\($0.rawValue)" }
        let idProblems: [IDProblem] = [.length(17), .notDigits, .checkCharacter, .region, .birthDate, .birthDateInFuture, .checksum]
        keys += idProblems.map { "problem.\($0.code)" }
        keys += [DocumentProblem.otherDocument.code, ScanProblem.empty.code, ScanProblem.unrecognised.code,
                 TemperatureProblem.unreadable.code, TemperatureProblem.implausible(Temperature(tenths: 450)).code]
            .map { "problem.\($0)" }
        keys += CodeColour.allCases.map { "colour.\($0.rawValue)" }
        keys += ["pass", "refuse", "remeasure", "measure"].map { "decision.\($0)" }
        keys += ["male", "female"].map { "sex.\($0)" }
        keys += ["check", "registration", "void"].map { "kind.\($0)" }
        keys += NATResult.Outcome.allCases.map { "nat.\($0.rawValue)" }
        keys += ["lookup", "record", "last_registration", "void", "counts", "rejected_events"].map { "operation.\($0)" }
        for key in keys {
            #expect(strings.table[key] != nil, "\(language.rawValue) lacks \(key)")
        }
    }

    @Test func textsFillTheirFigures() throws {
        let strings = try Strings(language: .simplifiedChinese)
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 72
        #expect(strings.reason(Reason(.natTooOld, value: 80), rules: rules) == "核酸检测已过 80 小时，本检查点要求 72 小时内")
        #expect(strings.reason(Reason(.fever, value: 376), rules: rules) == "体温 37.6℃ 异常，请到隔离区复测")
        #expect(strings.problem(ScanProblem.document(.residentID(.checksum))) == "身份证号校验位错误")
        #expect(strings.problem(TemperatureProblem.implausible(Temperature(tenths: 450))) == "体温 45.0℃ 不可能，请重新测量")
        #expect(strings.colour(.unknown) == "未查询到")
        #expect(strings.decision(.remeasure) == "请复测")
        #expect(strings.text("no.such.key") == "no.such.key")
    }

    @Test func languageTagsParse() {
        #expect(Language(tag: "zh-Hans") == .simplifiedChinese)
        #expect(Language(tag: "EN") == .english)
        #expect(Language(tag: "zh_hant") == .traditionalChinese)
        #expect(Language(tag: "fr") == nil)
    }
}
