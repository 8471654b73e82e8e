/// An address someone typed into the alert form, checked so that it can go into an SMTP envelope and a `To:`
/// header as it is: ASCII `local@domain`, no spaces, quotes, angle brackets, commas or line breaks (header
/// injection is impossible), a domain of letters, digits and hyphens with a dot, at most 254 characters.
public struct EmailAddress: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let text = text.trimmingSpaces
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return nil }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard parts[0].allSatisfy({ localAllowed.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
            !parts[0].contains("..")
        else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        guard labels.count >= 2,
            labels.allSatisfy({
                !$0.isEmpty && $0.count <= 63 && $0.allSatisfy { labelAllowed.contains($0) } && !$0.hasPrefix("-")
                    && !$0.hasSuffix("-")
            })
        else { return nil }
        value = text
    }

    public var description: String { value }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
