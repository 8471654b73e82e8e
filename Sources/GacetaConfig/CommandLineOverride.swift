/// A value given on the command line, applied above every other source.
public struct CommandLineOverride: Sendable {
    /// The dotted key, e.g. `pool.workers`.
    public let key: String
    public let value: String
    /// How the user wrote it, for messages: `--workers` or `--set pool.workers=5`.
    public let flag: String

    public init(key: String, value: String, flag: String) {
        self.key = key
        self.value = value
        self.flag = flag
    }
}
