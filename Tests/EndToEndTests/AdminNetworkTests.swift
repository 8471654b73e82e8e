import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The app checks `[admin] allowed_networks` itself, before the token: a request nginx lets through (its allow
    /// lines are not the only guard) from an address outside them gets 403 `forbidden_network`, never a 401.
    @Suite struct AdminNetworkTests {
        @Test func anAddressOutsideAllowedNetworksIsRefusedBeforeTheTokenCheck() throws {
            let stack = try Stack(workers: 2, environment: ["GACETACHAT_ADMIN_ALLOWED_NETWORKS": "10.0.0.0/8, ::1/128"])
            defer { stack.stop() }
            try stack.start()
            for (method, path) in [("POST", "/api/v1/admin/reindex"), ("DELETE", "/api/v1/admin/documents/1")] {
                let refused = try stack.get(path, ["-X", method, "-H", "Authorization: Bearer gca_not-a-token"])
                #expect(refused.status == 403 && refused.errorCode == "forbidden_network", "\(path): \(refused.body)")
            }
            #expect(stack.masterLog().contains("action=reindex"), "the refusal is in the request log")

            let inside = try Stack(workers: 2, environment: ["GACETACHAT_ADMIN_ALLOWED_NETWORKS": "127.0.0.0/8"])
            defer { inside.stop() }
            try inside.start()
            let unauthorized = try inside.get("/api/v1/admin/reindex", ["-X", "POST"])
            #expect(unauthorized.status == 401, "inside the networks, the token decides: \(unauthorized.body)")
        }
    }
}
