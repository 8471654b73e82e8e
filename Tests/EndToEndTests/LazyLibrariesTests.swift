import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// libpq, libcurl and libcrypto are loaded with `dlopen` by the process that needs them, so an idle SQLite
    /// worker without `[llm]` pays for none of them (nor for their dependency trees): the worker's private memory
    /// is what one more worker costs (`bench/hello` measures it).
    @Suite struct LazyLibrariesTests {
        /// The shared objects a process has mapped, by file name.
        static func mappedLibraries(_ pid: Int32) throws -> Set<String> {
            // Read to the end: procfs files have no size, and a whole-file read may stop at the first page.
            let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/maps"))
            defer { try? file.close() }
            let maps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
            return Set(
                maps.split(separator: "\n").compactMap { line in
                    line.split(separator: " ", omittingEmptySubsequences: true).last.map {
                        String($0.split(separator: "/").last ?? $0)
                    }
                }.filter { $0.contains(".so") })
        }

        @Test func aSQLiteWorkerThatServedRequestsMapsNeitherLibpqNorLibcurlNorLibcrypto() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()
            var pid: Int32 = 0
            for _ in 0..<20 {
                pid = try #require(try stack.get("/health").pid)
            }
            #expect(try stack.get("/api/v1/search?q=salario").status == 200)
            let libraries = try Self.mappedLibraries(pid)
            #expect(libraries.contains { $0.hasPrefix("libsqlite3.so") }, "the worker's maps were read: \(libraries)")
            for unwanted in ["libpq.so", "libcurl.so", "libcrypto.so", "libgssapi_krb5.so", "libldap"] {
                #expect(!libraries.contains { $0.hasPrefix(unwanted) }, "\(unwanted) is mapped: \(libraries.sorted())")
            }
        }
    }
}
