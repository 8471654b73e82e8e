import Testing

@testable import GacetaConfig

/// `database.url` is checked when the configuration loads: workers start while PostgreSQL is down and connect
/// later, so a mistyped URL must stop the server here, with its file and line, not turn into endless 503s.
@Suite struct DatabaseURLTests {
    @Test(arguments: [
        "sqlite:var/gacetachat.db", "sqlite:///var/lib/gacetachat/gacetachat.db", "postgresql://gacetachat@/gacetachat",
        "postgres://u:p%40ss@db.example.org:5433/gaceta?sslmode=require&connect_timeout=5",
        "postgresql://gacetachat@/gacetachat?host=/run/postgresql", "postgresql://[::1]:5432,db2:5432/g",
        "postgresql:///gacetachat?host=/tmp&port=5432", "postgresql://",
    ])
    func acceptsWhatLibpqAccepts(_ url: String) {
        #expect(DatabaseURL.isValid(url))
    }

    @Test(arguments: [
        "mysql://root@/gaceta", "sqlite:", "postgresql://u@/db?hots=/run/postgresql", "postgresql://u@/db?host",
        "postgresql://u@db:54x2/g", "postgresql://u@db:99999/g", "postgresql://u@/d%zzb", "postgresql://u@/db?port=x",
        "postgresql://u@[::1/db", "var/gacetachat.db",
    ])
    func rejectsWhatLibpqWouldRefuse(_ url: String) {
        #expect(!DatabaseURL.isValid(url))
    }

    @Test func aMistypedURLFailsTheLoadWithItsFileAndLine() throws {
        let error = try loadError("[database]\nurl = postgresql://gacetachat@/gacetachat?hots=/run/postgresql\n")
        #expect(
            error.message.hasPrefix(
                "invalid value 'postgresql://gacetachat@/gacetachat?hots=/run/postgresql' for database.url in "
                    + "conf/test.ini:2"),
            "\(error.message)")
    }
}
