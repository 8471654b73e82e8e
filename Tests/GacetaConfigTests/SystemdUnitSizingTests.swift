import Foundation
import Testing

@testable import GacetaConfig

/// `systemd/gacetachat.service` sizes the unit from the production profile: its memory limits are the arithmetic
/// its comment shows, on the values `conf/gacetachat.ini` really has, and the resource settings are there.
@Suite struct SystemdUnitSizingTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    private static let mebibyte = 1024 * 1024
    /// What the comment reserves besides the workers.
    private static let master = 64 * mebibyte
    private static let pdftotext = 1024 * mebibyte

    /// `Key=value` lines of the unit's [Service] section.
    private func serviceSettings() throws -> [String: String] {
        var values: [String: String] = [:]
        let text = try String(contentsOfFile: "\(Self.root)/systemd/gacetachat.service", encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    private func bytes(_ value: String?) -> Int? {
        guard let value, value.hasSuffix("M"), let number = Int(value.dropLast()) else { return nil }
        return number * Self.mebibyte
    }

    @Test func memoryLimitsAreTheProductionPoolsArithmetic() throws {
        let loader = ConfigurationLoader(
            environment: ["SECRET_KEY": String(repeating: "k", count: 40)], currentDirectory: Self.root,
            systemConfigFile: "/nonexistent/gacetachat.ini")
        let pool = try loader.load(profile: "production").settings.pool
        #expect(pool.maxWorkerMemory > 0, "production sets pool.max_worker_memory: the unit is sized from it")
        let unit = try serviceSettings()
        let high = pool.workers * pool.maxWorkerMemory + Self.master
        #expect(bytes(unit["MemoryHigh"]) == high, "MemoryHigh=\(unit["MemoryHigh"] ?? "-"), expected \(high)")
        #expect(
            bytes(unit["MemoryMax"]) == high + Self.pdftotext, "MemoryMax=\(unit["MemoryMax"] ?? "-")")
        #expect(unit["OOMPolicy"] == "continue", "one OOM-killed worker must not stop the pool")
        #expect(unit["LimitCORE"] == "0")
        let tasks = Int(unit["TasksMax"] ?? "") ?? 0
        #expect(tasks >= 1 + 2 * pool.workers, "the master, the workers and one helper each: \(tasks)")
    }
}
