/// The date functions (year, month, hour, …) on Unix seconds, in UTC.
enum CalendarFunctions {
    static func function(_ name: String) -> ((Double) -> Double)? {
        let part: (Civil) -> Int
        switch name {
        case "year": part = \.year
        case "month": part = \.month
        case "day_of_month": part = \.day
        case "day_of_week": part = \.weekday
        case "day_of_year": part = \.dayOfYear
        case "days_in_month": part = \.daysInMonth
        case "hour": part = \.hour
        case "minute": part = \.minute
        default: return nil
        }
        return { seconds in
            guard seconds.isFinite, abs(seconds) < 1e15 else { return .nan }
            return Double(part(Civil(seconds: Int64(seconds.rounded(.towardZero)))))
        }
    }

    /// A UTC calendar date and time of day, from days since 1970 by Howard Hinnant's algorithm.
    struct Civil {
        var year: Int
        var month: Int
        var day: Int
        var weekday: Int
        var dayOfYear: Int
        var hour: Int
        var minute: Int

        init(seconds: Int64) {
            var days = seconds / 86_400
            var secondOfDay = seconds % 86_400
            if secondOfDay < 0 {
                secondOfDay += 86_400
                days -= 1
            }
            hour = Int(secondOfDay / 3600)
            minute = Int(secondOfDay % 3600 / 60)
            weekday = Int(((days % 7) + 11) % 7)
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYearMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthPrime = (5 * dayOfYearMarch + 2) / 153
            day = Int(dayOfYearMarch - (153 * monthPrime + 2) / 5 + 1)
            month = Int(monthPrime < 10 ? monthPrime + 3 : monthPrime - 9)
            year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
            let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
            dayOfYear = cumulative[month - 1] + day + (month > 2 && Self.isLeap(year) ? 1 : 0)
        }

        var daysInMonth: Int {
            let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return month == 2 && Self.isLeap(year) ? 29 : lengths[month - 1]
        }

        static func isLeap(_ year: Int) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }
    }
}
