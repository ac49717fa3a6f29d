import Foundation

/// The files shipped in `Assets/`: string tables (and, later, SQL).
public enum Assets {
    /// The URL of a shipped file such as `strings/en.json`, or nil when the bundle is missing.
    public static func url(_ relativePath: String) -> URL? {
        let url = Bundle.module.resourceURL?.appendingPathComponent(relativePath)
        return url.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }
}
