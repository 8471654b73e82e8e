import GacetaSystem
import Glibc
import Testing

/// `Spawn`: the child's environment and open descriptors, as the child itself reports them.
@Suite struct SpawnTests {
    /// Runs `shell -c script` with `descriptors` and `environment`; what it printed on fd 1.
    private func run(
        _ script: String, shell: String = "/bin/sh", environment: [String: String] = [:],
        descriptors: [Int32: Int32] = [:]
    ) throws -> [String] {
        let output = try Spawn.pipe()
        defer { close(output.read) }
        var all = descriptors
        all[1] = output.write
        let pid = try Spawn(shell, arguments: ["-c", script], environment: environment, descriptors: all).start()
        close(output.write)
        let bytes = try FileContents.readAll(output.read)
        #expect(try Spawn.wait(pid) == .exited(code: 0))
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func theChildGetsPathLangTzAndWhatTheCallerNamesOnly() throws {
        setenv("GACETACHAT_SPAWN_TEST_SECRET", "must-not-leak", 1)
        defer { unsetenv("GACETACHAT_SPAWN_TEST_SECRET") }
        setenv("TZ", "America/Costa_Rica", 1)
        let lines = try run("env", environment: ["NAMED": "yes"])
        // The shell adds PWD (and may add SHLVL or _) on its own; everything else came from us.
        let names = Set(lines.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
            .subtracting(["PWD", "SHLVL", "_", "OLDPWD"])
        var expected: Set<String> = ["NAMED", "TZ"]
        if getenv("PATH") != nil { expected.insert("PATH") }
        if getenv("LANG") != nil { expected.insert("LANG") }
        #expect(names == expected)
        #expect(lines.contains("NAMED=yes"))
        #expect(lines.contains("TZ=America/Costa_Rica"))
        #expect(!lines.contains { $0.contains("must-not-leak") })
    }

    @Test func theChildHasZeroToTwoAndThePassedDescriptorsOnly() throws {
        // A descriptor left open without close-on-exec: an exec would hand it on unless spawn closes it.
        let leaked = open("/dev/null", O_RDONLY)
        #expect(leaked >= 0)
        defer { close(leaked) }
        let passed = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(passed) }
        let highest = max(leaked, passed, 5) + 3
        // `[ -e ]` is a stat: the check itself opens no descriptor.
        let script =
            "for n in $(seq 0 \(highest)); do [ -e /proc/$$/fd/$n ] && echo $n; done; true"
        let open = try run(script, descriptors: [5: passed])
        #expect(open == ["0", "1", "2", "5"], "leaked fd was \(leaked)")
    }

    @Test func aDescriptorThatIsAlsoAnotherTargetIsCopiedBeforeItIsReplaced() throws {
        // Our fd A goes to the child's B and our fd B to the child's A: a naive order loses one of them.
        let first = try Spawn.pipe()
        let second = try Spawn.pipe()
        defer { [first.read, first.write, second.read, second.write].forEach { close($0) } }
        let script = "echo one >&\(second.write); echo two >&\(first.write)"
        // bash: dash redirects only descriptors 0-9.
        _ = try run(script, shell: "/bin/bash", descriptors: [second.write: first.write, first.write: second.write])
        close(first.write)
        close(second.write)
        var buffer = [UInt8](repeating: 0, count: 16)
        let fromFirst = read(first.read, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(fromFirst, 0)), as: UTF8.self) == "one\n")
        let fromSecond = read(second.read, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(fromSecond, 0)), as: UTF8.self) == "two\n")
    }

    @Test func aFailedSpawnSaysWhatItTriedToStart() {
        do {
            _ = try Spawn("/nonexistent/gacetachat-worker", arguments: ["worker", "--config", "x.ini"]).start()
            Issue.record("spawning a missing program succeeded")
        } catch {
            #expect(error.errno == ENOENT)
            #expect(error.description.contains("/nonexistent/gacetachat-worker worker --config x.ini"))
        }
    }

    @Test func processRunnerCollectsOutputAndTheExitStatus() throws {
        let output = try ProcessRunner.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(String(decoding: output.stdout, as: UTF8.self) == "out\n")
        #expect(String(decoding: output.stderr, as: UTF8.self) == "err\n")
        #expect(output.status == 3)
        #expect(!output.succeeded)
    }
}
