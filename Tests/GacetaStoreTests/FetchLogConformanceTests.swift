import GacetaCore
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `FetchLog`: states per date and file, runs, counters.
@Suite struct FetchLogConformanceTests {
    static let edition = FetchFileRecord(
        name: "COMP_15_07_2024.pdf", state: .stored, number: "129", pages: 92, sha256: String(repeating: "a", count: 64)
    )
    static let alcance = FetchFileRecord(
        name: "ALCA78_15_07_2024.pdf", state: .failed, reason: .truncated, detail: "pdfinfo cannot read it")

    @Test(arguments: StoreKind.testable) func aDateIsStoredWithItsFilesAndReplacedWhole(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        #expect(try harness.store.fetchDate("2024-07-15") == nil)
        let first = FetchDateRecord(
            date: "2024-07-15", state: .failed, updatedAt: "2024-07-15T11:30:00Z",
            files: [Self.edition, Self.alcance])
        try harness.store.recordFetchDate(first)
        #expect(try harness.store.fetchDate("2024-07-15") == first)
        #expect(try harness.store.lastAlcanceNumber(year: 2024) == nil, "a failed Alcance is not the last stored")

        var second = first
        second.files[1] = FetchFileRecord(name: Self.alcance.name, state: .stored, number: "78", pages: 4)
        second.state = .stored
        try harness.store.recordFetchDate(second)
        #expect(try harness.store.fetchDate("2024-07-15") == second)
        #expect(try harness.store.lastAlcanceNumber(year: 2024) == 78)
        #expect(try harness.store.lastAlcanceNumber(year: 2023) == nil)
    }

    @Test(arguments: StoreKind.testable) func rangesAreInDateOrderWithEditionFirst(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        for (date, number) in [("2024-07-16", "130"), ("2024-07-12", "127"), ("2024-07-15", "129")] {
            let suffix = date.split(separator: "-").reversed().joined(separator: "_")
            try harness.store.recordFetchDate(
                FetchDateRecord(
                    date: date, state: .stored, updatedAt: "2024-07-16T00:00:00Z",
                    files: [
                        FetchFileRecord(name: "ALCA9_\(suffix).pdf", state: .stored, number: "9"),
                        FetchFileRecord(name: "COMP_\(suffix).pdf", state: .stored, number: number),
                    ]))
        }
        let range = try harness.store.fetchDates(from: "2024-07-13", to: "2024-07-16")
        #expect(range.map(\.date) == ["2024-07-15", "2024-07-16"])
        #expect(range[0].files.map(\.name) == ["COMP_15_07_2024.pdf", "ALCA9_15_07_2024.pdf"])
        let previous = try #require(try harness.store.previousEditionNumber(before: "2024-07-16"))
        #expect(previous.date == "2024-07-15" && previous.number == 129)
        #expect(try harness.store.previousEditionNumber(before: "2024-07-12") == nil)
    }

    @Test(arguments: StoreKind.testable) func runsAndCounters(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        #expect(try harness.store.lastFetchRun() == nil)
        #expect(try harness.store.lastSuccessfulFetch() == nil)
        let good = FetchRun(
            startedAt: 100, finishedAt: 160, succeeded: true, lastDate: "2024-07-15", lastState: .stored)
        let bad = FetchRun(
            startedAt: 200, finishedAt: 230, succeeded: false, lastDate: "2024-07-16", lastState: .failed)
        try harness.store.recordFetchRun(good, counters: ["failures.timeout": 1])
        try harness.store.recordFetchRun(bad, counters: ["failures.timeout": 2, "number_gaps": 1])
        #expect(try harness.store.lastFetchRun() == bad)
        #expect(try harness.store.lastSuccessfulFetch() == 160)
        #expect(try harness.store.fetchCounters() == ["failures.timeout": 3, "number_gaps": 1])
    }
}
