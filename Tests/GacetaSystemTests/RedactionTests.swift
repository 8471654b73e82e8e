import Testing

import GacetaSystem

@Suite struct RedactionTests {
    @Test(arguments: [
        ("postgresql://u:pw@host/db", "postgresql://u:***@host/db"),
        ("postgresql://u:p%40w@host:5432/db?sslmode=require", "postgresql://u:***@host:5432/db?sslmode=require"),
        ("postgresql://u@host/db?password=pw&sslmode=require", "postgresql://u@host/db?password=***&sslmode=require"),
        ("host=h user=u password=pw dbname=d", "host=h user=u password=*** dbname=d"),
        ("host=h PASSWORD='p w' dbname=d", "host=h PASSWORD=*** dbname=d"),
        (
            "invalid value 'postgresql://a:b@c/d?hots=x' in --set database.url=postgresql://a:b@c/d?hots=x",
            "invalid value 'postgresql://a:***@c/d?hots=x' in --set database.url=postgresql://a:***@c/d?hots=x"
        ),
        ("postgresql://u@/db?host=/run/postgresql", "postgresql://u@/db?host=/run/postgresql"),
        ("sqlite:var/gacetachat.db", "sqlite:var/gacetachat.db"),
        ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"),
    ])
    func passwordsAreShownAsStars(text: String, expected: String) {
        #expect(Redaction.redacted(text) == expected)
    }
}

@Suite struct BareSecretRedactionTests {
    @Test func aBarePasswordIsHiddenWhereverAMessageEchoesIt() {
        #expect(Redaction.redacted("auth failed for pw1 (pw1)", hiding: "pw1") == "auth failed for *** (***)")
        #expect(Redaction.redacted("nothing here", hiding: "") == "nothing here")
    }
}
