import GacetaAlerts
import Testing

@Suite struct AlertTokensTests {
    let tokens = AlertTokens(secretKey: "test-secret-key-0123456789abcdef0123")

    @Test func aTokenWorksForItsPurposeAndSubjectUntilItExpires() {
        let now: Int64 = 1_800_000_000
        let token = tokens.token(.confirm, subject: "abc", now: now)
        #expect(tokens.verify(token, .confirm, subject: "abc", now: now))
        #expect(tokens.verify(token, .confirm, subject: "abc", now: now + 7 * 86_400))
        #expect(!tokens.verify(token, .confirm, subject: "abc", now: now + 7 * 86_400 + 1), "expired after 7 days")
        #expect(!tokens.verify(token, .unsubscribe, subject: "abc", now: now), "another purpose")
        #expect(!tokens.verify(token, .confirm, subject: "abd", now: now), "another subscription")
        #expect(!AlertTokens(secretKey: "another key").verify(token, .confirm, subject: "abc", now: now))
    }

    @Test func aChangedExpiryOrMacIsRefused() {
        let now: Int64 = 1_800_000_000
        let token = tokens.token(.manage, subject: "h", now: now)
        let parts = token.split(separator: ".")
        let later = "\(Int64(parts[0])! + 86_400).\(parts[1])"
        #expect(!tokens.verify(later, .manage, subject: "h", now: now), "the expiry is inside the MAC")
        #expect(!tokens.verify("garbage", .manage, subject: "h", now: now))
        #expect(!tokens.verify("", .manage, subject: "h", now: now))
    }

    @Test func theAddressHashIgnoresCaseAndIsAnHMAC() {
        let hash = tokens.addressHash("Maria@Example.org")
        #expect(hash == tokens.addressHash("maria@example.org"))
        #expect(hash.count == 64)
        #expect(hash != AlertTokens(secretKey: "other").addressHash("maria@example.org"))
    }
}

@Suite struct EmailAddressTests {
    @Test func plainAddressesAreAccepted() {
        for text in ["maria@example.org", "a.b+c@sub.example.co.cr", " x@y.io "] {
            #expect(EmailAddress(text) != nil, "\(text)")
        }
    }

    @Test func anythingThatCouldBendAHeaderOrAnEnvelopeIsRefused() {
        for text in [
            "maria@example.org\r\nBcc: x@evil.org", "maria@example.org>", "<maria@example.org>", "a b@example.org",
            "maria@localhost", "maria", "@example.org", "maria@", "maría@example.org", "a\"b@example.org",
            "a,b@example.org", "a..b@example.org", "maria@-example.org", String(repeating: "a", count: 250) + "@x.org",
        ] {
            #expect(EmailAddress(text) == nil, "\(text.debugDescription)")
        }
    }
}
