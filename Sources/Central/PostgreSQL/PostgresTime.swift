import Foundation

/// Converts dates to the text PostgreSQL reads as `timestamptz` and from the epoch milliseconds it is asked to return.
enum PostgresTime {
    /// `2024-05-01 08:30:00.123+00`: ISO 8601 with an explicit offset, unambiguous under every `DateStyle` and `TimeZone`;
    /// dates beyond PostgreSQL's range become `infinity` or `-infinity`.
    static func text(_ date: Date) -> String {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(scaled) < 9e15 else { return scaled < 0 ? "-infinity" : "infinity" }
        let milliseconds = Int64(scaled)
        let (seconds, fraction) = floorDivision(milliseconds, 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = Int(parts.tm_year) + 1900
        let day = "\(padded(year > 0 ? year : 1 - year, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
        let clock = "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2)).\(padded(fraction, 3))"
        return "\(day) \(clock)+00" + (year > 0 ? "" : " BC")
    }

    /// The date `milliseconds` after 1970-01-01 00:00 UTC.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func padded(_ number: some BinaryInteger, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
