import Testing

@testable import GacetaConfig

/// `[fetch]`: its keys load, are checked like every key, and the metrics file defaults beside the database.
@Suite struct FetchSettingsTests {
    @Test func badBaseURLAndTimezoneNameFileAndLine() throws {
        let url = try loadError("[fetch]\n\nbase_url = ftp://example.org\n")
        #expect(
            url.message == "invalid value 'ftp://example.org' for fetch.base_url in conf/test.ini:3 "
                + "(expected an http:// or https:// URL with a host and no query, "
                + "e.g. 'base_url = https://www.imprentanacional.go.cr')")
        let zone = try loadError("[fetch]\ntimezone = America/San_Jose\n")
        #expect(zone.message.hasPrefix("invalid value 'America/San_Jose' for fetch.timezone in conf/test.ini:2"))
        let escape = try loadError("[fetch]\ntimezone = ../../etc/passwd\n")
        #expect(escape.message.hasPrefix("invalid value '../../etc/passwd' for fetch.timezone"))
    }

    @Test func defaultsAndTheMetricsFile() throws {
        var settings = Settings.defaults
        #expect(settings.fetch.baseURL == "https://www.imprentanacional.go.cr")
        #expect(settings.fetch.timezone == "America/Costa_Rica")
        #expect(settings.fetch.retries == 3)
        #expect(settings.fetch.maxSize == 200 << 20)
        #expect(settings.fetch.requestInterval == .seconds(1))
        // Beside the database, which the hardening moved into its own directory (var/db/).
        #expect(settings.fetchMetricsFile == "var/db/gacetachat-fetch.prom")
        settings.database.url = "sqlite:///var/lib/gacetachat/db/gacetachat.db"
        #expect(settings.fetchMetricsFile == "/var/lib/gacetachat/db/gacetachat-fetch.prom")
        settings.database.url = "postgresql://gacetachat@/gacetachat?host=/run/postgresql"
        settings.storage.filesDirectory = "/srv/gaceta/files"
        #expect(settings.fetchMetricsFile == "/srv/gaceta/gacetachat-fetch.prom")
        settings.fetch.metricsFile = "/run/metrics/fetch.prom"
        #expect(settings.fetchMetricsFile == "/run/metrics/fetch.prom")
    }
}
