/// A file that could not be found, read or parsed; `description` reads "PATH: MESSAGE".
public struct IngestError: Error, Sendable, CustomStringConvertible {
    /// The file or folder the error is about.
    public let path: String
    /// What went wrong and, where possible, what to do about it.
    public let message: String

    /// The file is the publisher's cover for a day without an edition (a placeholder): nothing to store, and not
    /// a failure.
    public var isPlaceholder = false

    public init(path: String, message: String, isPlaceholder: Bool = false) {
        self.path = path
        self.message = message
        self.isPlaceholder = isPlaceholder
    }

    public var description: String { "\(path): \(message)" }
}
