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

/// Issue 15, helpers: a helper runs with a minimal environment whose `LANG` is `C.UTF-8` whatever ours is, so its
/// messages (which errors quote) and its text encoding do not depend on the operator's locale.
@Suite(.serialized) struct HelperEnvironmentTests {
    @Test func aHelperGetsLangCUTF8AndNothingElseOfOurs() throws {
        let saved = getenv("LANG").map { String(cString: $0) }
        setenv("LANG", "fr_FR.ISO-8859-1", 1)
        setenv("GACETACHAT_HELPER_TEST_SECRET", "must-not-leak", 1)
        defer {
            if let saved { setenv("LANG", saved, 1) } else { unsetenv("LANG") }
            unsetenv("GACETACHAT_HELPER_TEST_SECRET")
        }
        let output = try ProcessRunner.run(["sh", "-c", "env"])
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.contains("LANG=C.UTF-8"), "\(lines)")
        #expect(!lines.contains { $0.contains("must-not-leak") })
        let named = try ProcessRunner.run(["sh", "-c", "echo $LANG"], environment: ["LANG": "es_CR.UTF-8"])
        #expect(String(decoding: named.stdout, as: UTF8.self) == "es_CR.UTF-8\n", "a caller may still name one")
    }
}
