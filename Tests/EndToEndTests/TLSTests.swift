import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// TLS 1.2 and 1.3 are offered; 1.0 and 1.1 are refused — by our nginx, not by the client:
    /// the same client command is first shown to complete a TLS 1.0 handshake with a control server.
    @Suite struct TLSTests {
        private static let legacyCipher = "DEFAULT:@SECLEVEL=0"

        private func handshake(port: UInt16, ca: String, _ flags: [String]) throws -> CommandResult {
            try Shell.run(
                "openssl",
                ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost", "-CAfile", ca] + flags,
                input: Data("Q\n".utf8))
        }

        @Test func modernVersionsSucceedAndLegacyVersionsAreRefused() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()

            for version in ["-tls1_2", "-tls1_3"] {
                let result = try handshake(port: stack.httpsPort, ca: stack.caPath, [version, "-verify_return_error"])
                #expect(result.status == 0, "\(version): \(result.output)")
                #expect(result.stdout.contains("Verify return code: 0 (ok)"), "\(version): \(result.stdout)")
            }
            let negotiated = try stack.curl([
                "--tlsv1.2", "--tls-max", "1.2", "https://127.0.0.1:\(stack.httpsPort)/health",
            ])
            #expect(negotiated.status == 200)

            // Control: this client can speak TLS 1.0 and 1.1 when a server allows it.
            let controlPort = try Paths.freePort()
            let control = Process()
            control.executableURL = URL(fileURLWithPath: try Shell.resolve("openssl"))
            control.arguments = [
                "s_server", "-accept", "127.0.0.1:\(controlPort)", "-cert", "\(stack.directory)/tls/server.crt",
                "-key", "\(stack.directory)/tls/server.key", "-cipher", Self.legacyCipher, "-tls1", "-www",
            ]
            control.standardOutput = FileHandle.nullDevice
            control.standardError = FileHandle.nullDevice
            try control.run()
            // SIGKILL: the test process starts children with SIGTERM blocked, so `terminate()` left it running.
            defer {
                kill(control.processIdentifier, SIGKILL)
                control.waitUntilExit()
            }
            var controlHandshake: CommandResult?
            try waitUntil("control server accepts TLS 1.0", timeout: 10) {
                controlHandshake = try? handshake(
                    port: controlPort, ca: stack.caPath, ["-tls1", "-cipher", Self.legacyCipher])
                return controlHandshake?.status == 0
            }
            #expect(controlHandshake?.stdout.contains("Protocol  : TLSv1") == true)

            for version in ["-tls1", "-tls1_1"] {
                let result = try handshake(
                    port: stack.httpsPort, ca: stack.caPath, [version, "-cipher", Self.legacyCipher])
                #expect(result.status != 0, "\(version) was accepted: \(result.stdout)")
            }
        }
    }
}
