import GacetaAlerts
import GacetaCore

/// What the alert routes need when `[mail]` is configured (else `ServiceContext.alerts` is nil and they answer
/// 404 `alerts_disabled`).
public struct AlertContext {
    public let store: any AlertStore
    public let links: AlertLinks
    public let messages: AlertMessages
    public let mailer: any Mailer
    /// Unix seconds now (a parameter for tests).
    public var now: () -> Int64

    public init(
        store: any AlertStore, links: AlertLinks, messages: AlertMessages, mailer: any Mailer,
        now: @escaping () -> Int64
    ) {
        self.store = store
        self.links = links
        self.messages = messages
        self.mailer = mailer
        self.now = now
    }

    var tokens: AlertTokens { links.tokens }
}
