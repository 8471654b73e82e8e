/// Finds the La Gaceta edition (date and number) a file belongs to.
public enum EditionDetector {
    /// How much of the first page is searched.
    static let searchLimit = 2_000
    /// How many tokens after "Gaceta" the date may start.
    static let dateWindow = 14

    /// The date (`YYYY-MM-DD`) and edition number from an edition line such as
    /// "La Gaceta Nº 129 — Lunes 15 de julio del 2024", searched in the first ~2,000 characters.
    ///
    /// Accepts N°/Nº/No./N.º/Número or no marker, any dash or none, an optional weekday, "de"/"del", any case and
    /// accents, "setiembre" and "septiembre"; also the front-page layout "… lunes 15 de julio del 2024 Nº 129".
    /// Returns nil unless "Gaceta" is followed by a valid date.
    public static func fromText(_ firstPage: String) -> (date: String, number: String?)? {
        let tokens = TextToken.tokenize(firstPage.prefix(searchLimit))
        for start in tokens.indices where tokens[start].text == "gaceta" {
            var position = start + 1
            var number: String?
            if let (value, next) = editionNumber(in: tokens, at: position, requireMarker: false),
                date(in: tokens, at: next - 1) == nil
            {
                number = value
                position = next
            }
            let end = min(tokens.count, position + dateWindow)
            for candidate in position..<end {
                guard let (found, next) = date(in: tokens, at: candidate) else { continue }
                if number == nil, let (value, _) = editionNumber(in: tokens, at: next, requireMarker: true) {
                    number = value
                }
                return (found.iso, number)
            }
        }
        return nil
    }

    /// The date in a file name: `COMP_15_07_2024.pdf`, `15-07-2024`, `2024-07-15` or `20240715`.
    public static func fromFileName(_ name: String) -> String? {
        let groups = FilePath.stem(of: name).split(whereSeparator: { !($0.isASCII && $0.isNumber) })
            .map(String.init)
        for index in groups.indices {
            let rest = groups[index...].prefix(3).compactMap { Int($0) }
            if rest.count == 3 {
                let lengths = groups[index...].prefix(3).map(\.count)
                if lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4,
                    let date = SpanishDate(year: rest[2], month: rest[1], day: rest[0])
                {
                    return date.iso
                }
                if lengths[0] == 4, lengths[1] <= 2, lengths[2] <= 2,
                    let date = SpanishDate(year: rest[0], month: rest[1], day: rest[2])
                {
                    return date.iso
                }
            }
            let group = groups[index]
            if group.count == 8, let value = Int(group),
                let date = SpanishDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
            {
                return date.iso
            }
        }
        return nil
    }

    private static let numberMarkers: Set<String> = ["n", "no", "nro", "num", "numero", "o"]

    /// An edition number at `position`, optionally after a marker ("Nº", "No.", "Número").
    private static func editionNumber(
        in tokens: [TextToken], at position: Int, requireMarker: Bool
    ) -> (String, Int)? {
        var index = position
        var sawMarker = false
        while index < tokens.count, index < position + 2, tokens[index].kind == .word,
            numberMarkers.contains(tokens[index].text)
        {
            index += 1
            sawMarker = true
        }
        guard index < tokens.count, tokens[index].kind == .number, sawMarker || !requireMarker,
            let value = Int(tokens[index].text), (1...99_999).contains(value)
        else { return nil }
        return (String(value), index + 1)
    }

    /// "[weekday] 15 de julio de|del 2024" starting at `position`; returns the date and the index after it.
    static func date(in tokens: [TextToken], at position: Int) -> (SpanishDate, Int)? {
        var index = position
        if index < tokens.count, SpanishDate.weekdays.contains(tokens[index].text) { index += 1 }
        guard index < tokens.count, tokens[index].kind == .number, tokens[index].text.count <= 2,
            let day = Int(tokens[index].text)
        else { return nil }
        index += 1
        if index < tokens.count, tokens[index].text == "de" { index += 1 }
        guard index < tokens.count, let month = SpanishDate.monthNumbers[tokens[index].text] else { return nil }
        index += 1
        if index < tokens.count, tokens[index].text == "de" || tokens[index].text == "del" { index += 1 }
        guard index < tokens.count, tokens[index].kind == .number, tokens[index].text.count == 4,
            let year = Int(tokens[index].text), let date = SpanishDate(year: year, month: month, day: day)
        else { return nil }
        return (date, index + 1)
    }
}
