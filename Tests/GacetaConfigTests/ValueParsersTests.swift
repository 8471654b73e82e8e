import Testing

@testable import GacetaConfig

@Suite struct ValueParsersTests {
    @Test(arguments: [
        ("512", 512), ("0", 0), ("64k", 65_536), ("64K", 65_536), ("1m", 1_048_576), ("2M", 2_097_152),
        ("1g", 1_073_741_824),
    ])
    func goodByteSizes(text: String, bytes: Int) {
        #expect(ValueParsers.byteSize(text) == bytes)
    }

    @Test(arguments: ["", "k", "1x", "1kb", "-1", "1.5m", " 1m", "99999999999999999999g", "9999999999999999g"])
    func badByteSizes(text: String) {
        #expect(ValueParsers.byteSize(text) == nil)
    }

    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("10s", .seconds(10)), ("5m", .seconds(300)), ("1h", .seconds(3600)),
        ("15", .seconds(15)), ("10S", .seconds(10)), ("0s", .zero),
    ])
    func goodDurations(text: String, duration: Duration) {
        #expect(ValueParsers.duration(text) == duration)
    }

    @Test(arguments: ["", "s", "10 s", "1d", "-1s", "1.5s", "ms10", "10sec"])
    func badDurations(text: String) {
        #expect(ValueParsers.duration(text) == nil)
    }

    @Test(arguments: [("660", UInt32(0o660)), ("0660", 0o660), ("0777", 0o777), ("600", 0o600), ("0", 0)])
    func goodOctalModes(text: String, mode: UInt32) {
        #expect(ValueParsers.octalMode(text) == mode)
    }

    @Test(arguments: ["", "0778", "1000", "abc", "06600", "0x1ff", "-660", "66 0"])
    func badOctalModes(text: String) {
        #expect(ValueParsers.octalMode(text) == nil)
    }

    @Test(arguments: [
        ("unix:/run/gacetachat.sock", ListenAddress.unix(path: "/run/gacetachat.sock")),
        ("unix:var/run/gacetachat.sock", .unix(path: "var/run/gacetachat.sock")),
        ("/run/gacetachat.sock", .unix(path: "/run/gacetachat.sock")),
        ("127.0.0.1:9000", .tcp(host: "127.0.0.1", port: 9000)),
        ("localhost:1", .tcp(host: "localhost", port: 1)),
        ("[::1]:65535", .tcp(host: "::1", port: 65535)),
    ])
    func goodListenAddresses(text: String, address: ListenAddress) {
        #expect(ListenAddress(parsing: text) == address)
        #expect(ListenAddress(parsing: address.description) == address)
    }

    @Test(arguments: [
        "", "unix:", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", ":9000", "::1:9000", "[::1]9000", "[]:80",
        "[127.0.0.1]:80", "host:port", "var/run/gacetachat.sock", "host:-1", "unix:/a b.sock",
    ])
    func badListenAddresses(text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }

    @Test func listenAddressDescriptions() {
        #expect(ListenAddress.unix(path: "var/x.sock").description == "unix:var/x.sock")
        #expect(ListenAddress.tcp(host: "::1", port: 9000).description == "[::1]:9000")
        #expect(ListenAddress.tcp(host: "127.0.0.1", port: 9000).description == "127.0.0.1:9000")
    }

    @Test func bools() {
        for text in ["true", "yes", "on", "1", "TRUE", "On"] {
            #expect(ValueParsers.bool(text) == true, "\(text)")
        }
        for text in ["false", "no", "off", "0", "False", "NO"] {
            #expect(ValueParsers.bool(text) == false, "\(text)")
        }
        for text in ["", "y", "2", "enabled", "true "] {
            #expect(ValueParsers.bool(text) == nil, "\(text)")
        }
    }

    @Test func integers() {
        #expect(ValueParsers.integer("8", in: 1...256) == 8)
        #expect(ValueParsers.integer("0", in: 1...256) == nil)
        #expect(ValueParsers.integer("257", in: 1...256) == nil)
        #expect(ValueParsers.integer("+8", in: 1...256) == nil)
        #expect(ValueParsers.integer("eight", in: 1...256) == nil)
    }

    @Test func logLevels() {
        #expect(LogLevel(name: "WARNING") == .warning)
        #expect(LogLevel(name: "Debug") == .debug)
        #expect(LogLevel(name: "warn") == nil)
        #expect(LogLevel.trace < .debug)
        #expect(LogLevel.error > .warning)
        #expect(LogLevel.allCases.sorted() == LogLevel.allCases)
    }

    @Test func canonicalFormats() {
        #expect(ValueParsers.formatByteSize(1_048_576) == "1m")
        #expect(ValueParsers.formatByteSize(1536) == "1536")
        #expect(ValueParsers.formatByteSize(65_536) == "64k")
        #expect(ValueParsers.formatDuration(.milliseconds(250)) == "250ms")
        #expect(ValueParsers.formatDuration(.seconds(90)) == "90s")
        #expect(ValueParsers.formatDuration(.seconds(120)) == "2m")
        #expect(ValueParsers.formatDuration(.seconds(7200)) == "2h")
        #expect(ValueParsers.formatDuration(.zero) == "0s")
        #expect(ValueParsers.formatMode(0o660) == "0660")
        #expect(ValueParsers.formatMode(0o7) == "0007")
    }

    @Test func typedValuesReachSettings() throws {
        let configuration = try load(
            """
            [server]
            listen = [::1]:9001
            socket_mode = 600
            max_body_size = 64K
            debug = yes
            [pool]
            boot_timeout = 250ms
            graceful_timeout = 2
            listen_backlog = 1024
            [log]
            level = Warning
            [llm]
            timeout = 5m
            """)
        let settings = configuration.settings
        #expect(settings.server.listen == .tcp(host: "::1", port: 9001))
        #expect(settings.server.socketMode == 0o600)
        #expect(settings.server.maxBodySize == 65_536)
        #expect(settings.server.debug)
        #expect(settings.pool.bootTimeout == .milliseconds(250))
        #expect(settings.pool.gracefulTimeout == .seconds(2))
        #expect(settings.pool.listenBacklog == 1024)
        #expect(settings.log.level == .warning)
        #expect(settings.llm.timeout == .seconds(300))
        #expect(configuration.value(for: "server.max_body_size")?.display == "64k")
        #expect(configuration.value(for: "server.socket_mode")?.display == "0600")
    }
}
