import Foundation

/// The package's built products, found beside the test bundle.
public enum BuiltProducts {
    /// The path of the executable `name` (such as `healthgate`) of this build.
    public static func path(_ name: String) -> String {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        return products.appendingPathComponent(name).path
    }
}
