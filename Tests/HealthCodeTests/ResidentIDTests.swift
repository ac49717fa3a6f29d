import Testing
import HealthCode

/// Tests of the resident identity card number (居民身份证号码, GB 11643).
@Suite("Resident identity card number (居民身份证号码, GB 11643)")
struct ResidentIDTests {
    private func parse(_ raw: String, today: CivilDate = Fixture.today) -> Result<ResidentID, IDProblem> {
        ResidentID.parse(raw, today: today)
    }

    @Test("the test helper computes the published check character of the sample number")
    func helperAgreesWithSample() {
        #expect(Fixture.checkCharacter(for: "11010519491231002") == "X")
    }

    @Test("11010519491231002X is valid: a woman born 1949-12-31")
    func sampleIsValid() throws {
        let id = try parse(Fixture.sampleID).get()
        #expect(id.number == "11010519491231002X")
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(id.sex == .female)
    }

    @Test("the sample number with any other check character fails the checksum",
          arguments: Array("0123456789"))
    func anyOtherCheckCharacterFails(check: Character) {
        #expect(parse("11010519491231002" + String(check)) == .failure(.checksum))
    }

    @Test("a changed digit in the body fails the checksum")
    func changedBodyDigitFails() {
        // Sequence 002 → 004 keeps everything else valid; only the check character is now wrong.
        #expect(parse("11010519491231004X") == .failure(.checksum))
    }

    @Test("typed and scanned forms normalise to the same number", arguments: [
        "11010519491231002x",                       // staff type a lower-case x
        "１１０１０５１９４９１２３１００２Ｘ",      // full-width digits from a Chinese input method
        "１１０１０５１９４９１２３１００２ｘ",      // full-width lower-case x
        "110105 19491231 002X",                     // spaces as printed on the card
        "110105\u{3000}19491231\u{3000}002x",       // ideographic spaces
        "110105-19491231-002X",                     // hyphens
        "  11010519491231002X\n",                   // scanner padding and Enter
    ])
    func normalises(raw: String) throws {
        let id = try parse(raw).get()
        #expect(id.number == "11010519491231002X")
    }

    @Test("a number must have 18 characters", arguments: [
        ("1101051949123100", 16),
        ("11010519491231002", 17),
        ("11010519491231002X1", 19),
        ("110105491231002", 15),  // the old 15-digit card number
        ("", 0),
    ])
    func length(raw: String, count: Int) {
        #expect(parse(raw) == .failure(.length(count)))
    }

    @Test("the first seventeen characters are digits")
    func bodyIsDigits() {
        #expect(parse("1101051949123100AX") == .failure(.notDigits))
        #expect(parse("X10105194912310021") == .failure(.notDigits))
    }

    @Test("the check character is a digit or X", arguments: ["Y", "A", "*"])
    func checkCharacterIsDigitOrX(check: String) {
        #expect(parse("11010519491231002" + check) == .failure(.checkCharacter))
    }

    @Test("the first two digits are a real province-level region", arguments: ["00", "10", "19", "20", "30", "47", "55", "60", "66", "70", "80", "84", "99"])
    func implausibleProvince(province: String) {
        let number = Fixture.residentNumber(region: province + "0106", birth: "19900101")
        #expect(parse(number) == .failure(.region))
    }

    @Test("every province-level region is accepted", arguments: [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82", "83",
    ])
    func realProvince(province: String) {
        let number = Fixture.residentNumber(region: province + "0106", birth: "19900101")
        #expect(throws: Never.self) { try parse(number).get() }
    }

    @Test("a birth date that does not exist is invalid even with a correct checksum", arguments: [
        "19901301",  // month 13
        "19900001",  // month 00
        "19900100",  // day 00
        "19900132",  // January 32
        "19900431",  // April 31
        "19990229",  // Feb 29 in a non-leap year
        "19000229",  // 1900 was not a leap year
        "18991231",  // before 1900
        "00000101",
    ])
    func impossibleBirthDate(birth: String) {
        #expect(parse(Fixture.residentNumber(birth: birth)) == .failure(.birthDate))
    }

    @Test("Feb 29 in a leap year is a birth date", arguments: ["20000229", "19960229", "20200229"])
    func leapDay(birth: String) throws {
        let id = try parse(Fixture.residentNumber(birth: birth)).get()
        #expect(id.birthDate.month == 2 && id.birthDate.day == 29)
    }

    @Test("1900-01-01 is the earliest birth date accepted")
    func earliestBirthDate() throws {
        let id = try parse(Fixture.residentNumber(birth: "19000101")).get()
        #expect(id.birthDate == CivilDate(year: 1900, month: 1, day: 1))
    }

    @Test("a birth date after today is invalid; born today is valid")
    func notInTheFuture() throws {
        let today = CivilDate(year: 2024, month: 3, day: 15)!
        #expect(parse(Fixture.residentNumber(birth: "20240316"), today: today) == .failure(.birthDateInFuture))
        #expect(parse(Fixture.residentNumber(birth: "20250101"), today: today) == .failure(.birthDateInFuture))
        let newborn = try parse(Fixture.residentNumber(birth: "20240315"), today: today).get()
        #expect(newborn.age(on: today) == 0)
    }

    @Test("the future is relative to the today passed in")
    func futureIsRelativeToToday() {
        let number = Fixture.residentNumber(birth: "20240316")
        #expect(parse(number, today: CivilDate(year: 2024, month: 3, day: 15)!) == .failure(.birthDateInFuture))
        #expect(parse(number, today: CivilDate(year: 2024, month: 3, day: 16)!).map(\.number) == .success(number))
    }

    @Test("the 17th digit gives the sex: odd is male, even is female", arguments: 0...9)
    func sexFromSeventeenthDigit(digit: Int) throws {
        let id = try parse(Fixture.residentNumber(birth: "19800520", sequence: "01\(digit)")).get()
        #expect(id.sex == (digit % 2 == 1 ? .male : .female))
    }

    @Test("age is in whole years and goes up on the birthday", arguments: [
        (CivilDate(year: 2020, month: 6, day: 14)!, 29),  // the day before the 30th birthday
        (CivilDate(year: 2020, month: 6, day: 15)!, 30),  // the birthday
        (CivilDate(year: 2020, month: 6, day: 16)!, 30),
        (CivilDate(year: 2020, month: 12, day: 31)!, 30),
        (CivilDate(year: 2021, month: 1, day: 1)!, 30),
        (CivilDate(year: 2021, month: 5, day: 31)!, 30),
        (CivilDate(year: 1990, month: 6, day: 15)!, 0),
    ])
    func ageInWholeYears(on day: CivilDate, age: Int) throws {
        let id = try parse(Fixture.residentNumber(birth: "19900615")).get()
        #expect(id.age(on: day) == age)
    }

    @Test("someone born on Feb 29 is a year older from March 1 in a non-leap year")
    func leapDayBirthday() throws {
        let id = try parse(Fixture.residentNumber(birth: "20000229")).get()
        #expect(id.age(on: CivilDate(year: 2001, month: 2, day: 28)!) == 0)
        #expect(id.age(on: CivilDate(year: 2001, month: 3, day: 1)!) == 1)
        #expect(id.age(on: CivilDate(year: 2004, month: 2, day: 29)!) == 4)
    }

    @Test("the sample holder was 74 on 2024-03-15")
    func sampleAge() throws {
        #expect(try parse(Fixture.sampleID).get().age(on: Fixture.today) == 74)
    }

    @Test("each problem has its own stable code")
    func problemCodes() {
        let problems: [IDProblem] = [.length(17), .notDigits, .checkCharacter, .region, .birthDate, .birthDateInFuture, .checksum]
        #expect(problems.map(\.code) == [
            "id_length", "id_not_digits", "id_check_character", "id_region",
            "id_birth_date", "id_birth_date_future", "id_checksum",
        ])
    }

    @Test("a digit carrying a combining mark is not a digit: refused, never a crash")
    func combiningMark() {
        #expect(parse("1\u{301}1010519491231002X") == .failure(.notDigits))
        #expect(parse("1101051949123100\u{301}2X") == .failure(.notDigits))
        #expect(ScanInput.classify("1\u{301}1010519491231002X", today: Fixture.today) == .invalid(.unrecognised))
    }
}
