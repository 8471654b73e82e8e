/// What the production profile refuses to start with. Each refusal says what to change and where the offending
/// value came from.
enum ProductionPolicy {
    static let minimumSecretKeyLength = 32
    /// The widest permission bits allowed on the unix socket: owner and group read/write.
    static let widestSocketMode: UInt32 = 0o660

    static func violations(of settings: Settings, source: (String) -> ValueSource) -> [ConfigurationError] {
        var errors: [ConfigurationError] = []
        let setKey =
            "set SECRET_KEY in the environment, e.g. with systemd's EnvironmentFile=/etc/gacetachat/env, "
            + "or server.secret_key under [production]"
        if let secretKey = settings.server.secretKey {
            if secretKey.count < minimumSecretKeyLength {
                errors.append(
                    ConfigurationError(
                        "server.secret_key is too short for the production profile (\(secretKey.count) characters, "
                            + "at least \(minimumSecretKeyLength) needed)", at: source("server.secret_key"),
                        hint: "generate one with 'openssl rand -hex 32' and \(setKey)"))
            }
        } else {
            errors.append(
                ConfigurationError(
                    "missing required value server.secret_key", at: nil,
                    hint: "the production profile needs a secret key of at least \(minimumSecretKeyLength) characters; "
                        + setKey))
        }
        if settings.server.debug {
            errors.append(
                ConfigurationError(
                    "server.debug is on in the production profile", at: source("server.debug"),
                    hint: "debug pages show internals to anyone; set server.debug = false under [production]"))
        }
        if case .unix = settings.server.listen, settings.server.socketMode & ~widestSocketMode != 0 {
            let mode = ValueParsers.formatMode(settings.server.socketMode)
            errors.append(
                ConfigurationError(
                    "server.socket_mode \(mode) is wider than 0660 in the production profile",
                    at: source("server.socket_mode"),
                    hint: "other local users could talk to the workers directly; set server.socket_mode = 0660 under "
                        + "[production] and socket_group to nginx's group"))
        }
        return errors
    }
}
