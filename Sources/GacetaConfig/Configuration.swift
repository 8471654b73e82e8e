/// The result of a successful load: typed settings, and for every key its effective value and origin.
public struct Configuration: Sendable {
    public let settings: Settings
    /// Where the profile was chosen: `flag --profile`, `env GACETACHAT_PROFILE` or built-in.
    public let profileSource: ValueSource
    /// The configuration file read, as it was named (relative paths are relative to the loader's directory);
    /// `nil` when no file was found and only defaults and the environment apply.
    public let file: String?
    /// Every schema key, in schema order.
    public let values: [EffectiveValue]

    public init(settings: Settings, profileSource: ValueSource, file: String?, values: [EffectiveValue]) {
        self.settings = settings
        self.profileSource = profileSource
        self.file = file
        self.values = values
    }

    /// The effective value of a dotted key such as `pool.workers`.
    /// The effective value of `key` (an older name such as `pool.workers` gives its canonical key's value).
    public func value(for key: String) -> EffectiveValue? {
        let canonical = ConfigurationSchema.key(key)?.aliasOf ?? key
        return values.first { $0.key == canonical }
    }
}
