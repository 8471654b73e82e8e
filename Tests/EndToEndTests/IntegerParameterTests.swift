import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 4: `GET /api/v1/editions?page=9223372036854775807` crashed a worker (integer overflow).
    /// Every integer query parameter of every route gets one parser with a range: out of range, negative, written
    /// in another notation or empty, the answer is a 400 that names the parameter, and no worker dies.
    @Suite struct IntegerParameterTests {
        /// (route with the other parameters it needs, integer parameter).
        static let parameters = [
            ("/api/v1/search?q=salario&", "page"), ("/api/v1/search?q=salario&", "per_page"),
            ("/api/v1/editions?", "page"), ("/api/v1/editions?", "per_page"),
        ]
        static let badValues = ["9223372036854775807", "-1", "1e3", "0x10", ""]

        @Test func everyIntegerParameterRefusesBadValuesWithA400NamingIt() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            let workers = stack.workerPids()
            for (route, name) in Self.parameters {
                #expect(try stack.get("\(route)\(name)=2").status == 200, "\(route)\(name)=2 is fine")
                for value in Self.badValues {
                    let result = try stack.get("\(route)\(name)=\(value)")
                    #expect(result.status == 400, "\(route)\(name)=\(value): \(result.status) \(result.body)")
                    #expect(result.errorCode == "invalid_parameter", "\(route)\(name)=\(value): \(result.body)")
                    let message = (try? result.json()["error"] as? [String: Any])?["message"] as? String ?? ""
                    #expect(message.contains("'\(name)'"), "the message names '\(name)': \(result.body)")
                }
            }
            #expect(stack.workerPids() == workers, "no worker died or was replaced")
            #expect(!stack.masterLog().contains("exited on signal"), "\(stack.masterLog())")
        }
    }
}
