import Foundation
import Testing

/// Dynamic codes through the real binary: a key made and synced, a code issued, pasted into the console,
/// refused once too old, and refused when forged or revoked.
@Suite("Dynamic codes, end to end", .serialized)
struct DynamicCodeEndToEndTests {
    let data = NSTemporaryDirectory() + "healthgate-codes-" + UUID().uuidString
    let id = "11010519491231002X"

    func healthgate(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
        try Binary.run(["--data-dir", data] + arguments)
    }

    /// One green person in the central store, a key for issuer BJ on the trust list, a 5-second maximum
    /// code age at this checkpoint, and all of it synced.
    func prepare() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try """
            document,name,phone,colour,reason,updated_at
            \(id),张三丰,13800138000,green,,2026-01-05T08:00:00+08:00
            """.write(toFile: data + "/codes.csv", atomically: true, encoding: .utf8)
        for step in [["import", "codes", data + "/codes.csv"], ["code", "keygen", "--issuer", "BJ"],
                     ["checkpoint", "set", "--max-code-age", "5", "--temperature", "off", "--nat-max-hours", "none"], ["sync"]] {
            let result = try Binary.run(["--data-dir", data] + step)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.err)")
        }
    }

    func issue() throws -> String {
        let issued = try healthgate("code", "issue", id)
        #expect(issued.status == 0, "code issue: \(issued.err)")
        return issued.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("keygen writes a private key only its owner can read, and issue prints a code without the ID number")
    func keyAndCode() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let keys = try FileManager.default.contentsOfDirectory(atPath: data + "/keys")
        #expect(keys.count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: data + "/keys/" + keys[0])
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let code = try issue()
        #expect(code.hasPrefix("HG1:BJ."))
        #expect(code.count <= 200)
        #expect(!code.contains(id))
        let listed = try healthgate("code", "keys")
        #expect(listed.out.contains("BJ") && listed.out.contains("trusted"))
    }

    @Test("check --json verifies a fresh code, refuses it once older than the maximum, and refuses a forgery")
    func checkCommand() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let code = try issue()
        let fresh = try healthgate("check", code, "--json")
        #expect(fresh.status == 0, "\(fresh.out) \(fresh.err)")
        #expect(fresh.out.contains("\"colour\" : \"green\""))
        #expect(fresh.out.contains("\"issuer\" : \"BJ\""))
        let forged = try healthgate("check", code.replacingOccurrences(of: ".G.", with: ".R."), "--json")
        #expect(forged.status == 1)
        #expect(forged.out.contains("\"code\" : \"code_forged\""))
        Thread.sleep(forTimeInterval: 6)
        let stale = try healthgate("check", code, "--json")
        #expect(stale.status == 1)
        #expect(stale.out.contains("\"code\" : \"code_expired\""), "\(stale.out)")
        #expect(stale.out.contains("二维码已过期，请刷新"))
    }

    @Test("a revoked key's codes are refused from the next sync on")
    func revokedKey() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let key = try #require(try FileManager.default.contentsOfDirectory(atPath: data + "/keys").first)
        let keyID = String(key.dropFirst("BJ-".count).prefix(8))
        let code = try issue()
        #expect(try healthgate("code", "revoke", "--issuer", "BJ", "--key", keyID).status == 0)
        #expect(try healthgate("check", code).status == 0, "the console trusts the key until its next sync")
        #expect(try healthgate("sync").status == 0)
        let refused = try healthgate("check", code, "--json")
        #expect(refused.status == 1)
        #expect(refused.out.contains("\"code\" : \"code_untrusted\""), "\(refused.out)")
        let reissued = try healthgate("code", "issue", id)
        #expect(reissued.status == 1)
        #expect(reissued.err.contains("no key"))
    }

    @Test("a code pasted into the console's scan field gives the verdict; pasted again too late, it is refused")
    func pastedIntoConsole() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let console = try Tmux(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(Binary.path)' --data-dir '\(data)' --operator 王")
        try console.waitFor { $0.contains("演示小区门岗") }
        let code = try issue()
        try console.send(code, literal: true)
        try console.send("Enter")
        var screen = try console.waitFor { $0.contains("动态码") }
        #expect(screen.contains("绿码"))
        #expect(screen.contains("放行"))
        #expect(screen.contains("张*丰"))
        #expect(!screen.contains(id), "the full ID number must never be on screen")
        Thread.sleep(forTimeInterval: 6)
        try console.send(code, literal: true)
        try console.send("Enter")
        screen = try console.waitFor { $0.contains("二维码已过期") }
        #expect(screen.contains("二维码已过期，请刷新"))
        #expect(screen.contains("不予放行"))
        try console.send("F10")
    }

    @Test("another region's code is verified once its public key is trusted here and synced, and shows as 外地码")
    func otherRegion() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let other = data + "/guangdong"
        try """
            document,name,phone,colour,reason,updated_at
            440106199001010013,李四,,yellow,密接,2026-01-05T08:00:00+08:00
            """.write(toFile: data + "/gd.csv", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["--data-dir", other, "import", "codes", data + "/gd.csv"]).status == 0)
        let made = try Binary.run(["--data-dir", other, "code", "keygen", "--issuer", "GD"])
        let publicKey = try #require(made.out.split(separator: "\n").first { $0.hasPrefix("public key:") }?
            .split(separator: " ").dropFirst(2).first.map(String.init))
        let code = try Binary.run(["--data-dir", other, "code", "issue", "440106199001010013"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try healthgate("check", code, "--json").out.contains("code_untrusted"))
        let trusted = try healthgate("code", "trust", "--issuer", "GD", "--public-key", publicKey)
        #expect(trusted.status == 0, "\(trusted.err)")
        #expect(try healthgate("code", "trust", "--issuer", "GD", "--public-key", publicKey).status == 1, "trusted once")
        #expect(try healthgate("code", "trust", "--issuer", "GD", "--public-key", "AAAA").status == 1)
        #expect(try healthgate("sync").status == 0)
        let checked = try healthgate("check", code, "--json")
        #expect(checked.out.contains("\"foreign\" : true"), "\(checked.out)")
        #expect(checked.out.contains("\"colour\" : \"yellow\""))
        #expect(checked.status == 1, "a yellow code is refused")
    }
}
