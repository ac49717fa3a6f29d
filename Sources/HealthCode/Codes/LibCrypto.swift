import CCrypto

/// The one wrapper around OpenSSL's libcrypto: Ed25519, AES-SIV and SHA-256 through the EVP API,
/// every result checked and every C object freed. No cryptography is written here, only calls.
public enum LibCrypto {
    /// The size of an Ed25519 private seed and of a public key, in bytes.
    public static let ed25519KeySize = 32
    /// The size of an Ed25519 signature, in bytes.
    public static let ed25519SignatureSize = 64
    /// The size of an AES-128-SIV key (two AES-128 keys), in bytes.
    public static let sealKeySize = 32
    /// The size of the synthetic IV that AES-SIV puts before the ciphertext, in bytes.
    static let sivTagSize = 16

    /// The Ed25519 public key of a 32-byte private seed.
    public static func ed25519PublicKey(seed: [UInt8]) throws -> [UInt8] {
        let key = try privateKey(seed)
        defer { EVP_PKEY_free(key) }
        var length = ed25519KeySize
        var publicKey = [UInt8](repeating: 0, count: ed25519KeySize)
        guard EVP_PKEY_get_raw_public_key(key, &publicKey, &length) == 1, length == ed25519KeySize else {
            throw CryptoError("cannot derive the Ed25519 public key")
        }
        return publicKey
    }

    /// Signs `message` with the Ed25519 key of a 32-byte private seed.
    public static func ed25519Sign(_ message: [UInt8], seed: [UInt8]) throws -> [UInt8] {
        let key = try privateKey(seed)
        defer { EVP_PKEY_free(key) }
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        var length = ed25519SignatureSize
        var signature = [UInt8](repeating: 0, count: ed25519SignatureSize)
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1,
              EVP_DigestSign(context, &signature, &length, message, message.count) == 1,
              length == ed25519SignatureSize else { throw CryptoError("Ed25519 signing failed") }
        return signature
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` under `publicKey`.
    public static func ed25519Verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == ed25519SignatureSize, publicKey.count == ed25519KeySize,
              let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count)
        else { return false }
        defer { EVP_PKEY_free(key) }
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        return EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1
            && EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }

    /// AES-128-SIV: the synthetic IV followed by the ciphertext of `plaintext`, bound to `associatedData`.
    public static func sivSeal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == sealKeySize else { throw CryptoError("a seal key has \(sealKeySize) bytes") }
        return try withSIV(key: key, encrypting: true) { context in
            var length: Int32 = 0
            var ciphertext = [UInt8](repeating: 0, count: max(plaintext.count, 1))
            var tag = [UInt8](repeating: 0, count: sivTagSize)
            guard EVP_EncryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1,
                  EVP_EncryptUpdate(context, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1,
                  EVP_EncryptFinal_ex(context, &ciphertext, &length) == 1,
                  EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, Int32(sivTagSize), &tag) == 1
            else { throw CryptoError("AES-SIV sealing failed") }
            return tag + ciphertext.prefix(plaintext.count)
        }
    }

    /// The plaintext of `sealed`, or nil when it was not sealed with `key` and `associatedData`.
    public static func sivOpen(_ sealed: [UInt8], key: [UInt8], associatedData: [UInt8]) -> [UInt8]? {
        guard key.count == sealKeySize, sealed.count >= sivTagSize else { return nil }
        var tag = Array(sealed.prefix(sivTagSize))
        let ciphertext = Array(sealed.dropFirst(sivTagSize))
        return try? withSIV(key: key, encrypting: false) { context in
            var length: Int32 = 0
            var plaintext = [UInt8](repeating: 0, count: max(ciphertext.count, 1))
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32(sivTagSize), &tag) == 1,
                  EVP_DecryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1,
                  EVP_DecryptUpdate(context, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1,
                  EVP_DecryptFinal_ex(context, &plaintext, &length) == 1
            else { throw CryptoError("AES-SIV opening failed") }
            return Array(plaintext.prefix(ciphertext.count))
        }
    }

    /// The SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil) == 1 else { return [] }
        return digest
    }

    private static func privateKey(_ seed: [UInt8]) throws -> OpaquePointer {
        guard seed.count == ed25519KeySize,
              let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count)
        else { throw CryptoError("an Ed25519 private key is a \(ed25519KeySize)-byte seed") }
        return key
    }

    private static func withSIV<T>(key: [UInt8], encrypting: Bool,
                                   _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let cipher = EVP_CIPHER_fetch(nil, "AES-128-SIV", nil) else {
            throw CryptoError("this libcrypto has no AES-128-SIV")
        }
        defer { EVP_CIPHER_free(cipher) }
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError("out of memory") }
        defer { EVP_CIPHER_CTX_free(context) }
        let started = encrypting
            ? EVP_EncryptInit_ex2(context, cipher, key, nil, nil)
            : EVP_DecryptInit_ex2(context, cipher, key, nil, nil)
        guard started == 1 else { throw CryptoError("AES-SIV could not start") }
        return try body(context)
    }
}

/// libcrypto refused an operation: one line saying which.
public struct CryptoError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
