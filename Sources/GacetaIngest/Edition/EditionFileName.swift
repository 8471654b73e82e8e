/// What the publisher's file names say: `COMP_15_07_2024.pdf` is the regular edition of that day,
/// `ALCA78_15_07_2024.pdf` its Alcance Nº 78.
public struct EditionFileName: Sendable, Equatable {
    public var date: String?
    public var kind: Masthead.Kind
    public var alcanceNumber: Int?

    public init(path: String) {
        let stem = FilePath.stem(of: path)
        date = EditionDetector.fromFileName(path)
        let upper = stem.uppercased()
        if upper.hasPrefix("ALCA") {
            let digits = upper.dropFirst(4).prefix(while: { $0.isASCII && $0.isNumber })
            if let value = Int(digits), value > 0, upper.dropFirst(4 + digits.count).hasPrefix("_") {
                kind = .alcance
                alcanceNumber = value
                return
            }
        }
        kind = .regular
        alcanceNumber = nil
    }
}
