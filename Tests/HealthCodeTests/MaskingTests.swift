import Testing
import HealthCode

/// Tests of masking personal data for the screen and the logs.
@Suite("Masking personal data for the screen and the logs")
struct MaskingTests {
    @Test("names keep the first and last character (张*三 style)", arguments: [
        ("张三丰", "张*丰"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧**娜"),
        ("司马相如", "司**如"),
        ("阿依古丽·买买提", "阿******提"),
        ("  王小明 ", "王*明"),
        ("李", "李"),
        ("", ""),
    ])
    func names(name: String, masked: String) {
        #expect(Masking.name(name) == masked)
    }

    @Test("ID numbers keep the first four and the last four (4201**********1234)", arguments: [
        ("420106199001011234", "4201**********1234"),
        ("11010519491231002X", "1101**********002X"),
    ])
    func idNumbers(id: String, masked: String) {
        #expect(Masking.document(id) == masked)
    }

    @Test("the full ID never survives masking: birth date and sequence are hidden", arguments: [
        Fixture.sampleID,
        Fixture.residentNumber(birth: "19900615"),
        Fixture.residentNumber(region: "460100", birth: "20011231", sequence: "987"),
    ])
    func fullIDNeverSurvives(id: String) throws {
        let document = try Document.parse(id, today: Fixture.today).get()
        for masked in [Masking.document(id), Masking.document(document.key), Masking.phone(id)] {
            #expect(masked != id)
            #expect(masked.count == 18)
            #expect(masked.filter { $0 != "*" }.count == 8)
            #expect(!masked.contains(String(Array(id)[6..<14])))  // the birth date
            #expect(masked.hasPrefix(String(id.prefix(4))) && masked.hasSuffix(String(id.suffix(4))))
        }
    }

    @Test("a short document key hides all but its last two characters", arguments: [
        ("12345678", "******78"),
        ("AB", "AB"),
        ("", ""),
    ])
    func shortKeys(key: String, masked: String) {
        #expect(Masking.document(key) == masked)
    }

    @Test("phones keep the first three and the last four (138****5678)")
    func phones() {
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("19900001111") == "199****1111")
    }

    @Test("a phone that is not 11 digits is masked like a document")
    func oddPhones() {
        #expect(Masking.phone("8613812345678") == "8613*****5678")
        #expect(Masking.phone("1234567") == "*****67")
    }
}
