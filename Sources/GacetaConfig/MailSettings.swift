/// `[mail]`: the SMTP server that sends alert messages (confirmations, alerts). Without `mail.host` there are no
/// e-mail alerts: `/api/v1/alerts` answers 404 `alerts_disabled` and the web page hides the form.
public struct MailSettings: Sendable, Equatable {
    /// nil: no mail (alerts off).
    public var host: String?
    public var port: Int
    public var startTLS: StartTLS
    /// PEM file of the CAs that sign the SMTP server's certificate; nil: the system's bundle.
    public var caFile: String?
    public var user: String?
    /// From `GACETACHAT_MAIL_PASSWORD`; redacted in reports.
    public var password: String?
    /// The envelope and `From:` address, `alertas@example.org`.
    public var from: String?

    /// Whether the connection must, may or must not be upgraded with STARTTLS.
    public enum StartTLS: String, Sendable, Equatable, CaseIterable {
        /// No message leaves over a connection the server did not upgrade.
        case required
        /// Upgraded when the server offers STARTTLS, plain otherwise.
        case opportunistic
        /// Never upgraded (a local MTA on loopback).
        case off
    }

    /// Whether alerts by e-mail are configured.
    public var isEnabled: Bool { host != nil }
}

extension ValueType where Value == MailSettings.StartTLS {
    static var startTLS: ValueType {
        ValueType(
            expected: "one of " + MailSettings.StartTLS.allCases.map(\.rawValue).joined(separator: ", "),
            example: "required", allowsEmpty: false, parse: { MailSettings.StartTLS(rawValue: $0) },
            format: { $0.rawValue })
    }
}

extension ValueType where Value == String? {
    /// An `http://` or `https://` URL with a host, or nothing; a trailing slash is dropped.
    static var optionalHTTPURL: ValueType {
        let url = ValueType<String>.httpURL
        return ValueType(
            expected: url.expected + ", or nothing to leave it unset", example: "https://gaceta.example.org",
            allowsEmpty: true, parse: { $0.isEmpty ? .some(nil) : url.parse($0).map { .some($0) } },
            format: { $0 ?? "(unset)" })
    }

    /// An e-mail address (`local@domain`, no spaces, angle brackets, quotes or line breaks), or nothing.
    static var optionalMailbox: ValueType {
        ValueType(
            expected: "an e-mail address like alertas@example.org, or nothing to leave it unset",
            example: "alertas@example.org", allowsEmpty: true,
            parse: { text in
                guard !text.isEmpty else { return .some(nil) }
                let parts = text.split(separator: "@", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                    text.unicodeScalars.allSatisfy({
                        $0.value > 32 && $0.value < 127 && !"<>\"(),;:\\[]".unicodeScalars.contains($0)
                    })
                else { return nil }
                return .some(text)
            }, format: { $0 ?? "(unset)" })
    }
}

/// `[mail]` and `server.public_url` checked together: mail needs a sender, and every link in a message is absolute.
enum MailRules {
    static func violations(of settings: Settings, source: (String) -> ValueSource) -> [ConfigurationError] {
        guard settings.mail.isEnabled else { return [] }
        var errors: [ConfigurationError] = []
        if settings.server.publicURL == nil {
            errors.append(
                ConfigurationError(
                    "mail.host is set but server.public_url is not", at: source("mail.host"),
                    hint: "every link in an alert message is absolute: set server.public_url = https://your.host"))
        }
        if settings.mail.from == nil {
            errors.append(
                ConfigurationError(
                    "mail.host is set but mail.from is not", at: source("mail.host"),
                    hint: "set mail.from to the address alert messages come from, e.g. alertas@example.org"))
        }
        if settings.server.secretKey == nil {
            errors.append(
                ConfigurationError(
                    "mail.host is set but server.secret_key is not", at: source("mail.host"),
                    hint: "alert links carry HMAC tokens keyed by it: set SECRET_KEY in the environment"))
        }
        return errors
    }
}
