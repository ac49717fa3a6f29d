import Foundation

/// Identifiers for the events a console records.
extension UUID {
    /// A random (version 4) identifier drawn from `generator`: from `SystemRandomNumberGenerator` it costs
    /// one system call per half, where Foundation's `UUID()` opens, reads and closes `/dev/urandom` each time.
    public static func version4<G: RandomNumberGenerator>(using generator: inout G) -> UUID {
        let high = (generator.next() as UInt64) & ~0xF000 | 0x4000
        let low = (generator.next() as UInt64) & ~(0xC0 << 56) | (0x80 << 56)
        return withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { bytes in
            UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        }
    }
}
