import Foundation
import Testing
import HealthCode

/// Tests that gate events travel to the central store as JSON.
@Suite("Gate events travel to the central store as JSON")
struct GateEventTests {
    private func roundTrip(_ event: GateEvent) throws -> GateEvent {
        try JSONDecoder().decode(GateEvent.self, from: JSONEncoder().encode(event))
    }

    /// A moment with a fractional second, as a real clock gives.
    let at = Date(timeIntervalSince1970: 1_710_489_600.123_456)

    @Test("a check round-trips with its verdict, reasons and readings")
    func check() throws {
        let event = GateEvent(
            id: UUID(), kind: .check, checkpointID: "whsq-01", operatorName: "李*", at: at,
            document: Fixture.sampleID, colour: .yellow, decision: .refuse,
            reasons: [Reason(.colourYellow), Reason(.natTooOld, value: 60), Reason(.fever, value: 380)],
            readings: [t(38.0), t(37.1)], complete: true)
        let decoded = try roundTrip(event)
        #expect(decoded == event)
        #expect(decoded.at == at)
        #expect(decoded.readings == [t(38.0), t(37.1)])
        #expect(decoded.reasons.map(\.value) == [nil, 60, 380])
    }

    @Test("an open check with no valid document round-trips")
    func incompleteCheck() throws {
        let event = GateEvent(id: UUID(), kind: .check, checkpointID: "gate", operatorName: "王*", at: at,
                              complete: false)
        let decoded = try roundTrip(event)
        #expect(decoded == event)
        #expect(decoded.document == nil && decoded.colour == nil && decoded.decision == nil)
        #expect(decoded.complete == false)
    }

    @Test("a registration round-trips with the colour before it")
    func registration() throws {
        let event = GateEvent(id: UUID(), kind: .registration, checkpointID: "gate", operatorName: "王*", at: at,
                              document: "HKM:H12345678", colour: .green, decision: .refuse,
                              reasons: [Reason(.feverConfirmed, value: 381)], readings: [t(38.2), t(38.1)])
        #expect(try roundTrip(event) == event)
    }

    @Test("a void round-trips with the registration it withdraws and why")
    func void() throws {
        let registration = UUID()
        let event = GateEvent(id: UUID(), kind: .void, checkpointID: "gate", operatorName: "王*", at: at,
                              document: Fixture.sampleID, voids: registration, note: "测温枪故障,复测正常")
        let decoded = try roundTrip(event)
        #expect(decoded == event)
        #expect(decoded.voids == registration)
        #expect(decoded.note == "测温枪故障,复测正常")
    }

    @Test("kinds, decisions and reason codes are stored by stable names")
    func stableNames() throws {
        let event = GateEvent(id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, kind: .registration,
                              checkpointID: "gate", operatorName: "op", at: at, decision: .remeasure,
                              reasons: [Reason(.feverConfirmed)])
        let json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(event)) as? [String: Any])
        #expect(json["kind"] as? String == "registration")
        #expect(json["decision"] as? String == "remeasure")
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        #expect(reasons.first?["code"] as? String == "fever_confirmed")
    }

    @Test("reason codes are the keys of their texts", arguments: [
        (Reason.Code.noRecord, "no_record"), (.colourYellow, "colour_yellow"), (.colourRed, "colour_red"),
        (.colourGreen, "colour_green"), (.natMissing, "nat_missing"), (.natTooOld, "nat_too_old"),
        (.natPositive, "nat_positive"), (.natPending, "nat_pending"), (.temperatureMissing, "temperature_missing"),
        (.fever, "fever"), (.feverConfirmed, "fever_confirmed"),
    ])
    func reasonCodes(code: Reason.Code, key: String) {
        #expect(code.rawValue == key)
    }
}
