// TEMPORARY stand-in until the real GacetaText lands.
public final class SpanishTokenizer {
    public init() {}
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, stem: Bool, emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        var start: Int?
        var scratch = [UInt8]()
        func flush(_ end: Int) -> Bool {
            guard let s = start else { return true }
            start = nil
            scratch = text[s..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            return scratch.withUnsafeBufferPointer { emit($0, s..<end) }
        }
        for i in 0..<text.count {
            let b = text[i]
            let isWord = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 128
            if isWord { if start == nil { start = i } } else if !flush(i) { return }
        }
        _ = flush(text.count)
    }
    public func terms(_ text: String, stem: Bool = true) -> [String] {
        var out: [String] = []
        var copy = Array(text.utf8)
        copy.withUnsafeMutableBufferPointer { buffer in
            tokenize(UnsafeBufferPointer(buffer), stem: stem) { bytes, _ in
                out.append(String(decoding: bytes, as: UTF8.self))
                return true
            }
        }
        return out
    }
}
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
public enum SpanishStopwords {
    public static func contains(_ word: String) -> Bool {
        ["de", "la", "el", "los", "las", "del", "y", "en"].contains(word)
    }
}
public struct Chunker {
    public init(targetSize: Int = 1000, overlap: Int = 150) {}
    public func chunks(of pageText: String) -> [String] {
        let parts = pageText.split(separator: "\n\n").map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.filter { !$0.isEmpty }
        return parts
    }
}
