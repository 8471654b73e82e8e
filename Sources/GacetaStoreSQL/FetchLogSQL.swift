import GacetaCore

/// `FetchLog` written once over the SQL of ``FetchSQL``: a driver gives a way to run a statement and a transaction.
public protocol FetchLogSQL: FetchLog {
    /// Runs `sql` (parameters `?N`, given as text: the columns' types make numbers of them) and returns `columns`
    /// columns of every row as text (NULL as nil).
    func fetchRows(_ sql: String, _ parameters: [String?], columns: Int) throws(StoreError) -> [[String?]]
    /// Runs `body` in one transaction.
    func fetchTransaction(_ body: () throws(StoreError) -> Void) throws(StoreError)
}

extension FetchLogSQL {
    public func fetchDate(_ date: String) throws(StoreError) -> FetchDateRecord? {
        try fetchDates(from: date, to: date).first
    }

    public func fetchDates(from: String, to: String) throws(StoreError) -> [FetchDateRecord] {
        FetchSQL.records(
            dates: try fetchRows(FetchSQL.dates, [from, to], columns: 3),
            files: try fetchRows(FetchSQL.files, [from, to], columns: 8))
    }

    public func recordFetchDate(_ record: FetchDateRecord) throws(StoreError) {
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(FetchSQL.upsertDate, [record.date, record.state.rawValue, record.updatedAt], columns: 0)
            _ = try fetchRows(FetchSQL.deleteFiles, [record.date], columns: 0)
            for file in record.files {
                _ = try fetchRows(FetchSQL.insertFile, FetchSQL.values(date: record.date, file), columns: 0)
            }
        }
    }

    public func lastAlcanceNumber(year: Int) throws(StoreError) -> Int? {
        let (first, last) = FetchSQL.yearBounds(year)
        return try fetchRows(FetchSQL.lastAlcance, [first, last], columns: 1).first?[0].flatMap { Int($0) }
    }

    public func previousEditionNumber(before date: String) throws(StoreError) -> (date: String, number: Int)? {
        guard let row = try fetchRows(FetchSQL.previousEdition, [date], columns: 2).first, let found = row[0],
            let number = row[1].flatMap({ Int($0) })
        else { return nil }
        return (found, number)
    }

    public func recordFetchRun(_ run: FetchRun, counters: [String: Int]) throws(StoreError) {
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(FetchSQL.insertRun, FetchSQL.values(run), columns: 0)
            for (name, value) in counters.sorted(by: { $0.key < $1.key }) {
                _ = try fetchRows(FetchSQL.addCounter, [name, String(value)], columns: 0)
            }
        }
    }

    public func lastFetchRun() throws(StoreError) -> FetchRun? {
        try fetchRows(FetchSQL.lastRun, [], columns: 5).first.flatMap(FetchSQL.run)
    }

    public func lastSuccessfulFetch() throws(StoreError) -> Int64? {
        try fetchRows(FetchSQL.lastSuccess, [], columns: 1).first?[0].flatMap { Int64($0) }
    }

    public func fetchCounters() throws(StoreError) -> [String: Int] {
        var counters: [String: Int] = [:]
        for row in try fetchRows(FetchSQL.counters, [], columns: 2) {
            if let name = row[0], let value = row[1].flatMap({ Int($0) }) { counters[name] = value }
        }
        return counters
    }
}
