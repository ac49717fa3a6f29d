/// SplitMix64: a small, fast, deterministic generator, seeded per person so anyone can be generated alone.
struct SplitMix64 {
    /// Independent streams of one seed, so the draws for a person and for a family never collide.
    enum Stream: UInt64 {
        case person = 1, family, keys, phone, script
    }

    private var state: UInt64

    /// The generator for item `index` of `stream` under `seed`.
    init(seed: UInt64, stream: Stream, index: Int) {
        let item = UInt64(bitPattern: Int64(index)) &* 0xD1B5_4A32_D192_ED03
        state = Self.mix(seed ^ Self.mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15 ^ item))
    }

    /// A well-mixed function of `value`: the SplitMix64 finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A number in `0..<bound`; `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One element of a non-empty list.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    /// One element of a non-empty list, each as likely as its weight.
    mutating func pick<T>(weighted choices: [(T, Int)]) -> T {
        var roll = below(choices.reduce(0) { $0 + $1.1 })
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
