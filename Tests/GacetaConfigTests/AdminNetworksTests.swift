import Foundation
import Testing

@testable import GacetaConfig

/// `[admin] allowed_networks`: CIDRs, IPv4 and IPv6, checked when the configuration loads; the app checks
/// `REMOTE_ADDR` against them, and nginx's `allow` lines on the admin location say the same.
@Suite struct AdminNetworksTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func anIPv4MappedAddressIsTheIPv4AddressItCarries() throws {
        let loopback = try #require(IPNetwork(parsing: "127.0.0.1/32"))
        #expect(loopback.contains("127.0.0.1"))
        #expect(loopback.contains("::ffff:127.0.0.1"))
        #expect(!loopback.contains("127.0.0.2"))
        #expect(!loopback.contains("::1"))
        #expect(!loopback.contains(""))
        #expect(!loopback.contains("localhost"))
    }

    @Test func prefixesCountBitsInBothFamilies() throws {
        let ten = try #require(IPNetwork(parsing: "10.0.0.0/8"))
        #expect(ten.contains("10.255.3.4") && ten.contains("::ffff:10.1.2.3"))
        #expect(!ten.contains("11.0.0.1") && !ten.contains("9.255.255.255"))
        let documentation = try #require(IPNetwork(parsing: "2001:db8::/32"))
        #expect(documentation.contains("2001:db8:ffff::1") && documentation.contains("2001:0db8::"))
        #expect(!documentation.contains("2001:db9::1") && !documentation.contains("10.0.0.1"))
        let host = try #require(IPNetwork(parsing: "::1"))
        #expect(host.prefixLength == 128 && host.contains("::1") && !host.contains("::2"))
        // Host bits are cleared: 10.1.2.3/8 is 10.0.0.0/8.
        #expect(IPNetwork(parsing: "10.1.2.3/8") == ten)
        #expect(IPNetwork(parsing: "192.168.1.77/26")?.description == "192.168.1.64/26")
        #expect(IPNetwork(parsing: "2001:db8::1/32")?.description == "2001:db8::/32")
        #expect(IPNetwork(parsing: "0.0.0.0/0")?.contains("203.0.113.9") == true)
    }

    /// A list is split at commas: white space around an entry goes, white space inside one is an error.
    @Test func whiteSpaceAroundANetworkIsIgnored() throws {
        let ten = try #require(IPNetwork(parsing: "10.0.0.0/8"))
        #expect(IPNetwork(parsing: " 10.0.0.0/8\t") == ten)
        #expect(IPNetwork(parsing: "\u{A0}\n::1 ")?.description == "::1/128")
        #expect(IPNetwork(parsing: "10.0.0.0 /8") == nil && IPNetwork(parsing: "10.0.0.0/ 8") == nil)
        #expect(IPNetwork(parsing: " \t ") == nil)
    }

    @Test(arguments: ["10.0.0.0/33", "::1/129", "10.0.0/8", "abc", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/-1", ""])
    func malformedNetworksAreRefused(text: String) {
        #expect(IPNetwork(parsing: text) == nil)
    }

    @Test func aBadNetworkInTheFileNamesTheFileAndLine() throws {
        let sandbox = try Sandbox()
        try sandbox.write("conf/gacetachat.ini", "[admin]\n\nallowed_networks = 127.0.0.1/32, 10.0.0.0/33\n")
        let errors = try #require(throws: ConfigurationErrors.self) { try sandbox.loader().load() }
        let message = errors.description
        #expect(message.contains("conf/gacetachat.ini:3"), "\(message)")
        #expect(message.contains("admin.allowed_networks"), "\(message)")
        let empty = try Sandbox()
        let good = empty.loader(environment: ["GACETACHAT_ADMIN_ALLOWED_NETWORKS": "10.0.0.0/8,2001:db8::/32"])
        #expect(try good.load(profile: "development").settings.admin.allowedNetworks.count == 2)
    }

    /// The shipped default and every profile's value equal the `allow` lines of nginx's admin location.
    @Test func nginxAllowsTheSameNetworksAsTheApp() throws {
        let text = try String(
            contentsOfFile: "\(Self.root)/nginx/snippets/gacetachat-app.conf", encoding: .utf8)
        let location = try #require(text.range(of: "location ^~ /api/v1/admin/ {"))
        let block = text[location.upperBound...].prefix { $0 != "}" }
        let allowed = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("allow ") }
            .compactMap { IPNetwork(parsing: String($0.dropFirst("allow ".count).dropLast())) }
        #expect(allowed.count >= 2, "\(block)")
        let loader = ConfigurationLoader(
            environment: ["SECRET_KEY": String(repeating: "k", count: 40)], currentDirectory: Self.root,
            systemConfigFile: "/nonexistent/gacetachat.ini")
        for profile in ["development", "testing", "production"] {
            let networks = try loader.load(profile: profile).settings.admin.allowedNetworks
            #expect(networks == allowed, "\(profile): \(networks) but nginx allows \(allowed)")
        }
    }
}
