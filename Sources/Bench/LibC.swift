import Foundation

/// C library functions that Swift's Glibc module does not import (they need feature macros it is not
/// built with), looked up by name at run time.
enum LibC {
    static func function<T>(_ name: String, _ type: T.Type) -> T? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }
}
