/// Removes citation markers that point to no passage from a model's answer, as it streams or at once.
///
/// A marker is `[n]`, `[n, m]`, `[n; m]` or `[n-m]` (digits, spaces, commas, semicolons, hyphens between
/// brackets); `[n][m]` is two markers. A marker whose numbers are all in `1...passageCount` is kept as written;
/// one with some valid numbers is rewritten with those only (`[1, 7]` → `[1]`); one with none is removed with
/// the space before it when punctuation follows ("texto [7]." → "texto."). Other bracketed text ("[sic]") is left
/// alone. Text is held back only while it may still be a marker (or is whitespace before one), so feeding the
/// deltas of a stream and then calling `finish()` yields, piece by piece, exactly the text of filtering the
/// whole answer at once.
struct CitationMarkerFilter {
    /// Longest bracketed text considered a marker.
    static let maximumMarkerLength = 24

    let passageCount: Int
    /// When set, only these passage numbers are kept (the ones that support the text); others are removed.
    var allowed: Set<Int>?
    /// Valid passage numbers in order of first use.
    private(set) var cited: [Int] = []
    private var pendingSpace = ""
    private var pendingMarker: String?
    private var droppedMarker = false

    init(passageCount: Int, allowed: Set<Int>? = nil) {
        self.passageCount = passageCount
        self.allowed = allowed
    }

    /// Filters `text`, with what was held back before; returns what can be shown now.
    mutating func feed(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars { take(scalar, into: &output) }
        return output
    }

    /// Everything still held back (an unfinished marker stays as it was written).
    mutating func finish() -> String {
        var output = ""
        flushMarkerAsText(into: &output)
        output += pendingSpace
        pendingSpace = ""
        return output
    }

    /// The whole answer filtered at once.
    static func filter(_ text: String, passageCount: Int, allowed: Set<Int>? = nil) -> (text: String, cited: [Int]) {
        var filter = CitationMarkerFilter(passageCount: passageCount, allowed: allowed)
        let output = filter.feed(text) + filter.finish()
        return (output, filter.cited)
    }

    private mutating func take(_ scalar: Unicode.Scalar, into output: inout String) {
        if var marker = pendingMarker {
            if scalar == "]" {
                pendingMarker = nil
                close(marker + "]", into: &output)
                return
            }
            if Self.isMarkerScalar(scalar) && marker.unicodeScalars.count < Self.maximumMarkerLength {
                marker.unicodeScalars.append(scalar)
                pendingMarker = marker
                return
            }
            flushMarkerAsText(into: &output)
        }
        if scalar == "[" {
            pendingMarker = "["
        } else if scalar.properties.isWhitespace {
            // After a removed marker, the space that preceded it stands for the one that follows it.
            if !(droppedMarker && !pendingSpace.isEmpty) { pendingSpace.unicodeScalars.append(scalar) }
        } else {
            if !(droppedMarker && ".,;:)!?".unicodeScalars.contains(scalar)) { output += pendingSpace }
            pendingSpace = ""
            droppedMarker = false
            output.unicodeScalars.append(scalar)
        }
    }

    private mutating func close(_ marker: String, into output: inout String) {
        guard let numbers = Self.numbers(in: marker) else {
            output += pendingSpace + marker
            pendingSpace = ""
            droppedMarker = false
            return
        }
        let valid = numbers.filter { $0 >= 1 && $0 <= passageCount && allowed?.contains($0) != false }
        for number in valid where !cited.contains(number) { cited.append(number) }
        guard !valid.isEmpty else {
            droppedMarker = true
            return
        }
        output += pendingSpace
        output += valid.count == numbers.count ? marker : "[" + valid.map(String.init).joined(separator: ", ") + "]"
        pendingSpace = ""
        droppedMarker = false
    }

    private mutating func flushMarkerAsText(into output: inout String) {
        guard let marker = pendingMarker else { return }
        pendingMarker = nil
        output += pendingSpace + marker
        pendingSpace = ""
        droppedMarker = false
    }

    private static func isMarkerScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || scalar == " " || scalar == "," || scalar == ";" || scalar == "-"
    }

    /// The numbers of `[…]`, ranges expanded (at most 20 numbers), or nil when it is not a marker.
    static func numbers(in marker: String) -> [Int]? {
        let inner = marker.dropFirst().dropLast()
        var numbers: [Int] = []
        for item in inner.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map {
                Int($0.trimmingSpaces())
            }
            switch bounds.count {
            case 1:
                guard let number = bounds[0] else { return nil }
                numbers.append(number)
            case 2:
                guard let low = bounds[0], let high = bounds[1], low <= high, high - low < 20 else { return nil }
                numbers.append(contentsOf: low...high)
            default:
                return nil
            }
        }
        return numbers.isEmpty || numbers.count > 20 ? nil : numbers
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
