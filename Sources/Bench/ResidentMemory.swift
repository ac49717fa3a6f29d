import Foundation

/// This process's resident memory as Linux reports it in /proc/self/status, with a resettable peak.
enum ResidentMemory {
    /// Returns freed heap to the system and starts a new peak at the current resident size.
    static func resetPeak() {
        typealias Trim = @convention(c) (Int) -> Int32
        _ = LibC.function("malloc_trim", Trim.self)?(0)
        if let file = fopen("/proc/self/clear_refs", "w") {
            fputs("5", file)
            fclose(file)
        }
    }

    /// The highest resident size since the last reset (VmHWM), in bytes.
    static func peak() -> Int {
        field("VmHWM:")
    }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Int(line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).dropLast(3)
                .trimmingCharacters(in: .whitespaces))
        else { return 0 }
        return kilobytes * 1024
    }
}
