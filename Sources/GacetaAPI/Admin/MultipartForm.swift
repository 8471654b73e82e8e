import GacetaCore

/// A `multipart/form-data` body (RFC 7578) split into its parts. Anything malformed is a 400 that says what.
struct MultipartForm {
    struct Part {
        let name: String
        let filename: String?
        let body: ArraySlice<UInt8>
    }

    let parts: [Part]
    /// RFC 2046's longest boundary: it also bounds the cost of each search for it.
    static let maximumBoundaryLength = 70
    /// More parts than any upload form of ours has (a file and a date).
    static let maximumParts = 16

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    init(body: [UInt8], contentType: String?) throws(HTTPError) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw .init(
                status: 415, code: "unsupported_media_type",
                message: "send the file as multipart/form-data (curl -F file=@gaceta.pdf)")
        }
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw .badRequest("the multipart/form-data Content-Type has no boundary")
        }
        guard boundary.utf8.count <= Self.maximumBoundaryLength else {
            throw .badRequest("the multipart boundary is longer than \(Self.maximumBoundaryLength) characters")
        }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var cursor = Self.find(delimiter, in: body, from: 0) else {
            throw .badRequest("the body holds no part delimited by the boundary '\(boundary)'")
        }
        cursor += delimiter.count
        var parts: [Part] = []
        while true {
            if body[cursor...].starts(with: Array("--".utf8)) { break }  // the closing delimiter
            guard parts.count < Self.maximumParts else {
                throw .badRequest("the multipart body has more than \(Self.maximumParts) parts")
            }
            guard body[cursor...].starts(with: Array("\r\n".utf8)) else {
                throw .badRequest("malformed multipart body: expected CRLF after the boundary")
            }
            cursor += 2
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: cursor) else {
                throw .badRequest("malformed multipart body: a part's headers do not end")
            }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            let contentEnd = try Self.closingDelimiter(separator, in: body, from: contentStart)
            parts.append(try Self.part(headers: headers, body: body[contentStart..<contentEnd]))
            cursor = contentEnd + separator.count
        }
        self.parts = parts
    }

    /// Where `separator` next ends a part: followed by `--` (the last part) or CRLF, not by anything else.
    private static func closingDelimiter(_ separator: [UInt8], in body: [UInt8], from start: Int) throws(HTTPError)
        -> Int
    {
        var from = start
        while let found = find(separator, in: body, from: from) {
            let after = body[(found + separator.count)...]
            if after.starts(with: Array("--".utf8)) || after.starts(with: Array("\r\n".utf8)) { return found }
            from = found + 1
        }
        throw .badRequest("malformed multipart body: the last part is not closed by the boundary")
    }

    private static func part(headers: String, body: ArraySlice<UInt8>) throws(HTTPError) -> Part {
        for line in headers.split(separator: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].lowercased() == "content-disposition" else { continue }
            let value = String(pieces[1])
            guard let name = parameter("name", in: value) else { break }
            return Part(name: name, filename: parameter("filename", in: value), body: body)
        }
        throw .badRequest("malformed multipart body: a part has no Content-Disposition with a name")
    }

    /// `key=value` or `key="value"` among the `;`-separated parameters of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == key else { continue }
            var value = pair[1].trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
