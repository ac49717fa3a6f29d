import Foundation

/// One malloc arena for the whole process. glibc gives each thread that allocates its own arena, and
/// memory freed in one stays there: with the console's sync threads that kept 10–20 MB resident for
/// nothing (docs/performance.md, peak RSS). Threads still allocate small blocks from their own cache.
enum MallocArenas {
    /// `M_ARENA_MAX` of mallopt(3); Swift's Glibc module does not import `mallopt`, so it is looked up by name.
    private static let arenaMax: Int32 = -8

    /// Call first thing, before any other thread starts.
    static func limitToOne() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
    }
}
