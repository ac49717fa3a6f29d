import Testing
import HealthCode

/// Tests of what a scanned or typed line is (ScanInput.classify).
@Suite("What a scanned or typed line is (ScanInput.classify)")
struct ScanInputTests {
    private func classify(_ raw: String) -> ScanInput { ScanInput.classify(raw, today: Fixture.today) }

    @Test("an empty line is empty", arguments: ["", "   ", "\u{3000}", "\r\n", "\t"])
    func empty(raw: String) {
        #expect(classify(raw) == .invalid(.empty))
    }

    @Test("a resident ID is a document")
    func residentID() throws {
        let id = try ResidentID.parse(Fixture.sampleID, today: Fixture.today).get()
        #expect(classify("11010519491231002x") == .document(.resident(id)))
        #expect(classify("１１０１０５１９４９１２３１００２Ｘ\r") == .document(.resident(id)))
    }

    @Test("a prefixed document is a document")
    func otherDocument() {
        #expect(classify("hkm:h12345678") == .document(.hongKongMacau("H12345678")))
        #expect(classify("PP:E12345678") == .document(.passport("E12345678")))
        #expect(classify("TW:12345678") == .document(.taiwan("12345678")))
    }

    @Test("an 11-digit number starting with 1 is a proxy applicant's phone (代申领)", arguments: [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
    ])
    func phone(raw: String, phone: String) {
        #expect(classify(raw) == .phone(phone))
    }

    @Test("what is neither a document nor a phone is unrecognised", arguments: [
        "hello",
        "张三",
        "!!!",
        "23812345678",      // 11 digits not starting with 1
        "1381234567",       // 10 digits
        "138123456789",     // 12 digits
        "12345",
        "11010519491231002X1234",  // 22 characters
        "1101051949ABCD002X",      // letters inside an ID-length text
        "https://example.org/code?id=1",
    ])
    func unrecognised(raw: String) {
        #expect(classify(raw) == .invalid(.unrecognised))
    }

    @Test("an ID-shaped line with a problem says which problem", arguments: [
        ("110105194912310021", IDProblem.checksum),
        ("11010519491231002", .length(17)),
        ("110105491231002", .length(15)),
        ("1101051949123100212", .length(19)),
        ("11010519491231002Y", .checkCharacter),
        ("99010519491231002X", .region),
    ])
    func residentProblem(raw: String, problem: IDProblem) {
        #expect(classify(raw) == .invalid(.document(.residentID(problem))))
    }

    @Test("an ID with an impossible birth date and a correct checksum is refused for the date")
    func impossibleBirthDate() {
        let number = Fixture.residentNumber(birth: "19901301")
        #expect(classify(number) == .invalid(.document(.residentID(.birthDate))))
    }

    @Test("a prefixed line with a bad number is a bad document")
    func badOtherDocument() {
        #expect(classify("PP:E1") == .invalid(.document(.otherDocument)))
    }

    @Test("problem codes")
    func problemCodes() {
        #expect(ScanProblem.empty.code == "scan_empty")
        #expect(ScanProblem.unrecognised.code == "scan_unrecognised")
        #expect(ScanProblem.document(.residentID(.checksum)).code == "id_checksum")
        #expect(ScanProblem.document(.otherDocument).code == "document_number")
    }
}
