import Foundation
import HealthCode

/// Reads and writes the feeds' ISO 8601 times, which must carry a UTC offset: `2026-11-27T08:30:00+08:00`.
enum FeedTime {
    /// Why a text is not a feed time.
    enum Problem: Error, Equatable {
        case format
        case noOffset
        case outOfRange

        var message: String {
            switch self {
            case .format: "not an ISO 8601 time like 2026-11-27T08:30:00+08:00"
            case .noOffset: "the time has no UTC offset; write it like 2026-11-27T08:30:00+08:00 or with Z"
            case .outOfRange: "not a real date and time"
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`.
    static func parse(_ text: String) -> Result<Date, Problem> {
        let chars = Array(text.utf8)
        var scanner = DigitScanner(chars: chars)
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
              let day = scanner.number(2), scanner.skip("T"), let hour = scanner.number(2), scanner.skip(":"),
              let minute = scanner.number(2), scanner.skip(":"), let second = scanner.number(2)
        else { return .failure(.format) }
        var fraction = 0.0
        if scanner.skip(".") {
            guard let digits = scanner.digits(upTo: 9) else { return .failure(.format) }
            fraction = digits
        }
        guard !scanner.atEnd else { return .failure(.noOffset) }
        var offsetMinutes = 0
        if !scanner.skip("Z") {
            let sign: Int
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return .failure(.format) }
            guard let offsetHours = scanner.number(2), scanner.skip(":"), let minutes = scanner.number(2)
            else { return .failure(.format) }
            guard offsetHours <= 18, minutes <= 59 else { return .failure(.outOfRange) }
            offsetMinutes = sign * (offsetHours * 60 + minutes)
        }
        guard scanner.atEnd else { return .failure(.format) }
        guard CivilDate(year: year, month: month, day: day) != nil, hour <= 23, minute <= 59, second <= 59
        else { return .failure(.outOfRange) }
        let local = DayNumber.of(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return .success(Date(timeIntervalSince1970: Double(local - offsetMinutes * 60) + fraction))
    }

    /// The time in `timeZone`'s offset, with milliseconds only when it has them.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
        var seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var millis = Int(((date.timeIntervalSince1970 - Double(seconds)) * 1000).rounded())
        if millis == 1000 {
            seconds += 1
            millis = 0
        }
        let local = seconds + offsetMinutes * 60
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        let (year, month, day) = DayNumber.civil(dayNumber)
        let secondOfDay = local - dayNumber * 86_400
        let two = { (value: Int) in TextFormat.zeroPadded(value, width: 2) }
        var text = TextFormat.zeroPadded(year, width: 4) + "-" + two(month) + "-" + two(day) + "T"
            + two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60)
        if millis > 0 { text += "." + TextFormat.zeroPadded(millis, width: 3) }
        guard offsetMinutes != 0 else { return text + "Z" }
        let magnitude = abs(offsetMinutes)
        return text + (offsetMinutes < 0 ? "-" : "+") + two(magnitude / 60) + ":" + two(magnitude % 60)
    }
}
