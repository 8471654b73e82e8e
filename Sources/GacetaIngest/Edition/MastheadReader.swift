import GacetaText

/// Reads the masthead of a gazette from its first page (and, when the cover's date is unreadable, from the
/// running header of the next pages), for any Spanish-language gazette:
/// "La Gaceta Nº 129 — Lunes 15 de julio del 2024", "AÑO XXXV - Nº 1346 / Bogotá, D. C., lunes, 21 de septiembre
/// de 2026", "Guatemala, MARTES 12 de noviembre 2013 / DIARIO de CENTRO AMÉRICA / NÚMERO 29",
/// "Alcance Nº 78 a La Gaceta Nº 113".
public enum MastheadReader {
    /// Non-empty lines of the first page searched.
    static let coverLines = 60
    /// How far (in words) the edition number may be from the date.
    static let numberWindow = 40

    /// The masthead, or nil when the file is not a gazette edition (no date, or a date with neither a number
    /// nor a publication name). `fileName` supplies the Alcance number of `ALCA78_15_07_2024.pdf`.
    public static func read(pages: [String], fileName: String? = nil) -> Masthead? {
        guard let first = pages.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        var found = scan(lines: Array(nonEmptyLines(first).prefix(coverLines)))
        if found.date == nil || (found.number == nil && found.publication == nil) {
            // A cover whose date is an image or OCR noise: the running header of the next pages prints it.
            for page in pages.dropFirst().prefix(2) {
                let lines = nonEmptyLines(page)
                let header = scan(lines: Array(lines.prefix(6) + lines.suffix(3)))
                found.date = found.date ?? header.date
                found.number = found.number ?? header.number
                found.publication = found.publication ?? header.publication
            }
        }
        guard let date = found.date else { return nil }
        var masthead = Masthead(
            publication: found.publication, date: date, number: found.number,
            kind: found.alcance == nil ? .regular : .alcance, alcanceNumber: found.alcance)
        if let fileName {
            let name = EditionFileName(path: fileName)
            if name.kind == .alcance, masthead.kind == .regular {
                masthead.kind = .alcance
                masthead.alcanceNumber = name.alcanceNumber
            }
        }
        return masthead.isGazette ? masthead : nil
    }

    struct Found {
        var date: String?
        var number: String?
        var alcance: Int?
        var publication: String?
    }

    static func nonEmptyLines(_ page: String) -> [String] {
        page.split(separator: "\n").map { LineText.collapseLetterSpacing($0) }.filter { !$0.isEmpty }
    }

    static func scan(lines: [String]) -> Found {
        var found = Found()
        let tokens = MastheadToken.tokenize(lines: lines)
        let words = tokens.map { TextToken(kind: $0.isNumber ? .number : .word, text: $0.text) }
        var datePosition: Int?
        for position in words.indices {
            // "Ley No. 7727 de 09 de diciembre de 1997" dates a law; a masthead's date stands by itself.
            if position > 0, phraseWords.contains(words[position - 1].text) { continue }
            if let (date, _) = EditionDetector.date(in: words, at: position) {
                found.date = date.iso
                datePosition = position
                break
            }
        }
        let numbers = numberCandidates(tokens)
        if let alcance = numbers.first(where: \.isAlcance) {
            found.alcance = alcance.value
            found.number = numbers.first(where: { !$0.isAlcance && $0.position > alcance.position }).map {
                String($0.value)
            }
        } else if let datePosition {
            let near = numbers.filter { abs($0.position - datePosition) <= numberWindow }
            found.number = near.min { abs($0.position - datePosition) < abs($1.position - datePosition) }
                .map { String($0.value) }
        } else {
            found.number = numbers.first(where: { tokens[$0.position].line < 15 }).map { String($0.value) }
        }
        found.publication = PublicationName.find(in: lines.prefix(40))
        return found
    }

    /// Words before a date that make it part of a phrase rather than the edition's date.
    private static let phraseWords: Set<String> = ["de", "del", "el", "al", "a", "desde", "hasta", "en", "y"]

    struct NumberCandidate {
        var value: Int
        var position: Int
        var isAlcance: Bool
    }

    private static let markers: Set<String> = ["n", "no", "nro", "num", "numero", "edicion"]
    /// Words after which "Nº 12" numbers something other than the edition.
    private static let blocking: Set<String> = [
        "ley", "leyes", "decreto", "decretos", "resolucion", "acuerdo", "articulo", "art", "expediente", "exp",
        "oficio", "solicitud", "proyecto", "licitacion", "contratacion", "sesion", "acta", "tomo", "pagina",
        "pag", "directriz", "reglamento", "edicto", "voto", "sentencia", "cedula", "folio", "tramite",
    ]

    /// "Nº 129", "No. 29", "Número 12", "NÚMER029" (an OCR'd "NÚMERO 29"), "Alcance Nº 78"; never a number
    /// joined to more ("44123-MP", "12/2024") or one after "Ley", "Decreto", "Artículo"…
    static func numberCandidates(_ tokens: [MastheadToken]) -> [NumberCandidate] {
        var result: [NumberCandidate] = []
        for (position, token) in tokens.enumerated() where token.isNumber {
            var value = Int(token.text)
            var markerAt: Int?
            var back = position - 1
            while back >= 0, back >= position - 2, !tokens[back].isNumber, markers.contains(tokens[back].text) {
                markerAt = back
                back -= 1
            }
            if markerAt == nil, position > 0, tokens[position - 1].text == "numer", token.text.hasPrefix("0"),
                token.text.count >= 2
            {
                markerAt = position - 1
                value = Int(token.text.dropFirst())
                back = position - 2
            }
            guard let markerAt, let value, (1...99_999).contains(value), !token.joined else { continue }
            guard tokens[markerAt].line == token.line else { continue }
            let before = back >= 0 ? tokens[back].text : ""
            let isAlcance =
                before == "alcance" || (back >= 1 && before == "digital" && tokens[back - 1].text == "alcance")
            if blocking.contains(before) { continue }
            result.append(NumberCandidate(value: value, position: position, isAlcance: isAlcance))
        }
        return result
    }
}

/// A folded word or digit run of a masthead line, with what follows it.
struct MastheadToken {
    var text: String
    var isNumber: Bool
    var line: Int
    /// Followed by "-", "/" or "." and then a letter or digit ("44123-MP", "12/2024", "1.346"), or by a letter.
    var joined: Bool

    static func tokenize(lines: [String]) -> [MastheadToken] {
        var tokens: [MastheadToken] = []
        for (lineIndex, line) in lines.enumerated() {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                let isDigit = character.isASCII && character.isNumber
                let isWord = character.isLetter && character != "º" && character != "ª"
                guard isDigit || isWord else {
                    index += 1
                    continue
                }
                var end = index
                while end < characters.count {
                    let next = characters[end]
                    let sameKind =
                        isDigit ? (next.isASCII && next.isNumber) : (next.isLetter && next != "º" && next != "ª")
                    if !sameKind { break }
                    end += 1
                }
                var joined = false
                if isDigit, end < characters.count {
                    let next = characters[end]
                    if next.isLetter, next != "º", next != "ª" {
                        joined = true
                    } else if "-/.".contains(next), end + 1 < characters.count,
                        characters[end + 1].isLetter || (characters[end + 1].isASCII && characters[end + 1].isNumber)
                    {
                        joined = true
                    }
                }
                let text = String(characters[index..<end])
                tokens.append(
                    MastheadToken(
                        text: isDigit ? text : TextFolding.fold(text), isNumber: isDigit, line: lineIndex,
                        joined: joined))
                index = end
            }
        }
        return tokens
    }
}
