import GacetaCore

/// SQL both stores share for the fetch log (`FetchLog`): `?N` parameters, `AdminSQL.postgres` for libpq.
public enum FetchSQL {
    /// The tables of schema version 5, the same in both stores (integers stay integers, booleans are 0/1).
    public static func schema(integer: String) -> String {
        """
        CREATE TABLE fetch_dates (
            date text PRIMARY KEY,
            state text NOT NULL,
            updated_at text NOT NULL
        );
        CREATE TABLE fetch_files (
            date text NOT NULL REFERENCES fetch_dates (date) ON DELETE CASCADE,
            name text NOT NULL,
            state text NOT NULL,
            reason text,
            detail text,
            number text,
            alcance \(integer),
            pages \(integer),
            sha256 text,
            PRIMARY KEY (date, name)
        );
        CREATE INDEX fetch_files_alcance ON fetch_files (alcance) WHERE alcance IS NOT NULL;
        CREATE TABLE fetch_runs (
            started_at \(integer) NOT NULL,
            finished_at \(integer) NOT NULL,
            succeeded integer NOT NULL,
            last_date text,
            last_state text
        );
        CREATE INDEX fetch_runs_finished ON fetch_runs (finished_at);
        CREATE TABLE fetch_counters (
            name text PRIMARY KEY,
            value \(integer) NOT NULL
        );
        """
    }

    public static let date = "SELECT date, state, updated_at FROM fetch_dates WHERE date = ?1"
    public static let dates =
        "SELECT date, state, updated_at FROM fetch_dates WHERE date >= ?1 AND date <= ?2 ORDER BY date"
    /// Columns in the order of ``file(_:)``'s arguments, after the date.
    public static let files = """
        SELECT date, name, state, reason, detail, number, pages, sha256 FROM fetch_files
        WHERE date >= ?1 AND date <= ?2 ORDER BY date, coalesce(alcance, 0), name
        """
    public static let upsertDate = """
        INSERT INTO fetch_dates (date, state, updated_at) VALUES (?1, ?2, ?3)
        ON CONFLICT (date) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """
    public static let deleteFiles = "DELETE FROM fetch_files WHERE date = ?1"
    public static let insertFile = """
        INSERT INTO fetch_files (date, name, state, reason, detail, number, alcance, pages, sha256)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """
    public static let lastAlcance =
        "SELECT max(alcance) FROM fetch_files WHERE state = 'stored' AND date >= ?1 AND date <= ?2"
    public static let previousEdition = """
        SELECT date, number FROM fetch_files
        WHERE state = 'stored' AND alcance IS NULL AND number IS NOT NULL AND date < ?1
        ORDER BY date DESC LIMIT 1
        """
    public static let insertRun = """
        INSERT INTO fetch_runs (started_at, finished_at, succeeded, last_date, last_state)
        VALUES (?1, ?2, ?3, ?4, ?5)
        """
    public static let lastRun = """
        SELECT started_at, finished_at, succeeded, last_date, last_state FROM fetch_runs
        ORDER BY finished_at DESC, started_at DESC LIMIT 1
        """
    public static let lastSuccess = "SELECT max(finished_at) FROM fetch_runs WHERE succeeded = 1"
    public static let addCounter = """
        INSERT INTO fetch_counters (name, value) VALUES (?1, ?2)
        ON CONFLICT (name) DO UPDATE SET value = fetch_counters.value + excluded.value
        """
    public static let counters = "SELECT name, value FROM fetch_counters ORDER BY name"

    /// A file row's values for ``insertFile``, as text (NULL as nil).
    public static func values(date: String, _ file: FetchFileRecord) -> [String?] {
        [
            date, file.name, file.state.rawValue, file.reason?.rawValue, file.detail, file.number,
            file.alcanceNumber.map(String.init), file.pages.map(String.init), file.sha256,
        ]
    }

    /// A row of ``files`` (as text, NULL as nil) → its date and file; nil for a state this build does not know.
    public static func file(_ columns: [String?]) -> (date: String, file: FetchFileRecord)? {
        guard columns.count == 8, let date = columns[0], let name = columns[1],
            let state = columns[2].flatMap(FetchState.init(rawValue:))
        else { return nil }
        return (
            date,
            FetchFileRecord(
                name: name, state: state, reason: columns[3].flatMap(FetchFailure.init(rawValue:)),
                detail: columns[4], number: columns[5], pages: columns[6].flatMap { Int($0) }, sha256: columns[7])
        )
    }

    /// Rows of ``dates`` and ``files`` → records, each date with its files.
    public static func records(dates: [[String?]], files: [[String?]]) -> [FetchDateRecord] {
        var byDate: [String: [FetchFileRecord]] = [:]
        for row in files {
            if let (date, file) = file(row) { byDate[date, default: []].append(file) }
        }
        return dates.compactMap { row in
            guard row.count == 3, let date = row[0], let state = row[1].flatMap(FetchState.init(rawValue:)) else {
                return nil
            }
            return FetchDateRecord(date: date, state: state, updatedAt: row[2] ?? "", files: byDate[date] ?? [])
        }
    }

    /// A row of ``lastRun`` → the run.
    public static func run(_ columns: [String?]) -> FetchRun? {
        guard columns.count == 5, let started = columns[0].flatMap({ Int64($0) }),
            let finished = columns[1].flatMap({ Int64($0) })
        else { return nil }
        return FetchRun(
            startedAt: started, finishedAt: finished, succeeded: columns[2] == "1", lastDate: columns[3],
            lastState: columns[4].flatMap(FetchState.init(rawValue:)))
    }

    /// A run's values for ``insertRun``.
    public static func values(_ run: FetchRun) -> [String?] {
        [
            String(run.startedAt), String(run.finishedAt), run.succeeded ? "1" : "0", run.lastDate,
            run.lastState?.rawValue,
        ]
    }

    /// The first day and the last of `year`, for ``lastAlcance``.
    public static func yearBounds(_ year: Int) -> (String, String) {
        let text = String(year)
        let padded = String(repeating: "0", count: max(0, 4 - text.count)) + text
        return ("\(padded)-01-01", "\(padded)-12-31")
    }
}
