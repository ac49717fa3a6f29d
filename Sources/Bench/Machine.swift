import Foundation

/// One line naming the machine a benchmark ran on: processor, cores, memory and kernel.
enum Machine {
    static func describe() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "" } ?? "unknown processor"
        var names = utsname()
        uname(&names)
        let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + String(format: "%.0f GiB", memory) + ", Linux \(kernel)"
    }
}
