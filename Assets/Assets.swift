import Foundation

/// The files shipped in `Assets/`: the string tables and the PostgreSQL schema.
public enum Assets {
    /// The bundle SwiftPM builds beside the executable.
    static let bundleName = "healthgate_Assets.resources"

    /// The URL of a shipped file such as `strings/en.json`, or nil when it cannot be found: callers say
    /// so in one line instead of stopping the program.
    public static func url(_ relativePath: String) -> URL? {
        folders.lazy.map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Where the files may be: the bundle beside the running executable (through any symlink), then
    /// this source folder, for a binary run inside its own checkout.
    static var folders: [URL] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return [
            executable.deletingLastPathComponent().appendingPathComponent(bundleName),
            Bundle.main.bundleURL.appendingPathComponent(bundleName),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent(),
        ]
    }
}
