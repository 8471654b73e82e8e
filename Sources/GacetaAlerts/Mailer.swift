import GacetaHTTP

/// Sends one message; `SMTPMailer` in production and in the tests (against a real local MTA).
public protocol Mailer {
    func send(_ message: MailMessage, now: Int64) throws
}

/// The `[mail]` SMTP server.
public struct SMTPMailer: Mailer {
    public let client: SMTPClient

    public init(client: SMTPClient) {
        self.client = client
    }

    public func send(_ message: MailMessage, now: Int64) throws {
        try client.send(from: message.from, to: message.to, message: message.rendered(now: now))
    }
}
