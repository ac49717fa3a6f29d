import Foundation
import HealthCode
import Testing
@testable import Central

/// Valid resident ID numbers (check characters worked out by hand), and one with a wrong check character.
private enum IDs {
    static let a = "11010519491231002X"
    static let b = "420102198001011231"
    static let c = "440306201506074566"
    static let d = "310115196211300872"
    static let wrongCheck = "420102198001011232"
}

private let today = CivilDate(year: 2026, month: 11, day: 27)!

private func text(_ lines: [String], newline: String = "\n") -> Data {
    Data((lines.joined(separator: newline) + newline).utf8)
}

private func codes(_ rows: [String], newline: String = "\n") -> FeedParse<CodeRow> {
    CodesFeed.parse(text([CodesFeed.header] + rows, newline: newline), today: today)
}

private func nat(_ rows: [String]) -> FeedParse<NATRow> {
    NATFeed.parse(text([NATFeed.header] + rows), today: today)
}

private func records(_ csv: String) -> [CSVReader.Item] {
    Array(CSVReader(bytes: Array(csv.utf8)))
}

private func time(_ text: String) -> Date? {
    try? FeedTime.parse(text).get()
}

/// Tests of the RFC 4180 reader.
@Suite struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndEmptyStrings() {
        #expect(records("a,\"b,c\",\"say \"\"hi\"\"\",\"\",\n") == [
            .record(line: 1, fields: ["a", "b,c", "say \"hi\"", "", ""]),
        ])
    }

    @Test func embeddedLineBreaksMoveTheNextRecordsLine() {
        #expect(records("x,\"one\ntwo\r\nthree\"\ny,z\r\nlast") == [
            .record(line: 1, fields: ["x", "one\ntwo\r\nthree"]),
            .record(line: 4, fields: ["y", "z"]),
            .record(line: 5, fields: ["last"]),
        ])
    }

    @Test func brokenQuotingIsReportedOnItsLineAndReadingGoesOn() {
        let items = records("ok,1\nba\"d,2\n\"open\"x,3\nfine,4\n\"never closed,5\nlost,6\n")
        #expect(items == [
            .record(line: 1, fields: ["ok", "1"]),
            .malformed(FeedProblem(line: 2, message: "a quote inside a field that does not start with one (quote the field and double the quote)")),
            .malformed(FeedProblem(line: 3, message: "text after the closing quote of a field")),
            .record(line: 4, fields: ["fine", "4"]),
            .malformed(FeedProblem(line: 5, message: "a quoted field is not closed before the end of the file")),
        ])
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.line(["plain", "a,b", "say \"hi\"", "two\nlines", "", "中文"])
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,中文")
    }

    @Test func writerRoundTripsThroughTheReader() {
        let fields = ["", ",", "\"", "\"\"", "a\r\nb", "\r", "x y", "密接居家隔离", " lead", "end,\""]
        // The CRLF and the lone CR inside quotes are two line breaks, so the next record is on line 4.
        let csv = CSVWriter.line(fields) + CSVWriter.newline + CSVWriter.line(["next"]) + CSVWriter.newline
        #expect(records(csv) == [.record(line: 1, fields: fields), .record(line: 4, fields: ["next"])])
    }
}

/// Tests of ISO 8601 times with an offset.
@Suite struct FeedTimeTests {
    @Test func offsetsZuluAndFractionsAreRead() {
        let base = Date(timeIntervalSince1970: 1_795_739_400)  // 2026-11-27T00:30:00Z
        #expect(time("2026-11-27T08:30:00+08:00") == base)
        #expect(time("2026-11-27T00:30:00Z") == base)
        #expect(time("2026-11-26T19:30:00-05:00") == base)
        #expect(time("2026-11-27T08:30:00.250+08:00") == base.addingTimeInterval(0.25))
    }

    @Test func timesWithoutOffsetOrImpossibleAreRefused() {
        #expect(FeedTime.parse("2026-11-27T08:30:00") == .failure(.noOffset))
        #expect(FeedTime.parse("2026-11-27 08:30:00+08:00") == .failure(.format))
        #expect(FeedTime.parse("2026-02-30T08:30:00+08:00") == .failure(.outOfRange))
        #expect(FeedTime.parse("2026-11-27T24:00:00Z") == .failure(.outOfRange))
        #expect(FeedTime.parse("2026-11-27T08:30:00+0800") == .failure(.format))
    }

    @Test func formatWritesTheZonesOffsetAndReadsBack() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let moment = Date(timeIntervalSince1970: 1_795_739_400)
        #expect(FeedTime.format(moment, in: shanghai) == "2026-11-27T08:30:00+08:00")
        #expect(FeedTime.format(moment, in: TimeZone(secondsFromGMT: 0) ?? shanghai) == "2026-11-27T00:30:00Z")
        let early = Date(timeIntervalSince1970: -86_400.5)
        #expect(time(FeedTime.format(early, in: shanghai)) == early)
    }
}

/// Tests of the codes feed.
@Suite struct CodesFeedTests {
    @Test func goodRowsAreReadWithMaskedNamesAndNormalisedPhones() throws {
        let parse = codes([
            "\(IDs.a.lowercased()),张三丰,138 0013 8000,绿码,,2026-11-20T10:00:00+08:00",
            "hkm:h12345678,李四,,yellow,\"密接居家隔离, 7 天\",2026-11-26T09:00:00Z",
        ])
        #expect(parse.problems == [])
        let first = try #require(parse.rows.first)
        #expect(first == CodeRow(document: IDs.a, nameMasked: "张*丰", phone: "13800138000", colour: .green,
                                 reason: "", updatedAt: try #require(time("2026-11-20T02:00:00Z"))))
        #expect(parse.rows.last?.document == "HKM:H12345678")
        #expect(parse.rows.last?.phone == nil)
        #expect(parse.rows.last?.reason == "密接居家隔离, 7 天")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(text([CodesFeed.header, "\(IDs.b),王五,,red,确诊,2026-11-26T09:00:00Z"], newline: "\r\n"))
        let parse = CodesFeed.parse(data, today: today)
        #expect(parse.problems == [])
        #expect(parse.rows.map(\.colour) == [.red])
    }

    @Test func columnsMayComeInAnyOrderWithSpacesAround() {
        let data = text(["updated_at, colour ,reason,phone,name,document",
                         "2026-11-26T09:00:00Z,green,,13800138000,赵六,\(IDs.c)"])
        let parse = CodesFeed.parse(data, today: today)
        #expect(parse.problems == [])
        #expect(parse.rows.first?.document == IDs.c)
    }

    @Test func aWrongHeaderIsOneProblemAndNoRows() {
        let data = text(["document,name,mobile,colour,reason,updated_at,\(IDs.a)",
                         "\(IDs.b),王五,,red,确诊,2026-11-26T09:00:00Z"])
        let parse = CodesFeed.parse(data, today: today)
        #expect(parse.rows.isEmpty)
        #expect(parse.problems.count == 1)
        #expect(parse.problems.first?.line == 1)
        let message = parse.problems.first?.message ?? ""
        #expect(message.contains("missing phone"))
        #expect(message.contains("unknown mobile and 1 that are not column names"))
        #expect(!message.contains(IDs.a))
    }

    @Test func anEmptyFileHasAProblem() {
        #expect(CodesFeed.parse(Data(), today: today).problems.map(\.line) == [1])
    }

    @Test func everyBadRowIsListedWithItsLine() {
        let parse = codes([
            "\(IDs.a),张三,,green,,2026-11-20T10:00:00+08:00",
            "\(IDs.wrongCheck),李四,,green,,2026-11-20T10:00:00+08:00",
            "\(IDs.b),王五,,blue,,2026-11-20T10:00:00+08:00",
            "\(IDs.c),,12345,green,,2026-11-20T10:00:00",
            "\(IDs.d),孙七,,green,",
            "PP:AB1,周八,,green,,2026-11-20T10:00:00Z",
        ])
        #expect(parse.rows.map(\.document) == [IDs.a])
        #expect(parse.problems.map(\.description) == [
            "line 3: document: check character is wrong",
            "line 4: colour: \"blue\" is not green, yellow or red",
            "line 5: name: is empty",
            "line 5: phone: must be an 11-digit mobile number starting with 1, or empty",
            "line 5: updated_at: \(FeedTime.Problem.noOffset.message)",
            "line 6: expected 6 fields, found 5",
            "line 7: document: an HKM:, TW: or PP: number must have 5 to 20 letters or digits",
        ])
    }

    @Test func lineNumbersCountLinesInsideQuotedFields() {
        let parse = codes([
            "\(IDs.a),张三,,yellow,\"first line\nsecond line\",2026-11-20T10:00:00+08:00",
            "\(IDs.b),李四,,purple,,2026-11-20T10:00:00+08:00",
        ])
        #expect(parse.rows.first?.reason == "first line\nsecond line")
        #expect(parse.problems.map(\.line) == [4])
    }

    @Test func duplicateDocumentsAreAmbiguousAndNeitherRowIsKept() {
        let parse = codes([
            "\(IDs.a),张三,,green,,2026-11-20T10:00:00+08:00",
            "\(IDs.b),李四,,green,,2026-11-20T10:00:00+08:00",
            "\(IDs.a.lowercased()),张三,,red,确诊,2026-11-21T10:00:00+08:00",
        ])
        #expect(parse.rows.map(\.document) == [IDs.b])
        #expect(parse.problems == [FeedProblem(
            line: 2, message: "document: the same document is on lines 2, 4; ambiguous, none of these rows is kept")])
    }

    @Test func emptyLinesAtTheEndAreIgnoredButNotInTheMiddle() {
        let data = Data((CodesFeed.header + "\n\n\(IDs.a),张三,,green,,2026-11-20T10:00:00Z\n\n\r\n\n").utf8)
        let parse = CodesFeed.parse(data, today: today)
        #expect(parse.rows.count == 1)
        #expect(parse.problems == [FeedProblem(line: 2, message: "an empty line inside the file")])
    }

    @Test func invalidUTF8IsOneProblem() {
        var data = text([CodesFeed.header, "\(IDs.a),张三,,green,,2026-11-20T10:00:00Z"])
        data.append(contentsOf: [0x41, 0xC3, 0x28, 0x0A])
        let parse = CodesFeed.parse(data, today: today)
        #expect(parse.rows.isEmpty)
        #expect(parse.problems == [FeedProblem(line: 3, message: "the file is not valid UTF-8; save it as UTF-8")])
    }

    @Test func noMessageRepeatsAFullIDNumber() {
        let bad = [IDs.wrongCheck, "110105194902310021", "990105194912310021", "11010520491231002X"]
        let rows = bad.map { "\($0),张三,\($0),\($0),\($0),\($0)" }
            + ["\(IDs.a),张三,,green,,2026-11-20T10:00:00Z", "\(IDs.a),张三,,green,,2026-11-20T10:00:00Z"]
        let parse = codes(rows)
        let natParse = nat(bad.map { "\($0),\($0),\($0),\($0),\($0)" })
        let messages = (parse.problems + natParse.problems).map(\.description)
        #expect(messages.count >= 17)
        for message in messages {
            for number in bad + [IDs.a] {
                #expect(!message.contains(number), "\(message)")
                #expect(!message.contains(String(number.prefix(14))), "\(message)")
            }
        }
    }

    @Test func rowsWrittenBackReadTheSame() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let row = CodeRow(document: IDs.d, nameMasked: "欧**娜", phone: "13912345678", colour: .yellow,
                          reason: "中风险地区来返, \"7\" 天", updatedAt: Date(timeIntervalSince1970: 1_795_739_401))
        let parse = CodesFeed.parse(text([CodesFeed.header, CodesFeed.line(row, in: shanghai)]), today: today)
        #expect(parse.problems == [])
        #expect(parse.rows == [row])
    }
}

/// Tests of the nucleic-acid test feed.
@Suite struct NATFeedTests {
    @Test func resultsAndPendingWithoutReportAreRead() throws {
        let parse = nat([
            "\(IDs.a),2026-11-26T08:00:00+08:00,2026-11-26T20:00:00+08:00,阴性,市第一人民医院",
            "\(IDs.b),2026-11-27T07:00:00Z,,pending,",
        ])
        #expect(parse.problems == [])
        #expect(parse.rows.count == 2)
        let pending = try #require(parse.rows.last)
        #expect(pending.nat.outcome == .pending)
        #expect(pending.nat.reportedAt == nil)
        #expect(parse.rows.first?.nat == NATResult(
            sampledAt: try #require(time("2026-11-26T00:00:00Z")), reportedAt: time("2026-11-26T12:00:00Z"),
            outcome: .negative, institution: "市第一人民医院"))
    }

    @Test func reportTimesMustFitTheResult() {
        let parse = nat([
            "\(IDs.a),2026-11-26T08:00:00+08:00,2026-11-26T07:59:59+08:00,negative,lab",
            "\(IDs.b),2026-11-26T08:00:00+08:00,,negative,lab",
            "\(IDs.c),2026-11-26T08:00:00+08:00,2026-11-26T09:00:00+08:00,pending,lab",
            "\(IDs.d),2026-11-26T08:00:00,,maybe,lab",
        ])
        #expect(parse.rows.isEmpty)
        #expect(parse.problems.map(\.description) == [
            "line 2: reported_at: is before sampled_at",
            "line 3: reported_at: is empty; only a pending result has no report time",
            "line 4: reported_at: must be empty while the result is pending",
            "line 5: sampled_at: \(FeedTime.Problem.noOffset.message)",
            "line 5: result: \"maybe\" is not negative, positive or pending",
        ])
    }

    @Test func severalTestsOfOnePersonAreAllKept() {
        let parse = nat([
            "\(IDs.a),2026-11-25T08:00:00Z,2026-11-25T18:00:00Z,negative,lab",
            "\(IDs.a),2026-11-26T08:00:00Z,2026-11-26T18:00:00Z,negative,lab",
        ])
        #expect(parse.problems == [])
        #expect(parse.rows.count == 2)
    }

    @Test func rowsWrittenBackReadTheSame() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let rows = [
            NATRow(document: "TW:12345678", nat: NATResult(
                sampledAt: Date(timeIntervalSince1970: 1_795_700_000), reportedAt: Date(timeIntervalSince1970: 1_795_730_000),
                outcome: .positive, institution: "区疾病预防控制中心")),
            NATRow(document: IDs.c, nat: NATResult(
                sampledAt: Date(timeIntervalSince1970: 1_795_700_000.5), reportedAt: nil, outcome: .pending,
                institution: "lab, \"north\"")),
        ]
        let parse = NATFeed.parse(text([NATFeed.header] + rows.map { NATFeed.line($0, in: shanghai) }), today: today)
        #expect(parse.problems == [])
        #expect(parse.rows == rows)
    }
}
