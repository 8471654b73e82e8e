import GacetaCore

/// `GET /api/v1/editions?from=YYYY-MM-DD&to=YYYY-MM-DD`: the editions of a range of at most `maximumDays`, for
/// the calendar (`from` not after `to`; one bound alone spans `maximumDays` from it, or up to it).
enum EditionRange {
    static let maximumDays = 366

    /// The range's editions, or nil when the request names no range (the paged list answers it).
    static func respond(_ request: Request, calendar: any EditionCalendar) throws -> Response? {
        var from = try SearchParameters.date(try request.query("from"), name: "from")
        var to = try SearchParameters.date(try request.query("to"), name: "to")
        if let first = from, to == nil { to = date(dayNumber(first) + maximumDays - 1) }
        if let last = to, from == nil { from = date(dayNumber(last) - maximumDays + 1) }
        guard let from, let to else { return nil }
        let days = dayNumber(to) - dayNumber(from)
        guard days >= 0 else { throw HTTPError.badRequest("'from' (\(from)) is after 'to' (\(to))") }
        guard days < maximumDays else {
            throw HTTPError.badRequest(
                "a range of editions spans at most \(maximumDays) days; \(from) to \(to) spans \(days + 1)")
        }
        let editions = try calendar.editions(from: from, to: to)
        return Response.json(EditionRangeBody(from: from, to: to, editions: editions.map { EditionBody($0) }))
    }

    /// `YYYY-MM-DD` of a day number (Howard Hinnant's civil-from-days), kept within 0000-01-01…9999-12-31.
    static func date(_ day: Int) -> String {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        if year > 9999 { return "9999-12-31" }
        if year < 0 { return "0000-01-01" }
        func padded(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(dayOfMonth, 2))"
    }

    /// Days since 1970-01-01 of a valid `YYYY-MM-DD` (Howard Hinnant's days-from-civil).
    static func dayNumber(_ date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        let year = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (parts[1] + (parts[1] > 2 ? -3 : 9)) + 2) / 5 + parts[2] - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
