import Central
import Foundation
import HealthCode

/// An issuer's private key on disk: `DATA/keys/ISSUER-KEY.key`, readable by its owner only (mode 0600).
struct IssuerKeyFile {
    static let header = "healthgate issuer key"

    let issuer: CodeIssuer

    /// The folder the keys live in, created owner-only.
    static func folder(_ configuration: Configuration) -> String { configuration.dataDirectory + "/keys" }

    /// A new key for `issuer`, from the system's cryptographic random source.
    private static func generate(issuer: String) throws -> IssuerKeyFile {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<LibCrypto.ed25519KeySize + LibCrypto.sealKeySize).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        do {
            return IssuerKeyFile(issuer: try CodeIssuer(issuer: issuer, seed: Array(bytes.prefix(LibCrypto.ed25519KeySize)),
                                                        sealKey: Array(bytes.suffix(LibCrypto.sealKeySize))))
        } catch let error as CryptoError {
            throw UsageError(error.description)
        }
    }

    /// Makes a key for `issuer`, writes its file and registers its public half in `central`, valid from now;
    /// when the store refuses it, the file is removed again.
    static func create(issuer: String, validDays: Int?, configuration: Configuration,
                       central: CentralStore) throws -> (IssuerKeyFile, path: String) {
        let key = try generate(issuer: issuer)
        try configuration.createDataFolder()
        let path = try key.write(in: folder(configuration))
        let validity = validity(days: validDays)
        let entry = key.issuer.trustEntry(validFrom: validity.from, validTo: validity.to)
        do {
            try central.registerIssuerKey(entry)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw Failure.store("the key was not registered, and its file was removed: \(error)")
        }
        return (key, path)
    }

    /// A key's validity: from now, for `days` days or with no end.
    static func validity(days: Int?) -> (from: Date, to: Date?) {
        let now = Date()
        return (now, days.map { now.addingTimeInterval(Double($0) * 86_400) })
    }

    var text: String {
        """
        \(Self.header)
        issuer: \(issuer.issuer)
        key: \(issuer.keyID)
        seed: \(Data(issuer.privateSeed).base64EncodedString())
        seal: \(Data(issuer.sealKey).base64EncodedString())

        """
    }

    /// Writes the key to a new file that only its owner can read; an existing file is never overwritten.
    func write(in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = "\(folder)/\(issuer.issuer)-\(issuer.keyID).key"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Failure.store("cannot create \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw Failure.store("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// Reads a key file; anything else is refused with the file's name.
    static func read(_ path: String) throws -> IssuerKeyFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure.invalid("cannot read the key file \(path)")
        }
        var fields: [String: String] = [:]
        let lines = text.split(whereSeparator: \.isNewline)
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard lines.first.map(String.init) == header, let name = fields["issuer"],
              let seed = fields["seed"].flatMap({ Data(base64Encoded: $0) }),
              let seal = fields["seal"].flatMap({ Data(base64Encoded: $0) }),
              let issuer = try? CodeIssuer(issuer: name, seed: Array(seed), sealKey: Array(seal)),
              issuer.keyID == fields["key"]
        else { throw Failure.invalid("\(path) is not a healthgate issuer key") }
        return IssuerKeyFile(issuer: issuer)
    }

    /// Every key file in `folder` for `issuer` (any issuer when nil), skipping files that are not keys.
    static func all(in folder: String, issuer: String?) -> [IssuerKeyFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { file in file.hasSuffix(".key") && (issuer.map { file.hasPrefix($0 + "-") } ?? true) }
            .compactMap { try? read("\(folder)/\($0)") }
    }
}
