import GacetaSystem

/// What poppler says about a downloaded PDF: whether it is whole, its pages, and what its cover says.
public enum PDFCheck {
    public struct Cover: Sendable, Equatable {
        public var pages: Int
        /// The edition number the first page prints ("Nº 129"), if any.
        public var number: String?
    }

    /// `pdfinfo` reads the whole file (a truncated one has no cross-reference table or trailer) and it ends with
    /// `%%EOF`; nil otherwise.
    public static func pages(of path: String) -> Int? {
        guard let output = try? ProcessRunner.run(["pdfinfo", path]), output.succeeded else { return nil }
        guard let tail = try? FileContents.read(path).suffix(1024), containsEOF(Array(tail)) else { return nil }
        for line in String(decoding: output.stdout, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).filter { $0 != " " && $0 != "\t" })
        }
        return nil
    }

    /// The first page's edition number: "Nº 129", "N° 129", "No. 129" (the masthead).
    public static func cover(of path: String, pages: Int) -> Cover {
        let text =
            (try? ProcessRunner.run(["pdftotext", "-f", "1", "-l", "1", "-layout", path, "-"]))
            .map { String(decoding: $0.stdout, as: UTF8.self) } ?? ""
        return Cover(pages: pages, number: editionNumber(in: text))
    }

    /// The first number after "Nº", "N°", "N.º", "No.", "Nro." or "Número" in `text`.
    public static func editionNumber(in text: String) -> String? {
        let characters = Array(text)
        let markers = ["º", "°", ".º", ".°", "o.", "ro.", "úmero", "UMERO", "ÚMERO", "umero"].map(Array.init)
        for index in characters.indices where characters[index] == "N" || characters[index] == "n" {
            let rest = characters[(index + 1)...]
            guard let marker = markers.first(where: { rest.starts(with: $0) }) else { continue }
            var cursor = index + 1 + marker.count
            while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\u{00A0}" {
                cursor += 1
            }
            var digits = ""
            while cursor < characters.count, characters[cursor].isASCII, characters[cursor].isNumber {
                digits.append(characters[cursor])
                cursor += 1
            }
            if !digits.isEmpty, let number = Int(digits) { return String(number) }
        }
        return nil
    }

    private static func containsEOF(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%%EOF".utf8)
        guard bytes.count >= marker.count else { return false }
        return (0...(bytes.count - marker.count)).contains { start in
            bytes[start..<(start + marker.count)].elementsEqual(marker)
        }
    }
}
