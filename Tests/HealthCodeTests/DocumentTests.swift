import Testing
import HealthCode

/// Tests of other documents (港澳/台湾通行证, passports) and the document key.
@Suite("Other documents (港澳/台湾通行证, passports) and the document key")
struct DocumentTests {
    private func parse(_ raw: String) -> Result<Document, DocumentProblem> {
        Document.parse(raw, today: Fixture.today)
    }

    @Test("prefixed documents are matched as typed after normalising", arguments: [
        ("HKM:H12345678", Document.hongKongMacau("H12345678")),
        ("hkm:h12345678", .hongKongMacau("H12345678")),        // upper-cased
        ("HKM: H1234 5678", .hongKongMacau("H12345678")),      // spaces removed
        ("ＨＫＭ：Ｍ１２３４５６７８", .hongKongMacau("M12345678")), // full-width folded
        ("TW:12345678", .taiwan("12345678")),
        ("tw：０１２３４５６７", .taiwan("01234567")),
        ("PP:E12345678", .passport("E12345678")),
        ("pp:g-1234-5678", .passport("G12345678")),            // hyphens removed
        ("PP:\u{3000}ab12345", .passport("AB12345")),
    ])
    func otherDocuments(raw: String, expected: Document) {
        #expect(parse(raw) == .success(expected))
    }

    @Test("the key is the prefix and the normalised number")
    func otherDocumentKeys() {
        #expect(Document.hongKongMacau("H12345678").key == "HKM:H12345678")
        #expect(Document.taiwan("12345678").key == "TW:12345678")
        #expect(Document.passport("E12345678").key == "PP:E12345678")
        #expect(parse("pp: e1234 5678").map(\.key) == .success("PP:E12345678"))
    }

    @Test("a bad number after a prefix is refused", arguments: [
        "HKM:",                         // nothing after the prefix
        "PP:E123",                      // too short
        "TW:1234",                      // too short
        "PP:E12345678901234567890",     // too long
        "HKM:H1234567!",                // punctuation
        "TW:台湾12345678",               // not Latin letters or digits
        "PP:E1234.5678",
    ])
    func badOtherDocuments(raw: String) {
        #expect(parse(raw) == .failure(.otherDocument))
    }

    @Test("a number with no prefix is read as a resident ID")
    func residentWithoutPrefix() throws {
        let document = try parse("110105 19491231 002x").get()
        guard case .resident(let id) = document else {
            Issue.record("expected a resident ID, got \(document)")
            return
        }
        #expect(id.number == Fixture.sampleID)
        #expect(document.key == Fixture.sampleID)
    }

    @Test("a bad resident ID keeps its ID problem")
    func badResidentID() {
        #expect(parse("110105194912310021") == .failure(.residentID(.checksum)))
        #expect(parse("11010519491231002") == .failure(.residentID(.length(17))))
        #expect(parse("HK:H12345678") == .failure(.residentID(.length(12))))  // unknown prefix is no document
    }

    @Test("sex and age come from a resident ID only")
    func sexAndAge() throws {
        let resident = try parse(Fixture.sampleID).get()
        #expect(resident.sex == .female)
        #expect(resident.age(on: Fixture.today) == 74)
        for other in [Document.hongKongMacau("H12345678"), .taiwan("12345678"), .passport("E12345678")] {
            #expect(other.sex == nil)
            #expect(other.age(on: Fixture.today) == nil)
        }
    }

    @Test("documents show masked")
    func masked() throws {
        #expect(Masking.document(try parse(Fixture.sampleID).get().key) == "1101**********002X")
        #expect(Masking.document(Document.hongKongMacau("H12345678").key) == "HKM:*****5678")
    }

    @Test("problem codes")
    func problemCodes() {
        #expect(DocumentProblem.otherDocument.code == "document_number")
        #expect(DocumentProblem.residentID(.checksum).code == "id_checksum")
    }
}
