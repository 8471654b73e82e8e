import Testing

@testable import GacetaConfig

/// `[mail]` and `server.public_url`: checked with file and line, mail needs a public URL, a sender and a secret
/// key, and the password is a secret from GACETACHAT_MAIL_PASSWORD.
@Suite struct MailSettingsTests {
    @Test func mailNeedsAPublicURLASenderAndASecretKey() throws {
        let errors = try loadErrors("[mail]\nhost = localhost\n")
        let messages = errors.map(\.message).joined(separator: "\n")
        #expect(messages.contains("mail.host is set but server.public_url is not"), "\(messages)")
        #expect(messages.contains("mail.host is set but mail.from is not"), "\(messages)")
        #expect(messages.contains("mail.host is set but server.secret_key is not"), "\(messages)")
        #expect(messages.contains("conf/test.ini:2"), "the errors name the line of mail.host: \(messages)")
    }

    @Test func badValuesNameFileAndLine() throws {
        let tls = try loadError("[mail]\nstarttls = maybe\n")
        #expect(tls.message.hasPrefix("invalid value 'maybe' for mail.starttls in conf/test.ini:2"), "\(tls.message)")
        let from = try loadError("[mail]\n\nfrom = Alertas <alertas@example.org>\n")
        #expect(from.message.hasPrefix("invalid value"), "\(from.message)")
        #expect(from.message.contains("mail.from in conf/test.ini:3"), "\(from.message)")
        let url = try loadError("[server]\npublic_url = gaceta.example.org\n")
        #expect(url.message.contains("server.public_url in conf/test.ini:2"), "\(url.message)")
    }

    @Test func aCompleteSectionLoadsAndThePasswordComesFromTheEnvironmentRedacted() throws {
        let configuration = try load(
            """
            [server]
            public_url = https://gaceta.example.org/
            secret_key = 0123456789abcdef0123456789abcdef
            [mail]
            host = smtp.example.org
            port = 587
            starttls = opportunistic
            user = alertas
            from = alertas@example.org
            """, environment: ["GACETACHAT_MAIL_PASSWORD": "hunter2-mail"])
        let settings = configuration.settings
        #expect(settings.server.publicURL == "https://gaceta.example.org")
        #expect(settings.mail.isEnabled && settings.mail.port == 587 && settings.mail.startTLS == .opportunistic)
        #expect(settings.mail.password == "hunter2-mail")
        let report = configuration.report()
        #expect(!report.contains("hunter2-mail"), "config check never prints the password")
        #expect(
            report.contains("<redacted, 12 characters>") && report.contains("GACETACHAT_MAIL_PASSWORD"), "\(report)")
        #expect(!Settings.defaults.mail.isEnabled, "no mail by default")
    }
}
