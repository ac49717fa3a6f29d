import Central
import Foundation
import HealthCode

/// `healthgate code keygen|revoke|keys|issue|show`: issuers' keys on the trust list, and dynamic codes.
enum CodeCommand: Command {
    static let help = """
        usage: healthgate code keygen --issuer ID [--valid-days N]
               healthgate code revoke --issuer ID --key KEY
               healthgate code trust --issuer ID --public-key BASE64 [--valid-days N]
               healthgate code keys
               healthgate code issue DOC [--issuer ID]
               healthgate code show DOC [--issuer ID] [--refresh SECONDS] [--once]
               healthgate code show --place [--once]

        Dynamic health codes (动态码) are signed HG1:… texts that a phone shows as a QR code and
        refreshes; a console verifies them offline against the trust list of issuers' public
        keys (发码机构), which reaches every console through sync. A code older than the
        checkpoint's --max-code-age (default 60 s) is refused as a likely screenshot.

          keygen  makes a key pair for issuer ID (A-Z, 0-9, -; at most 16), writes the private
                  key to DATA/keys/ID-KEY.key (mode 0600) and registers the public key, valid
                  from now (for N days with --valid-days), in the central store
          revoke  revokes a key in the central store: consoles refuse its codes from their
                  next sync on
          trust   trusts another region's key by its public half (as keygen prints it there):
                  its codes are verified here, their holders shown as from another region (外地码)
          keys    lists the trust list in the central store
          issue   prints a fresh code for DOC, signed with a key of DATA/keys that the central
                  store trusts (--issuer picks the issuer when several have keys); for
                  authorities and tests
          show    draws DOC's code as a QR code in the terminal, anew every --refresh seconds
                  (default 10) until Ctrl-C, as the person's phone would; --once draws one and
                  exits. --place draws this checkpoint's place code (场所码) instead

        Exits 0 on success, 1 on invalid input (unknown person, no usable key), 2 on usage
        errors, 3 when a store fails.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        switch try arguments.action(among: ["keygen", "revoke", "trust", "keys", "issue", "show"], for: "code") {
        case "keygen": return try keygen(&arguments, configuration)
        case "revoke": return try revoke(&arguments, configuration)
        case "trust": return try trust(&arguments, configuration)
        case "keys": return try keys(&arguments, configuration)
        case "issue": return try issue(&arguments, configuration)
        default: return try CodeDisplay.run(&arguments, configuration)
        }
    }

    private static func keygen(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        guard let issuer = try arguments.option("--issuer") else { throw UsageError("keygen needs --issuer ID") }
        let days = try validDays(&arguments)
        try arguments.expectEnd()
        let (key, path) = try IssuerKeyFile.create(issuer: issuer, validDays: days, configuration: configuration,
                                                   central: configuration.openCentral())
        print("issuer \(issuer): key \(key.issuer.keyID) registered in the central store")
        print("private key: \(path) (mode 0600; keep it safe, it signs codes)")
        print("public key:  \(Data(key.issuer.publicKey).base64EncodedString()) (for other regions: code trust)")
        return 0
    }

    private static func validDays(_ arguments: inout Arguments) throws -> Int? {
        try arguments.option("--valid-days").map { text in
            guard let days = Int(text), (1...3650).contains(days) else {
                throw UsageError("--valid-days takes days from 1 to 3650")
            }
            return days
        }
    }

    private static func trust(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        guard let issuer = try arguments.option("--issuer"), let text = try arguments.option("--public-key") else {
            throw UsageError("trust needs --issuer ID and --public-key BASE64")
        }
        let days = try validDays(&arguments)
        try arguments.expectEnd()
        guard let publicKey = Data(base64Encoded: text).map(Array.init), publicKey.count == LibCrypto.ed25519KeySize else {
            throw Failure.invalid("--public-key takes the 32-byte Ed25519 public key in base64, as code keygen prints it")
        }
        let validity = IssuerKeyFile.validity(days: days)
        let key = IssuerKey(issuer: issuer, keyID: CodeIssuer.keyID(of: publicKey), publicKey: publicKey,
                            validFrom: validity.from, validTo: validity.to)
        if let problem = key.problem { throw UsageError(problem) }
        do {
            try configuration.openCentral().registerIssuerKey(key)
        } catch let refused as CentralError {
            throw Failure.invalid(refused.description)
        }
        print("issuer \(issuer): key \(key.keyID) trusted; its holders show as from another region (外地码)")
        return 0
    }

    private static func revoke(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        guard let issuer = try arguments.option("--issuer"), let key = try arguments.option("--key") else {
            throw UsageError("revoke needs --issuer ID and --key KEY")
        }
        try arguments.expectEnd()
        guard try configuration.openCentral().revokeIssuerKey(issuer: issuer, keyID: key, at: Date()) else {
            throw Failure.invalid("the central store has no key \(key) of issuer \(issuer)")
        }
        print("issuer \(issuer): key \(key) revoked; consoles refuse its codes from their next sync")
        return 0
    }

    private static func keys(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        try arguments.expectEnd()
        let keys = try configuration.openCentral().issuerKeys()
        if keys.isEmpty { print("the trust list is empty: healthgate code keygen --issuer ID adds a key") }
        let now = Date()
        for key in keys {
            let state = key.revokedAt.map { "revoked \(CheckReport.iso($0))" }
                ?? (key.isTrusted(at: now) ? "trusted" : "not valid now")
            let until = key.validTo.map { " to \(CheckReport.iso($0))" } ?? ""
            print("\(key.issuer)  \(key.keyID)  from \(CheckReport.iso(key.validFrom))\(until)  \(state)"
                + (key.sealKey == nil ? "  (holders not named here)" : ""))
        }
        return 0
    }

    private static func issue(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let issuer = try arguments.option("--issuer")
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let document = positionals.first else {
            throw UsageError("issue takes exactly one document")
        }
        print(try CodeSource(document: document, issuer: issuer, configuration: configuration).code(at: Date()))
        return 0
    }
}

/// What issuing a person's codes needs: their record in the central store, and a trusted key of ours.
struct CodeSource {
    var record: PersonRecord
    let signer: CodeIssuer
    let central: CentralStore

    init(document text: String, issuer: String?, configuration: Configuration) throws {
        let strings = try configuration.strings()
        let document: Document
        switch ScanInput.classify(text, today: CivilDate(Date(), in: .current)) {
        case .document(let parsed): document = parsed
        case .invalid(let problem): throw Failure.invalid("\(Masking.scanned(text)): \(strings.problem(problem))")
        case .phone, .code: throw Failure.invalid("\(Masking.scanned(text)) is not a document")
        }
        central = try configuration.openCentral()
        guard let record = try central.person(document: document.key) else {
            throw Failure.invalid("the central store has no code for \(Masking.document(document.key)): "
                + strings.reason(Reason(.noRecord), rules: CheckpointRules()))
        }
        self.record = record
        signer = try Self.signer(issuer: issuer, central: central, configuration: configuration)
    }

    /// The newest key in DATA/keys that the central store trusts now.
    private static func signer(issuer: String?, central: CentralStore, configuration: Configuration) throws -> CodeIssuer {
        let now = Date()
        let trusted = try central.issuerKeys().filter { $0.isTrusted(at: now) }
        let usable = IssuerKeyFile.all(in: IssuerKeyFile.folder(configuration), issuer: issuer).compactMap { file in
            trusted.first { $0.issuer == file.issuer.issuer && $0.keyID == file.issuer.keyID }.map { (file.issuer, $0.validFrom) }
        }
        let issuers = Set(usable.map(\.0.issuer))
        guard issuers.count <= 1 else {
            throw UsageError("keys of several issuers (\(issuers.sorted().joined(separator: ", "))): pick one with --issuer")
        }
        guard let newest = usable.max(by: { $0.1 < $1.1 }) else {
            throw Failure.invalid("no key in \(IssuerKeyFile.folder(configuration)) is trusted by the central store"
                + (issuer.map { " for issuer \($0)" } ?? "") + ": healthgate code keygen --issuer ID makes one")
        }
        return newest.0
    }

    /// A code generated at `now`, with the person's colour as the central store has it.
    func code(at now: Date) throws -> String {
        try signer.issue(document: record.document, colour: record.colour, colourChangedAt: record.colourChangedAt, at: now)
    }
}
