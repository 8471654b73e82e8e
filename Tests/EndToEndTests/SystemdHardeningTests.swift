import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The unit's hardening: systemd's own rating, and a system call filter that lets the pool do its work.
    @Suite struct SystemdHardeningTests {
        private static let unit = "\(Paths.repository)/systemd/gacetachat.service"

        @Test func systemdRatesTheUnitsExposureAtMostTwo() throws {
            let result = try Shell.run("systemd-analyze", ["security", "--offline=true", "--no-pager", Self.unit])
            let overall = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
            print("systemd-analyze security: \(overall ?? "no rating")")
            let score = overall.flatMap { line in
                line.split(separator: " ").compactMap { Double($0) }.first
            }
            let value = try #require(score, "\(result.output)")
            #expect(
                value <= 2.0,
                "\(result.output.split(separator: "\n").filter { $0.contains("✗") }.joined(separator: "\n"))")
        }

        /// Runs a pool under `strace -f` through start, requests, reload, TTIN, USR1 and stop, then an ingest
        /// (its helpers too), and checks that every system call they made is allowed by the unit's `SystemCallFilter=` lines (expanded by
        /// `systemd-analyze syscall-filter`), so production does not meet an EPERM the tests never saw.
        @Test func theSystemCallFilterAllowsEveryCallThePoolMakes() throws {
            let allowed = try Self.allowedSystemCalls()
            #expect(allowed.contains("epoll_pwait") && !allowed.contains("setrlimit"), "the filter was read")
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let trace = "\(stack.directory)/trace"
            let wrapper = "\(stack.directory)/traced-gacetachat"
            try """
            #!/bin/sh
            exec strace -f -qq -o \(trace) \(try Paths.binary()) "$@"
            """.write(toFile: wrapper, atomically: true, encoding: .utf8)
            chmod(wrapper, 0o755)
            stack.executable = wrapper
            try stack.start()
            let master = try #require(Stack.children(of: stack.master!.processIdentifier).first, "the traced master")
            for path in ["/health", "/api/v1/search?q=ley", "/api/v1/editions", "/status?json&full", "/metrics"] {
                _ = try stack.get(path)
            }
            _ = try stack.curl([
                "https://127.0.0.1:\(stack.httpsPort)/api/v1/chat", "-H", "Content-Type: application/json",
                "--data", #"{"question":"¿Qué dice la ley?"}"#,
            ])
            kill(master, SIGHUP)
            try stack.waitForLog("reload complete")
            kill(master, SIGTTIN)
            try stack.waitForLog("TTIN")
            kill(master, SIGUSR1)
            _ = try stack.get("/health")
            kill(master, SIGTERM)
            try waitUntil("the traced pool stops") { !(stack.master?.isRunning ?? false) }
            var made = try Self.systemCalls(in: trace)
            #expect(made.count > 30, "the trace holds the pool's calls: \(made.sorted())")
            // An ingest (the admin upload in a worker, the fetch service's): pdfinfo and pdftotext under their
            // limits (prlimit), traced with their children.
            let pdf = "\(stack.directory)/gaceta-150.pdf"
            try GazettePDF.write(
                to: pdf, number: 150, date: "12 de agosto del 2024", firstPrinted: 1,
                pages: ["El Consejo Nacional de Salarios fija el salario mínimo."])
            try Shell.run(wrapper, ["ingest", pdf], environment: stack.poolEnvironment).expectSuccess("traced ingest")
            let ingest = try Self.systemCalls(in: trace)
            #expect(ingest.contains("execve") && ingest.count > 30, "the ingest's calls: \(ingest.sorted())")
            made.formUnion(ingest)
            // libdispatch's worker threads (the ingest's prefetch) set their QoS priority with setpriority; under
            // the filter they get EPERM, which libdispatch ignores, and run at the default priority.
            let refused = made.subtracting(allowed).subtracting(["setpriority"])
            print("system calls made by the pool: \(made.count), outside the unit's filter: \(refused.sorted())")
            #expect(refused.isEmpty, "the unit's SystemCallFilter would refuse: \(refused.sorted())")
        }

        private static func systemCalls(in trace: String) throws -> Set<String> {
            let text = try String(contentsOfFile: trace, encoding: .utf8)
            var names: Set<String> = []
            for line in text.split(separator: "\n") {
                // "1234  openat(AT_FDCWD, …" or "1234  <... read resumed>…"; signals and exits have no call.
                let fields = line.drop { $0.isNumber }.drop { $0 == " " }
                guard let open = fields.firstIndex(of: "("), !fields.hasPrefix("<..."), !fields.hasPrefix("---"),
                    !fields.hasPrefix("+++")
                else { continue }
                let name = fields[..<open]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    names.insert(String(name))
                }
            }
            return names
        }

        /// The unit's `SystemCallFilter=` lines: allow lists add, `~` lines remove; groups expanded recursively.
        private static func allowedSystemCalls() throws -> Set<String> {
            let lines = try String(contentsOfFile: unit, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("SystemCallFilter=") }.map { $0.dropFirst("SystemCallFilter=".count) }
            var allowed: Set<String> = []
            for line in lines {
                let deny = line.hasPrefix("~")
                let names = try expand(line.drop { $0 == "~" }.split(separator: " ").map(String.init))
                if deny { allowed.subtract(names) } else { allowed.formUnion(names) }
            }
            return allowed
        }

        private static func expand(_ items: [String], seen: Set<String> = []) throws -> Set<String> {
            var result: Set<String> = []
            for item in items {
                guard item.hasPrefix("@") else {
                    result.insert(item)
                    continue
                }
                guard !seen.contains(item) else { continue }
                let listing = try Shell.run("systemd-analyze", ["syscall-filter", "--no-pager", item])
                try listing.expectSuccess("systemd-analyze syscall-filter \(item)")
                let members = listing.stdout.split(separator: "\n").dropFirst().map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
                result.formUnion(try expand(members, seen: seen.union([item])))
            }
            return result
        }
    }
}
