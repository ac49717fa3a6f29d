/// A keyed shuffle of `0..<size`: a bijection, so distinct indices always get distinct slots.
///
/// A four-round Feistel network on the smallest even number of bits that covers `size`,
/// walking the cycle until the value falls inside `0..<size`.
struct IndexPermutation: Sendable {
    let size: Int
    let key: UInt64
    private let halfBits: Int

    init(size: Int, key: UInt64) {
        self.size = size
        self.key = key
        var bits = 2
        while 1 << bits < size { bits += 2 }
        halfBits = bits / 2
    }

    /// The slot of `index`, which must lie in `0..<size`.
    func callAsFunction(_ index: Int) -> Int {
        var value = UInt64(index)
        repeat { value = encrypt(value) } while value >= UInt64(size)
        return Int(value)
    }

    private func encrypt(_ value: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << halfBits) - 1
        var left = value >> halfBits
        var right = value & mask
        for round in UInt64(1)...4 {
            let mixed = SplitMix64.mix(key ^ (round &* 0x9E37_79B9_7F4A_7C15) ^ right) & mask
            (left, right) = (right, left ^ mixed)
        }
        return left << halfBits | right
    }
}
