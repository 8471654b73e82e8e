/// A calendar date as La Gaceta prints it, validated.
struct SpanishDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Month names, folded; both "setiembre" (used in Costa Rica) and "septiembre".
    static let monthNumbers: [String: Int] = [
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    ]
    static let monthNames = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
        "noviembre", "diciembre",
    ]
    static let weekdays: Set<String> = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"]

    /// A date only if it exists (no 31 de febrero), with a year between 1800 and 2199.
    init?(year: Int, month: Int, day: Int) {
        guard (1800...2199).contains(year), (1...12).contains(month), day >= 1,
            day <= SpanishDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "15 de julio de 2024".
    var spanish: String { "\(day) de \(SpanishDate.monthNames[month - 1]) de \(year)" }

    /// Parses `YYYY-MM-DD` (as given with --date or in front matter; a time after it is ignored).
    init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
