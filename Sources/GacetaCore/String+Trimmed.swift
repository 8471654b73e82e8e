extension String {
    /// Without leading and trailing Unicode whitespace.
    public var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Nil when empty.
    public var nonEmpty: String? { isEmpty ? nil : self }
}
