/// One page of a parsed source, as it will be cited.
public struct ParsedPage: Sendable, Equatable {
    /// 1-based page index in the file (the PDF page, or the position of a Markdown page marker).
    public var index: Int
    /// The page number printed on the page, when found.
    public var printedNumber: String?
    /// The page's text as extracted, with `\r` and trailing whitespace on lines removed.
    public var text: String

    public init(index: Int, printedNumber: String? = nil, text: String) {
        self.index = index
        self.printedNumber = printedNumber
        self.text = text
    }
}
