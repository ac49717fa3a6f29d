import Console
import Foundation
import HealthCode

/// `healthgate id`: validates resident ID numbers, one line of output per input.
enum IDCommand: Command {
    static let help = """
        usage: healthgate id [ID...]

        Validates resident identity card numbers (GB 11643-1999). Reads the arguments, or one
        number per line from standard input when there are none. Prints, per input:
          valid<TAB>normalised<TAB>sex<TAB>YYYY-MM-DD
          invalid<TAB>reason
        Exits 0 when every input is valid, 1 otherwise.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        var inputs = try arguments.positionals()
        if inputs.isEmpty {
            while let line = readLine() {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { inputs.append(line) }
            }
        }
        let strings = try configuration.strings()
        let today = CivilDate(Date(), in: .current)
        var allValid = true
        for input in inputs {
            switch ResidentID.parse(input, today: today) {
            case .success(let id):
                print("valid\t\(id.number)\t\(id.sex.rawValue)\t\(id.birthDate)")
            case .failure(let problem):
                allValid = false
                print("invalid\t\(strings.problem(ScanProblem.document(.residentID(problem))))")
            }
        }
        return allValid ? 0 : 1
    }
}
