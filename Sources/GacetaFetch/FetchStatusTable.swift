import GacetaCore

/// `gacetachat fetch --status`: one line per date, then one per file.
public enum FetchStatusTable {
    public static func render(_ records: [FetchDateRecord]) -> String {
        var lines = [row("DATE", "STATE", "FILE", "FILE STATE", "DETAIL")]
        for record in records {
            lines.append(row(record.date, record.state.rawValue, "", "", ""))
            for file in record.files {
                var detail: [String] = []
                if let reason = file.reason { detail.append(reason.rawValue) }
                if let number = file.number { detail.append("Nº \(number)") }
                if let pages = file.pages { detail.append("\(pages) pages") }
                if let more = file.detail { detail.append(more) }
                lines.append(row("", "", file.name, file.state.rawValue, detail.joined(separator: ", ")))
            }
        }
        if records.isEmpty { lines.append("(no date fetched in this range)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ date: String, _ state: String, _ file: String, _ fileState: String, _ detail: String)
        -> String
    {
        let cells = [pad(date, 10), pad(state, 10), pad(file, 26), pad(fileState, 10), detail]
        var line = cells.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
