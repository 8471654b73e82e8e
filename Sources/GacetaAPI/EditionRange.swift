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

    /// `YYYY-MM-DD` of a day number, kept within 0000-01-01…9999-12-31.
    static func date(_ day: Int) -> String {
        let date = CalendarDate(daysSinceEpoch: day)
        if date.year > 9999 { return "9999-12-31" }
        if date.year < 0 { return "0000-01-01" }
        return date.description
    }

    /// Days since 1970-01-01 of a valid `YYYY-MM-DD`.
    static func dayNumber(_ date: String) -> Int { CalendarDate(date)?.daysSinceEpoch ?? 0 }
}
