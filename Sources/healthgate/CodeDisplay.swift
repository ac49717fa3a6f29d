import Foundation
import HealthCode
import QRCode

/// `healthgate code show`: a person's refreshing code, or this checkpoint's place code, as a QR code in the terminal.
enum CodeDisplay {
    /// The prefix of a place code (场所码): the checkpoint's id follows.
    static let placePrefix = "HGP1:"

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let place = arguments.flag("--place")
        let once = arguments.flag("--once")
        let issuer = try arguments.option("--issuer")
        let refresh: UInt32 = try arguments.option("--refresh").map { text in
            guard let seconds = UInt32(text), (2...60).contains(seconds) else {
                throw UsageError("--refresh takes seconds from 2 to 60")
            }
            return seconds
        } ?? 10
        let positionals = try arguments.positionals()
        if place {
            guard positionals.isEmpty else { throw UsageError("show --place takes no document") }
            let checkpoint = try configuration.checkpoint(in: configuration.openCache())
            try draw(placePrefix + checkpoint.id, caption: ["场所码  \(checkpoint.name)  \(checkpoint.id)"])
            return 0
        }
        guard positionals.count == 1, let document = positionals.first else {
            throw UsageError("show takes exactly one document, or --place")
        }
        var source = try CodeSource(document: document, issuer: issuer, configuration: configuration)
        let strings = try configuration.strings()
        while true {
            let now = Date()
            let code = try source.code(at: now)
            let record = source.record
            try draw(code, clearing: !once, caption: [
                "\(strings.colour(record.colour))  \(Masking.name(record.nameMasked))  \(Masking.document(record.document))",
                "\(source.signer.issuer) \(source.signer.keyID)  generated \(CheckReport.iso(now))"
                    + (once ? "" : "  refreshes every \(refresh) s, Ctrl-C stops"),
                code,
            ])
            if once { return 0 }
            sleep(refresh)
            if let fresh = try source.central.person(document: record.document) { source.record = fresh }
        }
    }

    /// Prints `text` as a QR code, light modules drawn, so it reads dark on light in a dark terminal;
    /// `clearing` first clears the terminal, for a code drawn anew in place.
    private static func draw(_ text: String, clearing: Bool = false, caption: [String]) throws {
        let matrix: QRMatrix
        do {
            matrix = try QRMatrix.encode(text)
        } catch let error as QRCodeError {
            throw Failure.invalid("cannot draw the code: \(error.description)")
        }
        let frame = (matrix.halfBlockLines(quietZone: 2) + caption).joined(separator: "\n") + "\n"
        FileHandle.standardOutput.write(Data(((clearing ? "\u{1B}[H\u{1B}[2J" : "") + frame).utf8))
    }
}
