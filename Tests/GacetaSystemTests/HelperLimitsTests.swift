import GacetaSystem
import Glibc
import Testing

/// `ProcessRunner.Limits` (issue 15, helpers): a helper past its time, its output or its address space is
/// stopped, and the output says which limit it passed. Real programs exceed each limit.
@Suite struct HelperLimitsTests {
    @Test func aHelperPastItsTimeLimitIsKilled() throws {
        let output = try ProcessRunner.run(["sleep", "30"], limits: .init(time: .seconds(1)))
        #expect(output.exceeded == .time(.seconds(1)))
        #expect(output.signal == SIGKILL)
        #expect(!output.succeeded)
    }

    @Test func aHelperPastItsOutputLimitIsKilledAndItsOutputCut() throws {
        let output = try ProcessRunner.run(["yes", "página"], limits: .init(output: 64 * 1024))
        #expect(output.exceeded == .output(64 * 1024))
        #expect(output.stdout.count <= 64 * 1024)
        #expect(output.signal == SIGKILL)
    }

    @Test func aHelperPastItsAddressSpaceFailsToAllocate() throws {
        // 2 GiB of zeroes: allowed without a limit (untouched pages cost nothing), refused under 1 GiB.
        let script = "x = bytearray(2 << 30); print(len(x))"
        let free = try ProcessRunner.run(["python3", "-c", script])
        #expect(free.succeeded, "\(String(decoding: free.stderr, as: UTF8.self))")
        let limited = try ProcessRunner.run(["python3", "-c", script], limits: .init(addressSpace: 1 << 30))
        #expect(!limited.succeeded)
        #expect(String(decoding: limited.stderr, as: UTF8.self).contains("MemoryError"))
        // The limit is the helper's own from its first instruction: the shell reports it (in KiB).
        let reported = try ProcessRunner.run(["sh", "-c", "ulimit -v"], limits: .init(addressSpace: 1 << 30))
        #expect(String(decoding: reported.stdout, as: UTF8.self) == "\((1 << 30) / 1024)\n")
    }

    @Test func aHelperWithinItsLimitsRunsAsBefore() throws {
        let output = try ProcessRunner.run(
            ["printf", "uno\\ndos\\n"], limits: .init(time: .seconds(30), output: 1024, addressSpace: 1 << 30))
        #expect(output.succeeded)
        #expect(output.exceeded == nil)
        #expect(output.stdout == Array("uno\ndos\n".utf8))
    }

    @Test func aMissingHelperIsStillNotFoundUnderLimits() {
        #expect(throws: ProcessRunner.Failure.self) {
            try ProcessRunner.run(["gacetachat-no-such-helper"], limits: .init(addressSpace: 1 << 30))
        }
    }
}
