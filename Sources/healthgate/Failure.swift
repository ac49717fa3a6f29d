/// How a command ends badly: its exit code and one line for stderr.
struct Failure: Error, CustomStringConvertible {
    /// 1 refused or invalid input, 2 usage, 3 store or network failure.
    let exitCode: Int32
    let description: String

    static func invalid(_ message: String) -> Failure { Failure(exitCode: 1, description: message) }
    static func store(_ message: String) -> Failure { Failure(exitCode: 3, description: message) }
}
