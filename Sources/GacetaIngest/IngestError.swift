/// A file that could not be found, read or parsed; `description` reads "PATH: MESSAGE".
public struct IngestError: Error, Sendable, CustomStringConvertible {
    /// The file or folder the error is about.
    public let path: String
    /// What went wrong and, where possible, what to do about it.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
