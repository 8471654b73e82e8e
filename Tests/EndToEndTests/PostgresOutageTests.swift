import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The pool on PostgreSQL through nginx: the database goes away and comes back while the pool serves.
    @Suite struct PostgresOutageTests {
        @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
        func aDatabaseThatGoesAwayGives503sAndServesAgainWhenItReturns() throws {
            let server = try PostgresServer()  // a private cluster: stopping it disturbs no other test
            defer { server.stop() }
            let stack = try Self.stackWithOneGazette(on: server)
            defer { stack.stop() }
            try stack.start()
            #expect(try stack.get(Self.search).status == 200)
            #expect((try stack.get("/health").json())["database"] as? String == "ok")
            let workers = stack.workerPids()

            try server.halt()
            let health = try stack.get("/health")
            #expect(health.status == 503)
            #expect((try health.json())["database"] as? String == "unavailable")
            let down = try stack.get(Self.search)
            #expect(down.status == 503)
            #expect(down.errorCode == "database_unavailable")
            #expect(stack.workerPids() == workers, "no worker crashed or was restarted")

            try server.start()
            try waitUntil("searches succeed again", timeout: 30) { (try? stack.get(Self.search).status) == 200 }
            #expect((try stack.get("/health").json())["database"] as? String == "ok")
            #expect(stack.workerPids() == workers)
        }
    }
}

extension EndToEnd.PostgresOutageTests {
    /// A search that finds the gazette `stackWithOneGazette` ingests.
    static let search = "/api/v1/search?q=medicamentos+gen%C3%A9ricos"

    /// A stack (not started) on a new database of `server`, migrated, holding one gazette.
    static func stackWithOneGazette(on server: PostgresServer) throws -> Stack {
        let stack = try Stack(workers: 2, environment: ["GACETACHAT_DATABASE_URL": try server.createDatabase()])
        let pdf = "\(stack.directory)/gaceta-150.pdf"
        try GazettePDF.write(
            to: pdf, number: 150, date: "5 de agosto del 2024", firstPrinted: 3,
            pages: ["El Ministerio de Salud regula la venta de medicamentos genéricos."])
        let ingest = try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
        try #require(ingest.status == 0, "\(ingest.output)")
        return stack
    }

    /// The pool starts while PostgreSQL is down: its workers boot and answer 503 (no crash loop, no restart),
    /// then connect by themselves once the server starts.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func aPoolStartedWhileTheDatabaseIsDownServesOnceItStarts() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let stack = try Self.stackWithOneGazette(on: server)
        defer { stack.stop() }
        try server.halt()

        try stack.start(healthStatus: 503)
        let workers = stack.workerPids()
        #expect(workers.count == 2)
        let health = try stack.get("/health")
        #expect((try health.json())["database"] as? String == "unavailable")
        let down = try stack.get(Self.search)
        #expect(down.status == 503)
        #expect(down.errorCode == "database_unavailable")
        #expect(try stack.get("/api/v1/editions").status == 503)
        #expect(stack.workerPids() == workers, "no worker exited or was restarted")

        try server.start()
        try waitUntil("searches succeed once the server starts", timeout: 30) {
            (try? stack.get(Self.search).status) == 200
        }
        #expect((try stack.get(Self.search).json())["total"] as? Int == 1)
        #expect((try stack.get("/health").json())["database"] as? String == "ok")
        #expect(stack.workerPids() == workers, "the same workers serve, the pool was not restarted")
    }

    /// Two pools (as two hosts would run) on one PostgreSQL behind one nginx upstream: stop one, the other serves.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func twoPoolsShareOneDatabaseAndNginxFailsOverWhenOneStops() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let url = try server.createDatabase()
        let stack = try Stack(workers: 2, environment: ["GACETACHAT_DATABASE_URL": url])
        defer { stack.stop() }
        let secondSocket = "\(stack.directory)/pool2.sock"
        stack.additionalPoolSockets = [secondSocket]
        var environment = stack.poolEnvironment
        environment["GACETACHAT_SERVER_LISTEN"] = "unix:\(secondSocket)"
        let second = Process()
        second.executableURL = URL(fileURLWithPath: try Paths.binary())
        second.arguments = ["serve"]
        second.environment = environment
        second.standardOutput = FileHandle.nullDevice
        second.standardError = FileHandle.nullDevice
        try stack.start()
        try second.run()
        defer {
            if second.isRunning { kill(second.processIdentifier, SIGTERM) }
            second.waitUntilExit()
        }
        try waitUntil("the second pool listens") { FileManager.default.fileExists(atPath: secondSocket) }
        // Requests reach both pools (their workers are different processes).
        var pids: Set<Int32> = []
        try waitUntil("both pools answer") {
            if let pid = try? stack.get("/health").pid { pids.insert(pid) }
            return pids.count >= 3 || pids.contains { !stack.workerPids().contains($0) }
        }
        stack.signalMaster(SIGTERM)
        _ = try stack.waitForMasterExit()
        for _ in 0..<10 {
            let response = try stack.get("/health")
            #expect(response.status == 200, "nginx sends requests to the pool still running: \(response.body)")
        }
    }
}
