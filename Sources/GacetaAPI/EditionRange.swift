import GacetaCore

/// `GET /api/v1/editions?from=YYYY-MM-DD&to=YYYY-MM-DD`: the editions of a range of at most `maximumDays`, for
/// the calendar (both dates required, `from` not after `to`).
enum EditionRange {
    static let maximumDays = 366

    /// The range's editions, or nil when the request names no range (the paged list answers it).
    static func respond(_ request: Request, calendar: any EditionCalendar) throws -> Response? {
        let from = try SearchParameters.date(try request.query("from"), name: "from")
        let to = try SearchParameters.date(try request.query("to"), name: "to")
        guard from != nil || to != nil else { return nil }
        guard let from, let to else {
            throw HTTPError.badRequest("give both 'from' and 'to' (YYYY-MM-DD) for a range of editions")
        }
        let days = dayNumber(to) - dayNumber(from)
        guard days >= 0 else { throw HTTPError.badRequest("'from' (\(from)) is after 'to' (\(to))") }
        guard days < maximumDays else {
            throw HTTPError.badRequest(
                "a range of editions spans at most \(maximumDays) days; \(from) to \(to) spans \(days + 1)")
        }
        let editions = try calendar.editions(from: from, to: to)
        return Response.json(EditionRangeBody(from: from, to: to, editions: editions.map { EditionBody($0) }))
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
